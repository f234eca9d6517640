package org.fieldguide.source;

/**
 * Every size limit the build enforces on content, in one place. Content comes from strangers
 * through pull requests, so nothing in it may make the build run out of memory or stack, or run for
 * hours; each limit is far beyond what a real page needs and is reported as an ordinary content
 * error that names it.
 */
public final class Limits {
  /** The largest content file read: 10 MB (a long explainer is under 100 kB). */
  public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

  /**
   * How deep Markdown may nest block quotes, lists, emphasis and links, counted in syntax-tree
   * levels (a list inside a list is two levels: the list and its item). Real pages stay under 20.
   */
  public static final int MAX_MARKDOWN_DEPTH = 200;

  /** How deep YAML may nest lists and mappings (front matter needs 2, a flowchart 4). */
  public static final int MAX_YAML_DEPTH = 100;

  /** The most nodes one flowchart or diagram may have; layout time grows fast beyond this. */
  public static final int MAX_CHART_NODES = 100;

  /** The most arrows (answers or edges) one flowchart or diagram may have. */
  public static final int MAX_CHART_EDGES = 200;

  /**
   * The most pages one section (top-level folder, glossary terms aside) may hold: every page of a
   * section lists the section's pages in its navigation, so the output grows with the square.
   */
  public static final int MAX_SECTION_PAGES = 1_000;

  private Limits() {}

  /** The message for a file over {@link #MAX_FILE_BYTES}. */
  public static String fileTooLarge(long bytes) {
    return "this file is "
        + megabytes(bytes)
        + "; files are limited to "
        + megabytes(MAX_FILE_BYTES)
        + "; split it into several pages";
  }

  /** The message for Markdown nested deeper than {@link #MAX_MARKDOWN_DEPTH}. */
  public static String markdownTooDeep() {
    return "block quotes, lists or emphasis are nested more than "
        + MAX_MARKDOWN_DEPTH
        + " levels deep here; Markdown is limited to "
        + MAX_MARKDOWN_DEPTH
        + " levels, so flatten the structure";
  }

  /** The message for YAML nested deeper than {@link #MAX_YAML_DEPTH}. */
  public static String yamlTooDeep() {
    return "lists and mappings are nested more than "
        + MAX_YAML_DEPTH
        + " levels deep here; YAML is limited to "
        + MAX_YAML_DEPTH
        + " levels, so flatten it";
  }

  /** The message for a chart with more than {@link #MAX_CHART_NODES} nodes. */
  public static String tooManyChartNodes(String what, int count) {
    return "this "
        + what
        + " has "
        + count
        + " nodes; a "
        + what
        + " is limited to "
        + MAX_CHART_NODES
        + " nodes, so split it into several charts";
  }

  /** The message for a chart with more than {@link #MAX_CHART_EDGES} arrows. */
  public static String tooManyChartEdges(String what, int count) {
    return "this "
        + what
        + " has "
        + count
        + " arrows; a "
        + what
        + " is limited to "
        + MAX_CHART_EDGES
        + " arrows, so split it into several charts";
  }

  /** The message for a section with more than {@link #MAX_SECTION_PAGES} pages. */
  public static String sectionTooLarge(int pages) {
    return "this folder holds "
        + pages
        + " pages; a section is limited to "
        + MAX_SECTION_PAGES
        + " pages because each of its pages lists the others in its navigation; split it into several top-level folders";
  }

  /**
   * Megabytes rounded up to a tenth, so that a file just over the limit never reads as equal to it.
   */
  static String megabytes(long bytes) {
    long tenths = (bytes * 10 + 1024 * 1024 - 1) / (1024 * 1024);
    return tenths % 10 == 0 ? tenths / 10 + " MB" : tenths / 10 + "." + tenths % 10 + " MB";
  }
}
