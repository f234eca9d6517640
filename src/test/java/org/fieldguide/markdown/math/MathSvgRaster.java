package org.fieldguide.markdown.math;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws the renderer's own SVG (viewBox plus paths of relative m, l, h, v, q, c, z commands) back
 * into pixels, so tests can compare it with what JLaTeXMath draws directly.
 */
final class MathSvgRaster {
  private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"([^\"]*)\"");
  private static final Pattern PATH =
      Pattern.compile("<path( fill-rule=\"evenodd\")? d=\"([^\"]*)\"/>");

  private MathSvgRaster() {}

  /** The SVG drawn black on white at {@code pixelsPerEm}, its viewBox's top-left at pixel 0,0. */
  static BufferedImage draw(String svg, double pixelsPerEm) {
    Matcher vb = VIEW_BOX.matcher(svg);
    if (!vb.find()) {
      throw new IllegalArgumentException("no viewBox");
    }
    String[] box = vb.group(1).split(" ");
    double scale = pixelsPerEm / MathSvgWriter.UNITS_PER_EM;
    int w = (int) Math.ceil(Double.parseDouble(box[2]) * scale) + 1;
    int h = (int) Math.ceil(Double.parseDouble(box[3]) * scale) + 1;
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.BLACK);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.scale(scale, scale);
    g.translate(-Double.parseDouble(box[0]), -Double.parseDouble(box[1]));
    Matcher p = PATH.matcher(svg);
    while (p.find()) {
      Path2D path = parse(p.group(2));
      path.setWindingRule(p.group(1) != null ? Path2D.WIND_EVEN_ODD : Path2D.WIND_NON_ZERO);
      g.fill(path);
    }
    g.dispose();
    return image;
  }

  /** Parses relative path data with implicit command repetition and compact number separators. */
  static Path2D parse(String d) {
    Path2D.Double path = new Path2D.Double();
    double x = 0;
    double y = 0;
    double sx = 0;
    double sy = 0;
    char command = 0;
    int i = 0;
    while (i < d.length()) {
      char c = d.charAt(i);
      if (Character.isLetter(c)) {
        command = c;
        i++;
        if (c == 'z') {
          path.closePath();
          x = sx;
          y = sy;
        }
        continue;
      }
      if (c == ' ') {
        i++;
        continue;
      }
      int count =
          switch (command) {
            case 'm', 'l' -> 2;
            case 'h', 'v' -> 1;
            case 'q' -> 4;
            case 'c' -> 6;
            default -> throw new IllegalArgumentException("unexpected " + command + " in " + d);
          };
      double[] v = new double[count];
      for (int k = 0; k < count; k++) {
        while (d.charAt(i) == ' ') {
          i++;
        }
        int start = i;
        boolean point = false;
        if (d.charAt(i) == '-') {
          i++;
        }
        while (i < d.length()
            && (Character.isDigit(d.charAt(i)) || (d.charAt(i) == '.' && !point))) {
          point |= d.charAt(i) == '.';
          i++;
        }
        v[k] = Double.parseDouble(d.substring(start, i));
      }
      switch (command) {
        case 'm' -> {
          x += v[0];
          y += v[1];
          path.moveTo(x, y);
          sx = x;
          sy = y;
          command = 'l';
        }
        case 'l' -> path.lineTo(x += v[0], y += v[1]);
        case 'h' -> path.lineTo(x += v[0], y);
        case 'v' -> path.lineTo(x, y += v[0]);
        case 'q' -> {
          path.quadTo(x + v[0], y + v[1], x + v[2], y + v[3]);
          x += v[2];
          y += v[3];
        }
        default -> {
          path.curveTo(x + v[0], y + v[1], x + v[2], y + v[3], x + v[4], y + v[5]);
          x += v[4];
          y += v[5];
        }
      }
    }
    return path;
  }

  /** JLaTeXMath's own drawing of the same formula, with the same origin as {@link #draw}. */
  static BufferedImage reference(
      org.scilab.forge.jlatexmath.TeXIcon icon, String svg, double pixelsPerEm) {
    Matcher vb = VIEW_BOX.matcher(svg);
    vb.find();
    String[] box = vb.group(1).split(" ");
    double scale = pixelsPerEm / MathSvgWriter.UNITS_PER_EM;
    BufferedImage image = draw(svg, pixelsPerEm);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    AffineTransform at = new AffineTransform();
    at.scale(scale, scale);
    at.translate(
        -Double.parseDouble(box[0]),
        -Double.parseDouble(box[1]) - (icon.getTrueIconHeight() - icon.getTrueIconDepth()));
    g.transform(at);
    icon.setForeground(Color.BLACK);
    icon.paintIcon(null, g, 0, 0);
    g.dispose();
    return image;
  }
}
