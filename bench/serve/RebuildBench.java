import java.nio.file.*;
import java.util.*;
import org.fieldguide.pipeline.*;

/**
 * Rebuild time in process, without serve's watcher and HTTP: builds PROJECT once in memory, then
 * edits PAGE (appends a line to its body, or with EDIT title changes its title) RUNS + 3 times,
 * rebuilding after each with the same state, and prints each rebuild's wall time, what it made
 * again and what it allocated, then the median wall and process CPU time of the last RUNS.
 *
 * <p>java -cp target/fieldguide.jar bench/serve/RebuildBench.java PROJECT PAGE.md MODE RUNS
 * [body|title]
 *
 * <p>MODE memo keeps serve's state (BuildState.forPreview: every stage takes over what did not
 * change); MODE simple keeps a one-off build's state (the read and drawing caches only, so every
 * rebuild renders and makes every page again). To time a jar from before the pipeline package
 * (org.fieldguide.build), change the import. The page is restored at the end.
 */
public class RebuildBench {
  static long allocated() {
    com.sun.management.ThreadMXBean t =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (long b : t.getThreadAllocatedBytes(t.getAllThreadIds())) if (b > 0) sum += b;
    return sum;
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    String rel = args[1];
    String mode = args[2];
    int runs = Integer.parseInt(args[3]);
    String edit = args.length > 4 ? args[4] : "body";
    BuildOptions options = BuildOptions.defaults(root).withWrite(false).withVersion("bench");
    BuildState state = mode.equals("memo") ? BuildState.forPreview() : new BuildState();
    Path page = root.resolve(rel);
    String original = Files.readString(page);
    try {
      long t0 = System.nanoTime();
      BuildResult first = new Build(options, state).run();
      System.out.printf(
          "first build: %.0f ms, %d diagnostics%n",
          (System.nanoTime() - t0) / 1e6, first.diagnostics().all().size());
      List<Double> times = new ArrayList<>();
      List<Double> cpus = new ArrayList<>();
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean)
              java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      for (int i = 0; i < runs + 3; i++) {
        String text =
            edit.equals("title")
                ? (original.contains("title: \"")
                    ? original.replaceFirst("(?m)^title: \"", "title: \"Edited " + i + " ")
                    : original.replaceFirst("(?m)^title: (.*)$", "title: $1 " + i))
                : original + "\nEdit number " + i + ".\n";
        Files.writeString(page, text);
        long t = System.nanoTime();
        long c = os.getProcessCpuTime();
        long a = allocated();
        BuildResult r = new Build(options, state).run(List.of(page.toAbsolutePath()));
        double ms = (System.nanoTime() - t) / 1e6;
        double cpu = (os.getProcessCpuTime() - c) / 1e6;
        if (i >= 3) {
          times.add(ms);
          cpus.add(cpu);
        }
        System.out.printf(
            "rebuild %d: %.1f ms (bodies %d, pages %d), %.1f MB allocated%n",
            i, ms, r.redone().bodies().size(), r.redone().pages().size(), (allocated() - a) / 1e6);
      }
      Collections.sort(times);
      Collections.sort(cpus);
      System.out.printf(
          "median %.1f ms wall, %.1f ms CPU over %d (after 3 untimed)%n",
          times.get(times.size() / 2), cpus.get(cpus.size() / 2), times.size());
    } finally {
      Files.writeString(page, original);
    }
  }
}
