package org.fieldguide.markdown.chart;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Parses rendered chart HTML as XML and reads back the shapes it draws. */
final class SvgShapes {
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

  final Document document;

  /** A rectangle with the text of the group it sits in (a box's or group's label). */
  record Box(String cssClass, double x, double y, double width, double height, String text) {
    boolean overlaps(Box o) {
      return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
    }

    boolean contains(Box o) {
      return o.x >= x && o.y >= y && o.x + o.width <= x + width && o.y + o.height <= y + height;
    }

    /** Whether the point lies on this box's border, give or take {@code tolerance}. */
    boolean onBorder(double px, double py, double tolerance) {
      boolean inOuter =
          px >= x - tolerance
              && px <= x + width + tolerance
              && py >= y - tolerance
              && py <= y + height + tolerance;
      boolean inInner =
          px > x + tolerance
              && px < x + width - tolerance
              && py > y + tolerance
              && py < y + height - tolerance;
      return inOuter && !inInner;
    }
  }

  SvgShapes(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    document =
        factory
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader("<div>" + html + "</div>")));
  }

  /** Every {@code <rect>} with one of these classes. */
  List<Box> rects(String... classes) {
    List<Box> out = new ArrayList<>();
    NodeList all = document.getElementsByTagNameNS("*", "rect");
    for (int i = 0; i < all.getLength(); i++) {
      Element rect = (Element) all.item(i);
      if (List.of(classes).contains(rect.getAttribute("class"))) {
        out.add(
            new Box(
                rect.getAttribute("class"),
                num(rect, "x"),
                num(rect, "y"),
                num(rect, "width"),
                num(rect, "height"),
                textBeside(rect)));
      }
    }
    return out;
  }

  List<Element> elements(String tag, String cssClass) {
    List<Element> out = new ArrayList<>();
    NodeList all = document.getElementsByTagNameNS("*", tag);
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (cssClass == null || e.getAttribute("class").equals(cssClass)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The first and last points of each edge path. */
  List<double[]> edgeEnds() {
    List<double[]> out = new ArrayList<>();
    for (Element path : elements("path", "chart-edge")) {
      Matcher m = NUMBER.matcher(path.getAttribute("d"));
      List<Double> numbers = new ArrayList<>();
      while (m.find()) {
        numbers.add(Double.parseDouble(m.group()));
      }
      int n = numbers.size();
      out.add(
          new double[] {numbers.get(0), numbers.get(1), numbers.get(n - 2), numbers.get(n - 1)});
    }
    return out;
  }

  /** The words of the tspans in the same group as the element, joined by spaces. */
  private static String textBeside(Element rect) {
    List<String> words = new ArrayList<>();
    NodeList spans = ((Element) rect.getParentNode()).getElementsByTagNameNS("*", "tspan");
    for (int i = 0; i < spans.getLength(); i++) {
      words.add(spans.item(i).getTextContent());
    }
    return String.join(" ", words);
  }

  private static double num(Element e, String attribute) {
    return Double.parseDouble(e.getAttribute(attribute));
  }
}
