package org.fieldguide.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.fieldguide.pipeline.Build;
import org.fieldguide.pipeline.BuildOptions;
import org.fieldguide.pipeline.BuildResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole {@code check} (every stage but writing) of the corpus in a warm JVM: what a build would
 * cost without JVM start and JIT warm-up, as {@code serve}'s rebuilds will see it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class BuildBenchmark {
  @Benchmark
  public BuildResult check() {
    Path project =
        Path.of(System.getProperty("bench.corpus", "../out/corpus-1000"))
            .toAbsolutePath()
            .normalize();
    BuildResult result = new Build(BuildOptions.defaults(project).withWrite(false)).run();
    if (result.diagnostics().hasErrors()) {
      throw new IllegalStateException("the corpus has errors");
    }
    return result;
  }
}
