package org.fieldguide.markdown.math;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;

/**
 * Writes Java2D shapes as compact SVG path data. Coordinates are rounded once, to hundredths of a
 * user unit, and written relative to the previous point (exact differences of the rounded values,
 * so errors never add up), with {@code h}/{@code v} for straight lines, repeated command letters
 * left out, no separator where a minus sign or second decimal point makes one needless, zero-length
 * lines dropped, and the last line before a close dropped when the close draws it. It also keeps
 * the bounding box of every point written, control points included.
 */
final class MathPathWriter {
  private final StringBuilder d = new StringBuilder();
  private long x;
  private long y;
  private long startX;
  private long startY;
  private char command;
  private boolean separatorNeeded;
  private boolean lastHadPoint;
  private long minX = Long.MAX_VALUE;
  private long minY = Long.MAX_VALUE;
  private long maxX = Long.MIN_VALUE;
  private long maxY = Long.MIN_VALUE;

  /** Appends {@code shape} drawn through {@code transform} (null for none). */
  void append(Shape shape, AffineTransform transform) {
    PathIterator it = shape.getPathIterator(transform);
    double[] c = new double[6];
    long[] p = new long[6];
    int pending = -1; // a line held back until we know whether a close follows it
    long pendingX = 0;
    long pendingY = 0;
    for (; !it.isDone(); it.next()) {
      int type = it.currentSegment(c);
      for (int k = 0; k < 6; k++) {
        p[k] = Math.round(c[k] * 100);
      }
      if (pending >= 0
          && !(type == PathIterator.SEG_CLOSE && pendingX == startX && pendingY == startY)) {
        line(pendingX, pendingY);
      }
      pending = -1;
      switch (type) {
        case PathIterator.SEG_MOVETO -> {
          segment('m', p[0] - x, p[1] - y);
          x = startX = p[0];
          y = startY = p[1];
          include(p, 1);
        }
        case PathIterator.SEG_LINETO -> {
          pending = type;
          pendingX = p[0];
          pendingY = p[1];
          include(p, 1);
        }
        case PathIterator.SEG_QUADTO -> {
          segment('q', p[0] - x, p[1] - y, p[2] - x, p[3] - y);
          x = p[2];
          y = p[3];
          include(p, 2);
        }
        case PathIterator.SEG_CUBICTO -> {
          segment('c', p[0] - x, p[1] - y, p[2] - x, p[3] - y, p[4] - x, p[5] - y);
          x = p[4];
          y = p[5];
          include(p, 3);
        }
        default -> {
          segment('z');
          x = startX;
          y = startY;
        }
      }
    }
    if (pending >= 0) {
      line(pendingX, pendingY);
    }
  }

  boolean isEmpty() {
    return d.length() == 0;
  }

  String data() {
    return d.toString();
  }

  long minX() {
    return minX;
  }

  long minY() {
    return minY;
  }

  long maxX() {
    return maxX;
  }

  long maxY() {
    return maxY;
  }

  private void line(long toX, long toY) {
    long dx = toX - x;
    long dy = toY - y;
    if (dx == 0 && dy == 0) {
      return;
    }
    if (dy == 0) {
      segment('h', dx);
    } else if (dx == 0) {
      segment('v', dy);
    } else {
      segment('l', dx, dy);
    }
    x = toX;
    y = toY;
  }

  private void segment(char letter, long... values) {
    if (letter != command || letter == 'm' || letter == 'z') {
      d.append(letter);
      command = letter;
      separatorNeeded = false;
    }
    for (long v : values) {
      String s = format(v);
      boolean point = s.indexOf('.') >= 0;
      if (separatorNeeded && s.charAt(0) != '-' && !(s.charAt(0) == '.' && lastHadPoint)) {
        d.append(' ');
      }
      d.append(s);
      separatorNeeded = true;
      lastHadPoint = point;
    }
  }

  private void include(long[] p, int points) {
    for (int k = 0; k < points; k++) {
      minX = Math.min(minX, p[2 * k]);
      maxX = Math.max(maxX, p[2 * k]);
      minY = Math.min(minY, p[2 * k + 1]);
      maxY = Math.max(maxY, p[2 * k + 1]);
    }
  }

  /** Hundredths as a decimal number: 1250 → "12.5", -5 → "-.05", 300 → "3", 0 → "0". */
  static String format(long hundredths) {
    long a = Math.abs(hundredths);
    long whole = a / 100;
    long fraction = a % 100;
    StringBuilder s = new StringBuilder();
    if (hundredths < 0) {
      s.append('-');
    }
    if (whole != 0 || fraction == 0) {
      s.append(whole);
    }
    if (fraction != 0) {
      s.append('.').append(fraction / 10);
      if (fraction % 10 != 0) {
        s.append(fraction % 10);
      }
    }
    return s.toString();
  }
}
