import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the CPU samples ({@code jdk.ExecutionSample}) of a JFR recording of one fieldguide
 * build: the share of each pipeline stage, the hottest methods (self time), and the hottest
 * fieldguide methods (the first frame of ours on each stack). Uses only the JDK.
 *
 * <pre>java bench/profile/JfrSummary.java recording.jfr [TOP]</pre>
 */
public final class JfrSummary {
  /**
   * Stage markers, most specific first: a sample belongs to the first marker found on its stack
   * when the markers are tried in this order.
   */
  static final Map<String, String> STAGES = new LinkedHashMap<>();

  static {
    STAGES.put("org.fieldguide.xref.PageLinker.autolinkTerms", "term auto-linking");
    STAGES.put("org.fieldguide.xref.TermMatcher.", "term auto-linking");
    STAGES.put("org.fieldguide.xref.PageLinker.", "link resolution");
    STAGES.put("org.fieldguide.xref.PageChecks.", "page checks");
    STAGES.put("org.fieldguide.markdown.MarkdownSetup.parse", "Markdown parse");
    STAGES.put("org.fieldguide.markdown.FormulaRenderer.", "formulas (math)");
    STAGES.put("org.fieldguide.markdown.ChartBlocks.", "charts");
    STAGES.put("org.fieldguide.markdown.TableBlocks.", "data tables");
    STAGES.put("org.fieldguide.markdown.MarkdownSetup.render", "Markdown render");
    STAGES.put("org.fieldguide.html.BodyPostProcessor.", "body post-processing (Jsoup)");
    STAGES.put("org.fieldguide.markdown.PageBodies.", "term/FAQ splitting (Jsoup)");
    STAGES.put("org.fieldguide.html.SiteLinkChecker.scanPage", "link checker: scan pages");
    STAGES.put("org.fieldguide.html.SiteLinkChecker.check", "link checker: check links");
    STAGES.put("org.fieldguide.xref.FragmentChecks.", "link checker: check links");
    STAGES.put("org.fieldguide.template.PageViews.", "views (layout, nav)");
    STAGES.put("org.fieldguide.template.Navigation.", "views (layout, nav)");
    STAGES.put("org.fieldguide.template.Templates.render", "templates (Mustache)");
    STAGES.put("org.fieldguide.template.MainViews.", "views (layout, nav)");
    STAGES.put("org.fieldguide.xref.LinkGraph.", "backlinks");
    STAGES.put("org.fieldguide.pipeline.SearchDocuments.", "search index");
    STAGES.put("org.fieldguide.search.", "search index");
    STAGES.put("org.fieldguide.output.SiteWriter.", "write");
    STAGES.put("org.fieldguide.output.", "write");
    STAGES.put("org.fieldguide.source.GitDates.", "git dates");
    STAGES.put("org.fieldguide.template.Templates.compile", "compile templates");
    STAGES.put("org.fieldguide.frontmatter.", "front matter and site model");
    STAGES.put("org.fieldguide.source.", "load files");
    STAGES.put("org.fieldguide.xref.TermChecks.", "glossary checks");
    STAGES.put("org.fieldguide.pipeline.", "build (other)");
    STAGES.put("org.fieldguide.cli.", "command line");
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: java JfrSummary.java recording.jfr [TOP]");
      System.exit(2);
    }
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Map<String, Integer> stages = new HashMap<>();
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> ours = new HashMap<>();
    int total = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      total++;
      List<RecordedFrame> frames = stack.getFrames();
      self.merge(name(frames.get(0)), 1, Integer::sum);
      for (RecordedFrame frame : frames) {
        String name = name(frame);
        if (name.startsWith("org.fieldguide.")) {
          ours.merge(name, 1, Integer::sum);
          break;
        }
      }
      stages.merge(stage(frames), 1, Integer::sum);
    }
    System.out.println(total + " CPU samples");
    print("By stage", stages, total, 100);
    print("Hottest methods (self)", self, total, top);
    print("Hottest fieldguide methods (first frame of ours on the stack)", ours, total, top);
  }

  static String stage(List<RecordedFrame> frames) {
    for (Map.Entry<String, String> marker : STAGES.entrySet()) {
      for (RecordedFrame frame : frames) {
        if (name(frame).startsWith(marker.getKey())) {
          return marker.getValue();
        }
      }
    }
    return "other (JVM start, class loading, libraries outside a stage)";
  }

  static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  static void print(String title, Map<String, Integer> counts, int total, int top) {
    System.out.println();
    System.out.println(title);
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(top)
        .forEach(
            e ->
                System.out.printf(
                    "  %5.1f%%  %6d  %s%n",
                    100.0 * e.getValue() / total, e.getValue(), e.getKey()));
  }
}
