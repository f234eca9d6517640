package org.fieldguide.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.fieldguide.output.SiteWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing every page of the corpus atomically (staging folder, then swap, then deleting the
 * previous site), as {@code build} does at its end. Score: time per whole site.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class WriteBenchmark {
  SortedMap<String, byte[]> files = new TreeMap<>();
  Path out;

  @Setup(Level.Trial)
  public void prepare(Corpus corpus) throws IOException {
    for (int i = 0; i < corpus.pages.size(); i++) {
      files.put(
          corpus.pages.get(i).outputPath(), corpus.html.get(i).getBytes(StandardCharsets.UTF_8));
    }
    out = Files.createTempDirectory("fieldguide-bench-write").resolve("site");
  }

  @Benchmark
  public void writeSite() throws IOException {
    new SiteWriter(out).write(files);
  }

  @TearDown(Level.Trial)
  public void clean() throws IOException {
    try (var walk = Files.walk(out.getParent())) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
