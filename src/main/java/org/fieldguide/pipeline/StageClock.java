package org.fieldguide.pipeline;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The wall time of each stage of one build, printed to standard error at its end when the
 * environment sets {@code FIELDGUIDE_TIMINGS} (see docs/performance.md); otherwise it records
 * nothing. For finding where a slow build spends its time, not for tests.
 */
final class StageClock {
  private final boolean on;
  private final List<String> laps = new ArrayList<>();
  private final long start = System.nanoTime();
  private long last = start;

  private StageClock(boolean on) {
    this.on = on;
  }

  static StageClock fromEnvironment() {
    return new StageClock(System.getenv("FIELDGUIDE_TIMINGS") != null);
  }

  /** Marks the end of stage {@code name}. */
  void lap(String name) {
    if (on) {
      long now = System.nanoTime();
      laps.add(String.format(Locale.ROOT, "%-22s %7.0f ms", name, (now - last) / 1e6));
      last = now;
    }
  }

  void print(PrintStream out) {
    if (on) {
      laps.forEach(l -> out.println("fieldguide: timing: " + l));
      out.println(
          String.format(
              Locale.ROOT,
              "fieldguide: timing: %-22s %7.0f ms",
              "total",
              (System.nanoTime() - start) / 1e6));
    }
  }
}
