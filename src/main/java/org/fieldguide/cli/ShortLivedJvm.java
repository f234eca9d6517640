package org.fieldguide.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs {@code build}, {@code check} and {@code new} in a second JVM tuned for a short batch job,
 * when the user started {@code java -jar fieldguide.jar} without JVM options of their own.
 *
 * <p>A jar's manifest cannot carry JVM options, and the JVM's defaults suit long-running servers:
 * its optimising compiler (C2) and the G1 collector spent more CPU on a cold build than the build
 * itself (see docs/performance.md). With the quick compiler only ({@code -XX:TieredStopAtLevel=1})
 * and the throughput collector, a 1,000-page build takes about half the CPU, and a 10,000-page
 * build less too. That collector sizes its young generation for throughput, and at 10,000 pages
 * grew the heap to over 2 GB while the build held about 400 MB; a young generation of 256 MB
 * ({@code -Xmn256m}) keeps the peak near what the build holds at no cost in time, and sets no
 * ceiling on the heap. The first JVM only starts the second, passes it the same arguments, standard
 * streams and environment, and exits with its status, so the cost is one bare JVM start (about 0.1
 * s).
 *
 * <p>Nothing is relaunched when the user gave JVM options (anything before {@code -jar}), set
 * {@code JAVA_TOOL_OPTIONS} or {@code JDK_JAVA_OPTIONS}, set {@code FIELDGUIDE_JVM=default}, or
 * runs {@code serve}, whose JVM stays warm and gains from C2; nor when the JVM cannot tell its own
 * command line. The options are listed in {@link #OPTIONS} and in the README.
 */
final class ShortLivedJvm {
  /**
   * Measured gain, kept (docs/performance.md, 2026-12-04, {@code bench/run.sh} with the same jar
   * run with a JVM option of its own, so not relaunched, in turn with the relaunched one on a
   * shared 2-core machine): at 10,000 pages the default JVM took 61.8 s of CPU against 31.4 s
   * (median of 3, 2.0x), 121 s of wall time against 29 s, and a peak of 2,290 MiB against 752 MiB;
   * the real site took 9.7 s of CPU against 4.5 s and 11.9 s of wall time against 4.9 s.
   */
  static final List<String> OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmn256m");

  /**
   * The heap the second JVM starts with, at most: with the JVM's default (a 64th of the memory, so
   * an old generation of about 100 MB beside the 256 MB young one on a 23 GB machine) the collector
   * stopped everything for 0.3 s to grow the old generation in a build after a one-page edit at
   * 10,000 pages, and twice in a full build. Measured 2026-12-04, three pairs: 3.06 s of wall time
   * against 3.33 s after an edit, 21.3 s of user CPU against 22.5 s for the full build, the same
   * peak (a heap grows its footprint only as it is used). Never more than the JVM's own maximum,
   * which it would refuse.
   */
  static final long INITIAL_HEAP = 1L << 30;

  private static final String MARK = "FIELDGUIDE_RELAUNCHED";
  private static final Set<String> BATCH = Set.of("build", "check", "new");

  private ShortLivedJvm() {}

  /** The command that reruns this one in a tuned JVM, or empty when it should run here. */
  static Optional<List<String>> command(String[] args) {
    ProcessHandle.Info self = ProcessHandle.current().info();
    return command(
        args, self.command(), self.arguments(), System::getenv, Runtime.getRuntime().maxMemory());
  }

  /**
   * The same, given this JVM's executable, the arguments it was started with (JVM options, then
   * {@code -jar JAR}, then ours), its environment and its maximum heap in bytes (the second JVM's
   * default too).
   */
  static Optional<List<String>> command(
      String[] args,
      Optional<String> java,
      Optional<String[]> jvmArgs,
      Function<String, String> env,
      long maxHeap) {
    if (env.apply(MARK) != null
        || "default".equals(env.apply("FIELDGUIDE_JVM"))
        || env.apply("JAVA_TOOL_OPTIONS") != null
        || env.apply("JDK_JAVA_OPTIONS") != null
        || args.length == 0
        || !BATCH.contains(args[0])) {
      return Optional.empty();
    }
    if (java.isEmpty() || jvmArgs.isEmpty()) {
      return Optional.empty();
    }
    String[] given = jvmArgs.get();
    // Exactly "-jar JAR" followed by our own arguments: the user chose no JVM options.
    if (given.length != args.length + 2 || !given[0].equals("-jar")) {
      return Optional.empty();
    }
    for (int i = 0; i < args.length; i++) {
      if (!given[i + 2].equals(args[i])) {
        return Optional.empty();
      }
    }
    List<String> command = new ArrayList<>();
    command.add(java.get());
    command.addAll(OPTIONS);
    command.add("-Xms" + Math.min(INITIAL_HEAP, maxHeap) / (1 << 20) + "m");
    command.add("-jar");
    command.add(given[1]);
    command.addAll(List.of(args));
    return Optional.of(command);
  }

  /** Runs {@code command} with this process's streams and returns its exit status. */
  static int run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().put(MARK, "1");
    Process child = builder.start();
    Thread stop = new Thread(child::destroy, "fieldguide-stop-child");
    Runtime.getRuntime().addShutdownHook(stop); // if this JVM is told to stop, so is the build
    int status = child.waitFor();
    Runtime.getRuntime().removeShutdownHook(stop);
    return status;
  }
}
