package org.fieldguide.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.Test;

/** The real Alignment Field Guide builds with no errors and no warnings (as under --strict). */
class RealContentIT {
  @Test
  void realContentChecksCleanUnderStrict() {
    BuildOptions options =
        BuildOptions.defaults(Path.of(".")).withWrite(false).withStrict(true).withVersion("test");
    BuildResult result = new Build(options).run();
    assertEquals(List.of(), Fixture.lines(result));
    assertTrue(result.files().containsKey("alignment/rlhf/index.html"));
    assertTrue(result.files().containsKey("glossary/induction-head/index.html"));
  }
}
