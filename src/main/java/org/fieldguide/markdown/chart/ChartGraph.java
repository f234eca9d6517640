package org.fieldguide.markdown.chart;

import java.util.List;

/**
 * What to lay out and draw, shared by flowcharts and diagrams: boxes with wrapped text and sizes,
 * edges with optional wrapped labels, and groups that box some nodes together. {@code singleEntry}
 * makes every edge into a box arrive at one point, the middle of its near side.
 */
record ChartGraph(
    boolean down, boolean singleEntry, List<Box> boxes, List<Edge> edges, List<Group> groups) {
  static final double PAD_X = 12;
  static final double PAD_Y = 9;

  ChartGraph {
    boxes = List.copyOf(boxes);
    edges = List.copyOf(edges);
    groups = List.copyOf(groups);
  }

  /** A box: CSS class, wrapped lines, size, group id (or null), link (or null). */
  record Box(
      String id,
      String kind,
      List<String> lines,
      double width,
      double height,
      String group,
      String href) {
    Box {
      lines = List.copyOf(lines);
    }

    /** A box sized to its text, wrapped at {@code wrap} characters; stadiums get round ends. */
    static Box of(
        String id, String kind, String text, int wrap, boolean stadium, String group, String href) {
      List<String> lines = TextWrap.wrap(text, wrap);
      double height = lines.size() * TextWrap.BOX_LINE + 2 * PAD_Y;
      double width =
          TextWrap.width(lines, TextWrap.BOX_CHAR) + 2 * PAD_X + (stadium ? height / 2 : 0);
      return new Box(id, kind, lines, Math.max(width, 64), height, group, href);
    }

    /** Corner radius: half the height for a stadium (outcomes), small otherwise. */
    double radius() {
      return kind.equals("fc-outcome") ? height / 2 : kind.equals("fc-question") ? 8 : 5;
    }
  }

  /** An arrow between box ids with a label that may be empty (no lines). */
  record Edge(String from, String to, List<String> label) {
    Edge {
      label = List.copyOf(label);
    }

    static Edge of(String from, String to, String label, int wrap) {
      return new Edge(from, to, label == null ? List.of() : TextWrap.wrap(label, wrap));
    }

    double labelWidth() {
      return TextWrap.width(label, TextWrap.LABEL_CHAR) + 10;
    }

    double labelHeight() {
      return label.size() * TextWrap.LABEL_LINE + 4;
    }
  }

  /** A labelled group of boxes; the label sits in the group's top padding. */
  record Group(String id, List<String> label) {
    Group {
      label = List.copyOf(label);
    }

    static Group of(String id, String label) {
      return new Group(id, TextWrap.wrap(label, 36));
    }

    double labelHeight() {
      return label.size() * TextWrap.LABEL_LINE;
    }
  }
}
