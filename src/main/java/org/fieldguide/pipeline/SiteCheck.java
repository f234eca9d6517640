package org.fieldguide.pipeline;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.html.SiteLinkChecker;
import org.fieldguide.model.Page;
import org.fieldguide.xref.FragmentChecks;
import org.fieldguide.xref.LinkReport;
import org.pcollections.HashTreePMap;
import org.pcollections.HashTreePSet;
import org.pcollections.PMap;
import org.pcollections.PSet;
import org.pcollections.PSortedMap;
import org.pcollections.PSortedSet;
import org.pcollections.TreePMap;
import org.pcollections.TreePSet;

/**
 * The checked-site stage, run once every page is made: the fragments each Markdown page names on
 * other pages, at the position of the link, and every link of every made page (reported unless the
 * build already has errors, after which missing pages would only cause echoes). A page's answer is
 * a function of what it checks and of the files it depends on (whether the site has them, and their
 * ids), so it is kept while those stay equal; {@link Answers#dependents} says which pages to look
 * at again when a file changes.
 */
final class SiteCheck {
  private SiteCheck() {}

  /** One page's answer, with what it checked and the files it depends on. */
  record Answer<K>(K checked, Set<String> dependsOn, List<?> problems) {}

  /**
   * The answers of one kind of check by key (page id or output path), the keys whose answers list
   * problems, and for each file the keys whose answers depend on it.
   */
  record Answers<K>(
      PMap<String, Answer<K>> byKey,
      PSortedMap<String, List<?>> problems,
      PMap<String, PSet<String>> dependents) {
    static <K> Answers<K> none() {
      return new Answers<>(HashTreePMap.empty(), TreePMap.empty(), HashTreePMap.empty());
    }

    /**
     * These answers brought up to date: the keys {@code changed} names, and those whose answers
     * depend on a file {@code files} names, are looked at again (every key in {@code all} when
     * either is {@link Changes.All}); a key's answer is kept if it was for an equal input ({@code
     * inputOf}) and none of its files changed, else {@code check} makes it anew.
     */
    Answers<K> update(
        Collection<String> all,
        Function<String, K> inputOf,
        Changes changed,
        Changes.Some files,
        java.util.function.BiFunction<String, K, Answer<K>> check) {
      Set<String> again = new HashSet<>();
      if (changed instanceof Changes.Some some) {
        again.addAll(some.keys());
        files
            .keys()
            .forEach(file -> again.addAll(dependents.getOrDefault(file, HashTreePSet.empty())));
      } else {
        again.addAll(all);
        again.addAll(byKey.keySet()); // keys gone
      }
      PMap<String, Answer<K>> now = byKey;
      PSortedMap<String, List<?>> found = problems;
      PMap<String, PSet<String>> deps = dependents;
      for (String key : again) {
        K input = inputOf.apply(key);
        Answer<K> before = byKey.get(key);
        if (input != null
            && before != null
            && before.checked().equals(input)
            && untouched(before.dependsOn(), files)) {
          continue;
        }
        Answer<K> answer = input == null ? null : check.apply(key, input);
        deps =
            move(
                deps,
                key,
                before == null ? Set.of() : before.dependsOn(),
                answer == null ? Set.of() : answer.dependsOn());
        now = answer == null ? now.minus(key) : now.plus(key, answer);
        found =
            answer == null || answer.problems().isEmpty()
                ? found.minus(key)
                : found.plus(key, answer.problems());
      }
      return new Answers<>(now, found, deps);
    }

    /** The answers {@code byKey}, with the keys of those that list problems and their files. */
    static <K> Answers<K> of(java.util.Map<String, Answer<K>> byKey) {
      java.util.SortedMap<String, List<?>> problems = new java.util.TreeMap<>();
      java.util.Map<String, Set<String>> dependents = new java.util.HashMap<>();
      byKey.forEach(
          (key, answer) -> {
            if (!answer.problems().isEmpty()) {
              problems.put(key, answer.problems());
            }
            for (String file : answer.dependsOn()) {
              dependents.computeIfAbsent(file, f -> new HashSet<>()).add(key);
            }
          });
      java.util.Map<String, PSet<String>> sets = new java.util.HashMap<>();
      dependents.forEach((file, keys) -> sets.put(file, HashTreePSet.from(keys)));
      return new Answers<>(
          HashTreePMap.from(byKey), TreePMap.fromSortedMap(problems), HashTreePMap.from(sets));
    }

    private static boolean untouched(Set<String> dependsOn, Changes.Some files) {
      for (String file : files.keys()) {
        if (dependsOn.contains(file)) {
          return false;
        }
      }
      return true;
    }

    private static PMap<String, PSet<String>> move(
        PMap<String, PSet<String>> deps, String key, Set<String> from, Set<String> to) {
      for (String file : from) {
        if (!to.contains(file)) {
          PSet<String> keys = deps.getOrDefault(file, HashTreePSet.empty()).minus(key);
          deps = keys.isEmpty() ? deps.minus(file) : deps.plus(file, keys);
        }
      }
      for (String file : to) {
        if (!from.contains(file)) {
          deps = deps.plus(file, deps.getOrDefault(file, HashTreePSet.empty()).plus(key));
        }
      }
      return deps;
    }
  }

