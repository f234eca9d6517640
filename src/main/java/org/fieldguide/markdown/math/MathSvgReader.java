package org.fieldguide.markdown.math;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads what JFreeSVG recorded of JLaTeXMath's drawing back into outlines: every transform is
 * applied to the coordinates and strokes become outlines, so everything can be filled with one
 * colour. Glyphs (JFreeSVG {@code path}s) go to one path and rules and other shapes to another, so
 * that no two outlines of different orientation share a path and cancel where they overlap.
 * Anything else JFreeSVG might write (images, clip paths, dashes, colours other than the
 * foreground) is refused with an {@link IllegalArgumentException} whose message completes "this
 * formula …".
 */
final class MathSvgReader {
  private static final String FOREGROUND = "rgb(0,0,0)";

  private static final XMLInputFactory XML = xmlInputFactory();

  final MathPathWriter glyphs = new MathPathWriter();
  final MathPathWriter shapes = new MathPathWriter();
  final MathPathWriter evenOdd = new MathPathWriter();

  private MathSvgReader() {}

  /** Reads JFreeSVG's element, drawing every shape through {@code transform} first. */
  static MathSvgReader read(String jfreeSvg, AffineTransform transform) {
    MathSvgReader reader = new MathSvgReader();
    reader.readInto(jfreeSvg, transform);
    return reader;
  }

