package org.fieldguide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShortLivedJvmTest {
  private static final Optional<String> JAVA = Optional.of("/usr/lib/jvm/java-17/bin/java");

  private static Optional<List<String>> command(
      String[] given, Map<String, String> env, String... args) {
    return ShortLivedJvm.command(args, JAVA, Optional.of(given), env::get, 6L << 30);
  }

  @Test
  void relaunchesABuildStartedWithNoJvmOptions() {
    List<String> expected =
        List.of(
            "/usr/lib/jvm/java-17/bin/java",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseParallelGC",
            "-Xmn256m",
            "-Xms1024m",
            "-jar",
            "target/fieldguide.jar",
            "build",
            "--out",
            "x y");
    assertEquals(
        Optional.of(expected),
        command(
            new String[] {"-jar", "target/fieldguide.jar", "build", "--out", "x y"},
            Map.of(),
            "build",
            "--out",
            "x y"));
    assertEquals(
        "check",
        command(new String[] {"-jar", "f.jar", "check"}, Map.of(), "check").orElseThrow().get(7));
  }

  @Test
  void startsWithNoMoreHeapThanTheJvmAllows() {
    assertEquals(
        Optional.of("-Xms512m"),
        ShortLivedJvm.command(
                new String[] {"build"},
                JAVA,
                Optional.<String[]>of(new String[] {"-jar", "f.jar", "build"}),
                Map.<String, String>of()::get,
                512L << 20)
            .flatMap(c -> c.stream().filter(o -> o.startsWith("-Xms")).findFirst()));
  }

  @Test
  void respectsTheUsersChoices() {
    String[] plain = {"-jar", "f.jar", "build"};
    assertEquals(
        Optional.empty(),
        command(new String[] {"-Xmx1g", "-jar", "f.jar", "build"}, Map.of(), "build"));
    assertEquals(Optional.empty(), command(plain, Map.of("FIELDGUIDE_JVM", "default"), "build"));
    assertEquals(Optional.empty(), command(plain, Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g"), "build"));
    assertEquals(Optional.empty(), command(plain, Map.of("JDK_JAVA_OPTIONS", "-Xmx1g"), "build"));
    assertEquals(
        Optional.empty(),
        command(plain, Map.of("FIELDGUIDE_RELAUNCHED", "1"), "build"),
        "never twice");
    assertEquals(
        Optional.empty(),
        command(new String[] {"-jar", "f.jar", "serve"}, Map.of(), "serve"),
        "serve stays warm");
    assertEquals(
        Optional.empty(),
        command(
            new String[] {"-cp", "f.jar", "org.fieldguide.cli.Main", "build"}, Map.of(), "build"));
    assertEquals(
        Optional.empty(), command(new String[] {"-jar", "f.jar", "--help"}, Map.of(), "--help"));
    assertEquals(
        Optional.empty(),
        ShortLivedJvm.command(
            new String[] {"build"},
            JAVA,
            Optional.empty(),
            Map.<String, String>of()::get,
            1L << 30));
  }
}