  /**
   * The value of this stage: each Markdown page's fragment check (by page id), each made page's
   * link check (by output path), and the files and the made pages' ids they were checked against.
   */
  record Checked(
      Answers<LinkReport> fragments,
      Answers<SiteLinkChecker.PageLinks> links,
      PSortedSet<String> files,
      Set<String> others,
      PMap<String, Set<String>> ids) {
    static final Checked NONE =
        new Checked(
            Answers.none(), Answers.none(), TreePSet.empty(), Set.of(), HashTreePMap.empty());
  }

  /**
   * Checks {@code pages}, whose site has the files {@code files} (the pages', the other files and
   * the search index), taking over {@code last}'s answers where they hold; adds what is wrong.
   */
  static Checked check(
      SiteContext context,
      Bodies bodies,
      PageStage.Pages pages,
      Set<String> others,
      Checked last,
      Diagnostics diagnostics) {
    PSortedSet<String> files = pages.paths().plusAll(others);
    Changes.Some filesChanged = filesChanged(pages, files, others, last);
    Answers<LinkReport> fragments =
        last.fragments()
            .update(
                bodies.byId().keySet(),
                id -> {
                  Body body = bodies.byId().get(id);
                  return body == null ? null : body.report();
                },
                bodies.changed(),
                filesChanged,
                (id, report) ->
                    new Answer<>(
                        report,
                        targetsOf(report, context),
                        FragmentChecks.check(report, context.byId, pages.ids()::get)));
    fragments
        .problems()
        .values()
        .forEach(list -> list.forEach(d -> diagnostics.add((Diagnostic) d)));

    Changes linksChanged =
        pages.linksChanged() instanceof Changes.Some some
            ? Changes.of(outputPaths(some.keys(), context))
            : Changes.ALL;
    Answers<SiteLinkChecker.PageLinks> links =
        last.links()
            .update(
                pages.paths(),
                path -> {
                  Page page = context.byOutputPath.get(path);
                  PageStage.Made made = page == null ? null : pages.byId().get(page.id());
                  return made == null ? null : made.links().orElse(null);
                },
                linksChanged,
                filesChanged,
                (path, pageLinks) -> {
                  SiteLinkChecker.Checked checked =
                      SiteLinkChecker.check(
                          path, pageLinks, files, f -> SiteLinkChecker.ids(pages.ids().get(f)));
                  return new Answer<>(pageLinks, checked.targets(), checked.problems());
                });
    if (!diagnostics.hasErrors()) {
      @SuppressWarnings("unchecked")
      java.util.SortedMap<String, List<SiteLinkChecker.Problem>> problems =
          (java.util.SortedMap<String, List<SiteLinkChecker.Problem>>)
              (java.util.SortedMap<String, ?>) links.problems();
      SiteLinkChecker.report(
          problems,
          path -> {
            Page page = context.byOutputPath.get(path);
            return page.sourcePath() != null ? page.sourcePath() : "templates";
          },
          diagnostics);
    }
    return new Checked(fragments, links, files, Set.copyOf(others), pages.ids());
  }

  /**
   * The files whose presence or ids differ from those {@code last} was checked against: the pages'
   * that the pages stage names and the other files that came or went; or, when that stage made
   * every page again, every file found to differ.
   */
  private static Changes.Some filesChanged(
      PageStage.Pages pages, PSortedSet<String> files, Set<String> others, Checked last) {
    Set<String> changed = new HashSet<>();
    if (pages.filesChanged() instanceof Changes.Some some) {
      changed.addAll(some.keys());
      for (String file : others) {
        if (!last.others().contains(file)) {
          changed.add(file);
        }
      }
      for (String file : last.others()) {
        if (!others.contains(file)) {
          changed.add(file);
        }
      }
    } else {
      for (String file : files) {
        if (!last.files().contains(file)
            || !Objects.equals(pages.ids().get(file), last.ids().get(file))) {
          changed.add(file);
        }
      }
      for (String file : last.files()) {
        if (!files.contains(file)) {
          changed.add(file);
        }
      }
    }
    return new Changes.Some(changed);
  }

  private static Set<String> outputPaths(Collection<String> ids, SiteContext context) {
    Set<String> paths = new HashSet<>();
    for (String id : ids) {
      Page page = context.byId.get(id);
      if (page != null) {
        paths.add(page.outputPath());
      }
    }
    return paths;
  }

  /** The output files whose ids a page's fragments are checked against. */
  private static Set<String> targetsOf(LinkReport report, SiteContext context) {
    Set<String> targets = new TreeSet<>();
    for (LinkReport.PendingFragment f : report.fragments()) {
      Page target = context.byId.get(f.targetId());
      if (target != null) {
        targets.add(target.outputPath());
      }
    }
    return targets;
  }
}
