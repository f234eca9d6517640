package org.fieldguide.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The rules the GitHub workflows must keep, checked on every test run (actionlint checks their
 * syntax on GitHub; this checks what the project decided): Pages deploys only what the tests
 * passed, every action runs on Node 24, every job has a time limit, fuzzing stays off the push
 * path.
 */
class WorkflowsTest {
  private static final Path WORKFLOWS = Path.of(".github", "workflows");

  /**
   * The first major of each action that runs on Node 24; an action not listed here fails the test.
   */
  private static final Map<String, Integer> NODE_24_MAJORS =
      Map.of(
          "actions/checkout", 5,
          "actions/setup-java", 5,
          "actions/cache", 5,
          "actions/upload-artifact", 6,
          "actions/configure-pages", 6,
          "actions/upload-pages-artifact", 5,
          "actions/deploy-pages", 5);

  private static final Pattern USES =
      Pattern.compile("^\\s*-?\\s*uses:\\s*([^@\\s]+)@v(\\d+)", Pattern.MULTILINE);

  @Test
  void pagesDeploysOnlyWhatTheTestsPassed() throws IOException {
    assertEquals(List.of(), deployProblems(read("pages.yml"), read("test.yml")));
  }

  @Test
  void aDeployThatSkipsTheTestsIsCaught() throws IOException {
    String pages = read("pages.yml");
    String noTests = pages.replace("    needs: test\n", "");
    assertTrue(
        deployProblems(noTests, read("test.yml"))
            .contains("the build job does not need the test job"));
    String notStrict = pages.replace("build --strict", "build");
    assertTrue(
        deployProblems(notStrict, read("test.yml"))
            .contains("the site is not built with --strict"));
  }

  @Test
  void everyActionRunsOnNode24() throws IOException {
    List<String> problems = new ArrayList<>();
    try (var files = Files.list(WORKFLOWS)) {
      for (Path file : files.sorted().toList()) {
        problems.addAll(
            actionProblems(
                file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
      }
    }
    assertEquals(List.of(), problems);
    assertEquals(
        List.of("x.yml: actions/checkout@v4 runs on Node 20; use v5 or later"),
        actionProblems("x.yml", "steps:\n  - uses: actions/checkout@v4\n"));
  }

  @Test
  void everyJobHasATimeLimit() throws IOException {
    for (String name : List.of("test.yml", "pages.yml", "fuzz.yml")) {
      Map<String, Object> jobs = map(yaml(read(name)).get("jobs"));
      jobs.forEach(
          (id, job) -> {
            Map<String, Object> j = map(job);
            assertTrue(
                j.containsKey("uses") || j.containsKey("timeout-minutes"),
                name + ": job " + id + " has no timeout-minutes");
          });
    }
  }

  @Test
  void testsRunOncePerChangeAndFuzzingOnlyOnASchedule() throws IOException {
    Map<String, Object> test = yaml(read("test.yml"));
    Map<String, Object> on = map(test.get("on"));
    assertTrue(
        on.containsKey("pull_request") && on.containsKey("workflow_call"),
        "test.yml runs for pull requests and for Pages");
    assertTrue(
        !on.containsKey("push"),
        "a push to main is tested through pages.yml; a push trigger here would run the tests twice");
    assertTrue(
        map(test.get("concurrency")).get("cancel-in-progress").equals(Boolean.TRUE),
        "stale runs are cancelled");
    assertEquals(
        List.of("schedule", "workflow_dispatch"),
        List.copyOf(map(yaml(read("fuzz.yml")).get("on")).keySet()));
    String dependabot =
        Files.readString(Path.of(".github", "dependabot.yml"), StandardCharsets.UTF_8);
    assertTrue(
        dependabot.contains("package-ecosystem: github-actions")
            && dependabot.contains("package-ecosystem: maven"));
  }

  static List<String> deployProblems(String pagesYaml, String testYaml) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> jobs = map(yaml(pagesYaml).get("jobs"));
    Map<String, Object> test = map(jobs.get("test"));
    if (!"./.github/workflows/test.yml".equals(test.get("uses"))) {
      problems.add("the test job does not call test.yml");
    }
    if (!needs(map(jobs.get("build"))).contains("test")) {
      problems.add("the build job does not need the test job");
    }
    if (!needs(map(jobs.get("deploy"))).contains("build")) {
      problems.add("the deploy job does not need the build job");
    }
    if (!pagesYaml.contains("fieldguide.jar build --strict")) {
      problems.add("the site is not built with --strict");
    }
    if (!map(yaml(testYaml).get("on")).containsKey("workflow_call")) {
      problems.add("test.yml cannot be called");
    }
    if (!testYaml.contains("bash .ci/run")) {
      problems.add("test.yml does not run .ci/run");
    }
    return problems;
  }

  static List<String> actionProblems(String file, String yaml) {
    List<String> problems = new ArrayList<>();
    Matcher m = USES.matcher(yaml);
    while (m.find()) {
      String action = m.group(1);
      int major = Integer.parseInt(m.group(2));
      Integer least = NODE_24_MAJORS.get(action);
      if (least == null) {
        problems.add(
            file + ": " + action + " is not in WorkflowsTest's table of Node 24 majors; add it");
      } else if (major < least) {
        problems.add(
            file + ": " + action + "@v" + major + " runs on Node 20; use v" + least + " or later");
      }
    }
    return problems;
  }

  private static List<?> needs(Map<String, Object> job) {
    Object needs = job.get("needs");
    return needs instanceof List<?> list ? list : needs == null ? List.of() : List.of(needs);
  }

  private static String read(String name) throws IOException {
    return Files.readString(WORKFLOWS.resolve(name), StandardCharsets.UTF_8);
  }

  private static Map<String, Object> yaml(String text) {
    return map(new Load(LoadSettings.builder().build()).loadFromString(text));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
