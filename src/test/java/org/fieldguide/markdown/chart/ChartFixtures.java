package org.fieldguide.markdown.chart;

import java.util.List;
import java.util.Optional;
import org.fieldguide.diag.Diagnostics;

/** Valid chart blocks to start tests from, and helpers to read them. */
final class ChartFixtures {
  static final String PATH = "content/flowcharts/choose.md";

  /** The file line of each block's first content line. */
  static final int FIRST_LINE = 10;

  /** A small valid flowchart; its lines are 10 (start) to 31 (the last link) in the file. */
  static final String SMALL =
      """
      start: data
      nodes:
        data:
          ask: Do you have preference data?
          answers:
            - {label: "Yes", to: online}
            - {label: "No", to: sft}
        online:
          ask: Can you sample online?
          answers:
            - {label: "Yes", to: ppo}
            - {label: "No", to: dpo}
        ppo:
          outcome: Use PPO
          link: ../alignment/ppo.md
        dpo:
          outcome: Use DPO
          link: ../alignment/dpo.md
          why: One loss, no sampling.
        sft:
          outcome: Fine-tune on demonstrations
          link: ../alignment/sft.md
      """;

  /** A valid flowchart of 12 nodes, where two questions share an outcome. */
  static final String LARGE =
      """
      start: checkable
      nodes:
        checkable:
          ask: "Can a program check whether an answer is correct, as with tests or known answers?"
          answers:
            - {label: "Yes", to: steps}
            - {label: "No", to: preferences}
        steps:
          ask: "Do the reasoning steps need to be right, not only the final answer?"
          answers:
            - {label: "Yes, steps matter", to: process}
            - {label: "Final answer is enough", to: verifiable}
        preferences:
          ask: "Can you collect human judgments of which of two responses is better?"
          answers:
            - {label: "Yes", to: budget}
            - {label: "No, or too few", to: principles}
        budget:
          ask: "Can you afford online RL: sampling, a reward model and PPO tuning?"
          answers:
            - {label: "Yes", to: iterative}
            - {label: "No", to: dpo}
        iterative:
          ask: "Will you keep collecting fresh feedback on the model's own new outputs?"
          answers:
            - {label: "Yes", to: ppo}
            - {label: "No, a fixed dataset", to: dpo}
        principles:
          ask: "Can you write the behavior you want as <readable> principles & rules?"
          answers:
            - {label: "Yes", to: cai}
            - {label: "No", to: sft}
            - {label: "Not sure", to: sft}
        process:
          outcome: "Process supervision"
          link: ../alignment/process-supervision.md
          why: "Step-level labels catch correct answers reached by faulty reasoning."
        verifiable:
          outcome: "Verifiable (programmatic) rewards"
          link: ../alignment/rule-based-rewards.md#verifiable
        ppo:
          outcome: "RLHF with PPO and a KL penalty"
          link: ../alignment/ppo-and-the-kl-penalty.md
          why: "Online RL can score the model's fresh outputs with an updated reward model."
        dpo:
          outcome: "DPO on preference pairs"
          link: ../alignment/dpo.md
          why: "DPO learns from a fixed set of preference pairs with one simple loss."
        sft:
          outcome: "Supervised fine-tuning only"
          link: ../alignment/rlhf.md
        cai:
          outcome: "Constitutional AI / RLAIF"
          link: ../alignment/constitutional-ai.md
          why: "A model applying written principles can stand in for human labels."
      """;

  /** A valid diagram with a group; its lines are 10 (title) to 20 in the file. */
  static final String DIAGRAM =
      """
      title: The three stages of RLHF
      direction: right
      nodes:
        sft: {label: "Supervised fine-tuning"}
        rm: Reward model
        ppo: {label: "RL with PPO"}
      groups:
        - {label: "Needs human labels", nodes: [sft, rm]}
      edges:
        - {from: sft, to: rm, label: "samples to rank"}
        - {from: rm, to: ppo, label: "reward"}
      """;

  /** A valid top-down diagram with two groups, an ungrouped node and an edge between groups. */
  static final String GROUPED =
      """
      title: The two phases of Constitutional AI
      direction: down
      nodes:
        prompts: {label: "Prompts that invite harm"}
        draft: {label: "Initial model's answer"}
        critique: {label: "Self-critique against a principle"}
        sl-cai: {label: "SL-CAI model (fine-tuned)"}
        pairs: {label: "Two sampled answers"}
        feedback: {label: "Feedback model picks one"}
        human: {label: "Helpfulness comparisons"}
        pm: {label: "Preference model"}
        rl-cai: {label: "RL-CAI model"}
      groups:
        - {label: "Phase 1: critique and revision", nodes: [prompts, draft, critique, sl-cai]}
        - {label: "Phase 2: RL from AI feedback", nodes: [pairs, feedback, pm, rl-cai]}
      edges:
        - {from: prompts, to: draft, label: "sample"}
        - {from: draft, to: critique}
        - {from: critique, to: sl-cai, label: "fine-tune on revisions"}
        - {from: sl-cai, to: pairs, label: "sample twice"}
        - {from: pairs, to: feedback}
        - {from: feedback, to: pm, label: "harmlessness labels"}
        - {from: human, to: pm, label: "reportedly human"}
        - {from: pm, to: rl-cai, label: "reward"}
      """;

  private ChartFixtures() {}

  /** Every diagnostic for a flowchart block as {@code line:col: message}. */
  static List<String> flowchartProblems(String yaml) {
    Diagnostics d = new Diagnostics();
    Optional<Flowchart> chart = ChartReader.readFlowchart(PATH, yaml, FIRST_LINE, d);
    if (chart.isPresent() == d.hasErrors()) {
      throw new AssertionError("a chart must be returned exactly when there are no errors");
    }
    return lines(d);
  }

  /** Every diagnostic for a diagram block as {@code line:col: message}. */
  static List<String> diagramProblems(String yaml) {
    Diagnostics d = new Diagnostics();
    Optional<Diagram> diagram = ChartReader.readDiagram(PATH, yaml, FIRST_LINE, d);
    if (diagram.isPresent() == d.hasErrors()) {
      throw new AssertionError("a diagram must be returned exactly when there are no errors");
    }
    return lines(d);
  }

  static List<String> lines(Diagnostics d) {
    return d.all().stream()
        .map(
            x -> {
              if (!x.path().equals(PATH)) {
                throw new AssertionError("wrong path " + x.path());
              }
              return x.line() + ":" + x.column() + ": " + x.message();
            })
        .toList();
  }

  static Flowchart flowchart(String yaml) {
    Diagnostics d = new Diagnostics();
    return ChartReader.readFlowchart(PATH, yaml, FIRST_LINE, d)
        .orElseThrow(() -> new AssertionError(lines(d).toString()));
  }

  static Diagram diagram(String yaml) {
    Diagnostics d = new Diagnostics();
    return ChartReader.readDiagram(PATH, yaml, FIRST_LINE, d)
        .orElseThrow(() -> new AssertionError(lines(d).toString()));
  }

  /** Replaces exactly one occurrence of {@code from}, so a broken fixture breaks where intended. */
  static String replaceOnce(String text, String from, String to) {
    int at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) {
      throw new AssertionError("'" + from + "' must occur exactly once");
    }
    return text.substring(0, at) + to + text.substring(at + from.length());
  }
}
