package org.fieldguide.pipeline;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.html.SiteLinkChecker;
import org.fieldguide.model.Page;
import org.fieldguide.xref.LinkGraph;

/**
 * The one place where a build takes a result over from an earlier build instead of making it: each
 * result is kept with what it was made from, and given again only when that is equal to what it
 * would be made from now. Equality is by value (records, strings, {@link Digest}s of the inputs),
 * never by identity. The stages do not know whether a result was taken over; a build with an empty
 * memo makes everything, and gives the same bytes (IncrementalBuildTest holds it to that).
 *
 * <p>What each kind of result is kept with, and when it holds:
 *
 * <ul>
 *   <li>the {@link SiteContext}: its {@link SiteContext.Key} (every page's front matter, the
 *       configuration, sources, tables, the templates' digest, the address and the assets), equal;
 *   <li>a page's body: its page and Markdown, equal, and either the same context digest, or the
 *       same namespace digest, no diagnostics, and every lookup it made giving what it gave
 *       ({@link org.fieldguide.xref.Lookups#holdIn});
 *   <li>a page's HTML: see {@link PageStage};
 *   <li>a page's link and fragment checks: the same links, and none of the files they depend on
 *       came, went or changed its ids ({@link World});
 *   <li>a page's search entries: its rendered body and section title, equal.
 * </ul>
 *
 * A memo {@linkplain #none() that keeps nothing} serves one-off builds, which would only hold on to
 * what they will not use. Entries of pages the site no longer has are dropped after each build.
 */
final class Memo {
  private final boolean keeps;

  private Memo(boolean keeps) {
    this.keeps = keeps;
  }

  /** Whether this memo keeps results (else every build makes everything). */
  boolean keeps() {
    return keeps;
  }

  /** A memo for {@code serve}, kept from build to build. */
  static Memo kept() {
    return new Memo(true);
  }

  /** A memo that keeps nothing: every build makes everything. */
  static Memo none() {
    return new Memo(false);
  }

  /** A result and whether this build made it (rather than taking it from the memo). */
  record Made<T>(T value, boolean anew) {}

  private record ContextEntry(SiteContext.Key key, SiteContext context) {}

  private volatile ContextEntry context;

  /** The context for {@code key}: the last one if its key is equal, else {@code make}'s. */
  SiteContext context(SiteContext.Key key, Function<SiteContext.Key, SiteContext> make) {
    ContextEntry last = context;
    if (last != null && last.key().equals(key)) {
      return last.context();
    }
    SiteContext made = make.apply(key);
    if (keeps) {
      context = new ContextEntry(key, made);
    }
    return made;
  }

  /** One page's body as linked and rendered, with what it was made from. */
  private record BodyEntry(Page page, String markdown, Digest context, Digest namespace, Body body) {}

  private final Map<String, BodyEntry> bodies = new ConcurrentHashMap<>();

  /** The body of {@code page} from {@code markdown} in {@code context}: as before if that still holds, else {@code render}'s. */
  Made<Body> body(SiteContext context, Page page, String markdown, Supplier<Body> render) {
    BodyEntry last = bodies.get(page.id());
    if (last != null && last.page().equals(page) && last.markdown().equals(markdown)) {
      if (last.context().equals(context.digest)) {
        return new Made<>(last.body(), false);
      }
      if (last.namespace().equals(context.namespace) && last.body().diagnostics().isEmpty()
          && last.body().lookups().holdIn(context.targets)) {
        keep(bodies, page.id(), new BodyEntry(page, markdown, context.digest, context.namespace, last.body()));
        return new Made<>(last.body(), false);
      }
    }
    Body made = render.get();
    keep(bodies, page.id(), new BodyEntry(page, markdown, context.digest, context.namespace, made));
    return new Made<>(made, true);
  }

  private volatile LinkGraph graph;

  /** The link graph of {@code reports}, made from the last one where they agree. */
  LinkGraph linkGraph(org.fieldguide.model.Site site, Map<String, org.fieldguide.xref.LinkReport> reports) {
    LinkGraph last = graph;
    LinkGraph made = last == null ? LinkGraph.of(site, reports) : last.with(site, reports);
    if (keeps) {
      graph = made;
    }
    return made;
  }

  private final Map<String, PageStage.Made> pages = new ConcurrentHashMap<>();