  private void readInto(String jfreeSvg, AffineTransform baseline) {
    Deque<AffineTransform> transforms = new ArrayDeque<>();
    Deque<Map<String, String>> styles = new ArrayDeque<>();
    transforms.push(baseline);
    styles.push(Map.of());
    try {
      XMLStreamReader r;
      synchronized (XML) {
        r = XML.createXMLStreamReader(new StringReader(jfreeSvg));
      }
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = r.getLocalName();
          AffineTransform at = new AffineTransform(transforms.peek());
          at.concatenate(transform(r.getAttributeValue(null, "transform")));
          Map<String, String> style = new HashMap<>(styles.peek());
          style.putAll(style(r.getAttributeValue(null, "style")));
          if (r.getAttributeValue(null, "fill-rule") != null) {
            style.put("fill-rule", r.getAttributeValue(null, "fill-rule"));
          }
          if (r.getAttributeValue(null, "clip-path") != null) {
            throw new IllegalArgumentException("clips part of the drawing");
          }
          if (!name.equals("svg") && !name.equals("g")) {
            paint(shape(name, r), name.equals("path"), at, style);
          }
          transforms.push(at);
          styles.push(style);
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          transforms.pop();
          styles.pop();
        }
      }
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot read JFreeSVG's output", e);
    }
  }

  private void paint(Shape shape, boolean glyph, AffineTransform at, Map<String, String> style) {
    String fill = style.getOrDefault("fill", FOREGROUND);
    if (!fill.equals("none")) {
      checkColour(fill);
      boolean evenOddRule = "evenodd".equals(style.get("fill-rule"));
      (evenOddRule ? evenOdd : glyph ? glyphs : shapes).append(shape, at);
    }
    String stroke = style.getOrDefault("stroke", "none");
    if (!stroke.equals("none")) {
      checkColour(stroke);
      if (style.containsKey("stroke-dasharray") && !style.get("stroke-dasharray").equals("none")) {
        throw new IllegalArgumentException("draws dashed lines");
      }
      BasicStroke s =
          new BasicStroke(
              Float.parseFloat(style.getOrDefault("stroke-width", "1")),
              switch (style.getOrDefault("stroke-linecap", "butt")) {
                case "round" -> BasicStroke.CAP_ROUND;
                case "square" -> BasicStroke.CAP_SQUARE;
                default -> BasicStroke.CAP_BUTT;
              },
              switch (style.getOrDefault("stroke-linejoin", "miter")) {
                case "round" -> BasicStroke.JOIN_ROUND;
                case "bevel" -> BasicStroke.JOIN_BEVEL;
                default -> BasicStroke.JOIN_MITER;
              },
              Math.max(1f, Float.parseFloat(style.getOrDefault("stroke-miterlimit", "4"))));
      shapes.append(s.createStrokedShape(shape), at);
    }
  }

  private static void checkColour(String colour) {
    if (!colour.equals(FOREGROUND)) {
      throw new IllegalArgumentException(
          "draws in the colour " + colour + ", not in the text colour");
    }
  }

  private static Shape shape(String name, XMLStreamReader r) {
    return switch (name) {
      case "path" -> path(r.getAttributeValue(null, "d"));
      case "rect" -> {
        double rx = number(r, "rx", 0);
        double ry = number(r, "ry", rx);
        double x = number(r, "x", 0);
        double y = number(r, "y", 0);
        double w = number(r, "width", 0);
        double h = number(r, "height", 0);
        yield rx == 0 && ry == 0
            ? new Rectangle2D.Double(x, y, w, h)
            : new RoundRectangle2D.Double(x, y, w, h, 2 * rx, 2 * ry);
      }
      case "line" ->
          new Line2D.Double(
              number(r, "x1", 0), number(r, "y1", 0), number(r, "x2", 0), number(r, "y2", 0));
      case "ellipse" -> {
        double rx = number(r, "rx", 0);
        double ry = number(r, "ry", 0);
        yield new Ellipse2D.Double(
            number(r, "cx", 0) - rx, number(r, "cy", 0) - ry, 2 * rx, 2 * ry);
      }
      case "circle" -> {
        double radius = number(r, "r", 0);
        yield new Ellipse2D.Double(
            number(r, "cx", 0) - radius, number(r, "cy", 0) - radius, 2 * radius, 2 * radius);
      }
      default -> throw new IllegalArgumentException("draws an SVG " + name + " element");
    };
  }

  private static double number(XMLStreamReader r, String attribute, double otherwise) {
    String v = r.getAttributeValue(null, attribute);
    return v == null ? otherwise : Double.parseDouble(v);
  }

  /** Parses the absolute M, L, Q, C, Z path data that JFreeSVG writes. */
  static Path2D path(String d) {
    Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO);
    double[] v = new double[6];
    int i = 0;
    int n = d.length();
    while (i < n) {
      char c = d.charAt(i++);
      int count =
          switch (c) {
            case 'M', 'L' -> 2;
            case 'Q' -> 4;
            case 'C' -> 6;
            case 'Z' -> 0;
            case ' ', ',' -> -1;
            default -> throw new IllegalArgumentException("writes the path command " + c);
          };
      for (int k = 0; k < count; k++) {
        while (d.charAt(i) == ' ' || d.charAt(i) == ',') {
          i++;
        }
        int start = i;
        while (i < n && isNumberChar(d, i, start)) {
          i++;
        }
        v[k] = Double.parseDouble(d.substring(start, i));
      }
      switch (c) {
        case 'M' -> path.moveTo(v[0], v[1]);
        case 'L' -> path.lineTo(v[0], v[1]);
        case 'Q' -> path.quadTo(v[0], v[1], v[2], v[3]);
        case 'C' -> path.curveTo(v[0], v[1], v[2], v[3], v[4], v[5]);
        case 'Z' -> path.closePath();
        default -> {}
      }
    }
    return path;
  }

  private static boolean isNumberChar(String d, int i, int start) {
    char c = d.charAt(i);
    if ((c >= '0' && c <= '9') || c == '.' || c == 'E' || c == 'e') {
      return true;
    }
    return (c == '-' || c == '+')
        && (i == start || d.charAt(i - 1) == 'E' || d.charAt(i - 1) == 'e');
  }

  private static AffineTransform transform(String value) {
    if (value == null) {
      return new AffineTransform();
    }
    String v = value.strip();
    if (!v.startsWith("matrix(") || !v.endsWith(")")) {
      throw new IllegalArgumentException("writes the transform " + value);
    }
    String[] m = v.substring("matrix(".length(), v.length() - 1).split("[,\\s]+");
    double[] flat = new double[6];
    for (int k = 0; k < 6; k++) {
      flat[k] = Double.parseDouble(m[k]);
    }
    return new AffineTransform(flat);
  }

  private static Map<String, String> style(String value) {
    Map<String, String> style = new HashMap<>();
    if (value != null) {
      for (String declaration : value.split(";")) {
        int colon = declaration.indexOf(':');
        if (colon > 0) {
          style.put(
              declaration.substring(0, colon).strip(), declaration.substring(colon + 1).strip());
        }
      }
    }
    return style;
  }

  private static XMLInputFactory xmlInputFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f;
  }
}
