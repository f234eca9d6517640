package org.fieldguide.markdown.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MathPathWriterTest {
  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "300, 3",
    "1250, 12.5",
    "1234, 12.34",
    "-5, -.05",
    "50, .5",
    "-100, -1",
    "7, .07"
  })
  void hundredthsAreWrittenShort(long hundredths, String expected) {
    assertEquals(expected, MathPathWriter.format(hundredths));
  }

  @Test
  void pathsAreRelativeWithImplicitCommandsAndNoNeedlessSeparators() {
    MathPathWriter w = new MathPathWriter();
    w.append(new Rectangle2D.Double(1, 2, 3.5, 0.04), null);
    // moveTo, h, v, h, then the line back to the start is left to z
    assertEquals("m1 2h3.5v.04h-3.5z", w.data());
    Path2D p = new Path2D.Double();
    p.moveTo(0, 0);
    p.lineTo(1.5, 0.5);
    p.lineTo(2.25, -1);
    p.lineTo(2.25, -1); // zero length: dropped
    p.quadTo(3, 0, 4, 0.5);
    p.closePath();
    w.append(p, AffineTransform.getTranslateInstance(0, 0));
    assertEquals("m1 2h3.5v.04h-3.5zm-1-2l1.5.5.75-1.5q.75 1 1.75 1.5z", w.data());
    assertEquals(0, w.minX());
    assertEquals(-100, w.minY());
    assertEquals(450, w.maxX());
    assertEquals(204, w.maxY());
  }

  @Test
  void roundingNeverAccumulates() {
    MathPathWriter w = new MathPathWriter();
    Path2D p = new Path2D.Double();
    p.moveTo(0, 0);
    for (int i = 1; i <= 100; i++) {
      p.lineTo(i * 0.333, i % 2 == 0 ? 0 : 0.333);
    }
    w.append(p, null);
    Path2D back = MathSvgRaster.parse(w.data());
    double[] c = new double[6];
    double lastX = 0;
    for (var it = back.getPathIterator(null); !it.isDone(); it.next()) {
      it.currentSegment(c);
      lastX = c[0];
    }
    assertEquals(33.3, lastX, 0.005);
  }
}