  /** What the last build made of page {@code id}, or null. */
  PageStage.Made lastPage(String id) {
    return pages.get(id);
  }

  void page(String id, PageStage.Made made) {
    keep(pages, id, made);
  }

  /**
   * The files a site has and the ids of each of its pages, by output path: all that a page's link
   * and fragment checks look up besides its own links.
   */
  record World(Set<String> files, Map<String, Set<String>> ids) {
    /** The files that came or went between {@code earlier} and this, or whose ids changed. */
    Set<String> changedSince(World earlier) {
      Set<String> changed = new java.util.HashSet<>();
      for (String file : files) {
        if (!earlier.files().contains(file) || !java.util.Objects.equals(ids.get(file), earlier.ids().get(file))) {
          changed.add(file);
        }
      }
      for (String file : earlier.files()) {
        if (!files.contains(file)) {
          changed.add(file);
        }
      }
      return changed;
    }
  }

  /**
   * The answers of one kind of check, by page, each with what it checked and the files it depends
   * on. {@link #begin} is given the world each build's checks run in; an answer holds while what
   * it checked is equal and none of its files changed since the world of the last build whose checks ran.
   */
  final class Checks<K, V> {
    private record Entry<K, V>(K checked, Set<String> dependsOn, V answer) {}

    private final Map<String, Entry<K, V>> entries = new ConcurrentHashMap<>();
    private World world;
    /** The files that changed since {@link #world}, or null when there was none. */
    private Set<String> changed;

    /** Starts a build's checks in {@code now}. */
    synchronized void begin(World now) {
      changed = world == null ? null : now.changedSince(world);
      if (keeps) {
        world = now;
      }
    }

    /** The answer for {@code checked}, at {@code id}: as before if that still holds, else {@code check}'s, depending on {@code dependsOn}'s files. */
    V get(String id, K checked, Supplier<V> check, Function<V, Set<String>> dependsOn) {
      Entry<K, V> last = entries.get(id);
      if (holds(last, checked)) {
        return last.answer();
      }
      V made = check.get();
      keep(entries, id, new Entry<>(checked, dependsOn.apply(made), made));
      return made;
    }

    private boolean holds(Entry<K, V> last, K checked) {
      Set<String> since = changed;
      if (last == null || since == null || !last.checked().equals(checked)) {
        return false;
      }
      for (String file : since) {
        if (last.dependsOn().contains(file)) {
          return false;
        }
      }
      return true;
    }

    void retain(Set<String> ids) {
      entries.keySet().retainAll(ids);
    }

    synchronized void clear() {
      entries.clear();
      world = null;
    }
  }

  /** Each page's link check ({@link SiteLinkChecker#check}), by output path. */
  final Checks<SiteLinkChecker.PageLinks, SiteLinkChecker.Checked> links = new Checks<>();
  /** Each Markdown page's fragment check ({@link org.fieldguide.xref.FragmentChecks}), by page id. */
  final Checks<org.fieldguide.xref.LinkReport, java.util.List<Diagnostic>> fragments = new Checks<>();

  /** A page's search entries, with what they were written from. */
  private record SearchEntry(Object from, byte[] entries) {}

  private final Map<String, SearchEntry> search = new ConcurrentHashMap<>();

  /** Page {@code id}'s search entries written from {@code from}: as before if it is equal, else {@code write}'s. */
  byte[] searchEntries(String id, Object from, Supplier<byte[]> write) {
    SearchEntry last = search.get(id);
    if (last != null && last.from().equals(from)) {
      return last.entries();
    }
    byte[] made = write.get();
    keep(search, id, new SearchEntry(from, made));
    return made;
  }

  private <V> void keep(Map<String, V> map, String key, V value) {
    if (keeps) {
      map.put(key, value);
    }
  }

  /** Drops the entries of pages other than {@code ids} and of files other than {@code files}. */
  void retain(Set<String> ids, Set<String> files) {
    bodies.keySet().retainAll(ids);
    pages.keySet().retainAll(ids);
    fragments.retain(ids);
    search.keySet().retainAll(ids);
    links.retain(files);
  }

  /** Forgets everything, so that the next build makes everything anew (after a build that was cut short). */
  void clear() {
    context = null;
    graph = null;
    bodies.clear();
    pages.clear();
    links.clear();
    fragments.clear();
    search.clear();
  }
}
