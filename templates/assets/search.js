// The Alignment Field Guide: search. Everything works without this file: the search box is then a
// GET form that opens the results page (search/?q=…), which says that search needs JavaScript and
// links the glossary and the questions and answers.
//
// Nothing is fetched until the reader first uses the box (focus or typing) or opens the results
// page: then MiniSearch (copied into assets/ by the build) and the index (search-index.json at the
// site root) load from the same origin. All addresses are relative (data-root, data-index), so the
// site works under any base path. No inline script, no inline styles, no innerHTML: the
// Content-Security-Policy holds and index text is never parsed as HTML.
//
// The index comes in two lines (SearchIndex in the generator): titles, aliases, descriptions and
// section headings first, then every section's text. The first line is read as soon as it has
// arrived, and a first search runs on it; when the text is there the index is made again with it
// and the search runs again. Every section of every page is a document of its own; results are
// pages, each shown at its best section.
//
// Ranking: each word of the query (stop words such as "what", "is", "vs" left out) is looked up on
// its own, stemmed (plurals and -ed/-ing forms meet), as a prefix when it is the word being typed or
// matches no word as typed, and, when it matches nothing at all and has five letters or more, as
// the site's words one typo away. MiniSearch scores each with BM25 and field boosts; a page then
// scores by its best section times the square of the share of the query's words it matches (a
// prefix or a typo counting for less), so pages that match every word come first and pages that
// match only some still come when none matches all; a page whose title or other names hold every
// word of the query counts half as much again. Pages under a fiftieth of the best score, or
// matching less than half as much of the query as the best-matching page, are left out, and a
// query none of whose words occurs anywhere gives "No results".
//
// ARIA: the input becomes a combobox (WAI-ARIA APG "combobox with listbox popup"). The popup
// container #search-results stays a plain div, because it also holds a message line ("Loading…",
// "No results") that may not sit inside a listbox. Inside it, <ul role="listbox"> holds
// <li role="none"> (the list semantics are removed so the listbox owns its options directly) and
// each <a role="option" href tabindex="-1"> is the option itself: ARIA in HTML allows role=option
// on a[href], so it stays a real link (middle-click, open in new tab) while focus stays in the
// input and aria-activedescendant points at the selected option. aria-controls names the listbox.
// Enter opens the selected option; with none selected, the form goes to the results page.
(function () {
  "use strict";

  var LIBRARY = "assets/minisearch.js"; // SearchIndex.LIBRARY_PATH
  var FORMAT = 2; // SearchIndex.FORMAT
  var MAX_RESULTS = 8;
  var SNIPPET_CHARS = 170;
  // What a word is worth where it is found: a page's title (and its address's last part: alignment/dpo/
  // answers "dpo"), a term's other names, a section's heading, the page title and parent heading
  // over a section, the text.
  var BOOST = { title: 6, aliases: 5, heading: 4, context: 1.5, text: 1 };
  var FIELDS = ["title", "aliases", "heading", "context", "text"];
  // How much a word found only as a prefix, or only as a typo, counts towards the share of the
  // query a page matches (a word found as typed counts 1).
  var PREFIX = 0.7;
  var TYPO = 0.5;
  // A page the query names (every word in its title or other names, typos corrected) counts this
  // much more than one that only has the words: "reward hakcing" is the term Reward hacking, not
  // the long explainer on reward models that mentions hacking once.
  var NAMED = 1.5;
  // Pages under this share of the best page's score are left out, and so are pages that match
  // less than this share of what the best-matching page matches of the query.
  var MIN_SCORE = 0.02;
  var MIN_COVER = 0.5;
  var TYPES = [
    { code: "explainer", label: "Explainer", group: "Explainers" },
    { code: "glossary", label: "Glossary", group: "Glossary" },
    { code: "faq", label: "FAQ", group: "Questions and answers" },
    { code: "flowchart", label: "Flowchart", group: "Flowcharts" }
  ];
  // Left out of a query that has other words ("what is rlhf" searches "rlhf"; "rlaif vs rlhf" both).
  var STOP = {};
  ("a about after an and are as at be been being between but by can could did difference differ different do does "
    + "for from had has have how i if in into is it its me my of on or over should so than that the their them then "
    + "there these they this those to under versus vs was we were what when where which while who why will with "
    + "would you your").split(" ").forEach(function (w) { STOP[w] = true; });

  var input, form, box, list, message, status, root, indexUrl, page;
  var engine = null; // { search, vocab, words, full }
  var loading = null;
  var failed = false;
  var results = [];
  var active = -1;
  var timer = 0;
  var stale = false;
  var pages = null;
  var texts = null;

  function init() {
    input = document.getElementById("search-input");
    box = document.getElementById("search-results");
    if (!input || !box || !input.form) { return; }
    form = input.form;
    root = input.getAttribute("data-root") || "";
    indexUrl = input.getAttribute("data-index");
    page = document.getElementById("search-page");

    list = document.createElement("ul");
    list.id = "search-listbox";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Search results");
    list.hidden = true;
    message = document.createElement("p");
    message.className = "search-message";
    message.hidden = true;
    box.appendChild(list);
    box.appendChild(message);
    status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    state("idle");

    input.addEventListener("focus", function () {
      load();
      if (input.value.trim() && !page) { schedule(0); }
    });
    input.addEventListener("input", function () {
      load();
      schedule(60);
    });
    input.addEventListener("click", function () {
      if (!isOpen() && input.value.trim()) { run(); }
    });
    input.addEventListener("keydown", onKey);
    form.addEventListener("submit", onSubmit);
    form.addEventListener("focusout", function (e) {
      if (!e.relatedTarget || !form.contains(e.relatedTarget)) { close(); }
    });
    document.addEventListener("click", function (e) {
      if (!form.contains(e.target)) { close(); }
    });

    // Loaded lazily by site.js on first focus: pick up a focus that already happened.
    if (document.activeElement === input) {
      load();
      if (input.value.trim()) { schedule(0); }
    }

    if (page) {
      var q = query();
      input.value = q;
      showPage(q);
      load();
    }
  }

  function query() {
    try {
      return (new URLSearchParams(window.location.search).get("q") || "").trim();
    } catch (e) {
      return "";
    }
  }

  // The state tests and styles can read: idle, loading, partial (titles and headings only), full, failed.
  function state(s) {
    input.setAttribute("data-search-state", s);
  }

  // Loading: the library and the index, once, on first use.

  function load() {
    if (loading) { return loading; }
    state("loading");
    var library = loadLibrary();
    var head = null;
    var whole = loadIndex(function (first) {
      head = first;
      library.then(function (MiniSearch) {
        if (engine) { return; }
        pages = head.pages;
        engine = makeEngine(MiniSearch, false);
        state("partial");
        refresh();
      }).catch(function () { /* reported below */ });
    });
    loading = Promise.all([library, whole]).then(function (parts) {
      var MiniSearch = parts[0];
      var index = parts[1];
      pages = index.pages;
      if (!engine) { // the whole index came at once: search the titles and headings while the text is indexed
        engine = makeEngine(MiniSearch, false);
        state("partial");
        refresh();
      }
      texts = index.text;
      return makeEngineAsync(MiniSearch).then(function (full) {
        engine = full;
        state("full");
        refresh();
      });
    }).catch(function () {
      failed = true;
      state("failed");
      if (page) { showPage(input.value.trim()); }
      if (document.activeElement === input) { showUnavailable(); }
    });
    return loading;
  }

  // After the index changed: the page's results and an open list are made again (unless the reader
  // is moving through the list, which the next keystroke brings up to date).
  function refresh() {
    if (page) { showPage(query()); }
    if (document.activeElement === input && input.value.trim() && active < 0) {
      if (!page || input.value.trim() !== query() || isOpen()) { run(); }
    }
  }

  function loadLibrary() {
    if (window.MiniSearch) { return Promise.resolve(window.MiniSearch); }
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = root + LIBRARY;
      script.async = true;
      script.onload = function () {
        if (window.MiniSearch) { resolve(window.MiniSearch); } else { reject(new Error("MiniSearch did not load")); }
      };
      script.onerror = function () { reject(new Error("cannot load " + script.src)); };
      document.head.appendChild(script);
    });
  }

  // Fetches the index, calls onHead with its first line as soon as that has arrived, and resolves
  // to the whole index.
  function loadIndex(onHead) {
    if (!indexUrl || !window.fetch) { return Promise.reject(new Error("no index")); }
    return fetch(indexUrl, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      var headSeen = false;
      function head(text) {
        var cut = text.indexOf("\n");
        if (headSeen || cut < 0) { return; }
        headSeen = true;
        var first = JSON.parse(text.slice(0, cut).replace(/,$/, "") + "}");
        if (!first || first.v !== FORMAT || !Array.isArray(first.pages)) { throw new Error("unknown index format"); }
        onHead(first);
      }
      var done;
      if (response.body && response.body.getReader && window.TextDecoder) {
        var reader = response.body.getReader();
        var decoder = new TextDecoder("utf-8");
        var text = "";
        var pump = function () {
          return reader.read().then(function (chunk) {
            if (chunk.done) { text += decoder.decode(); return text; }
            text += decoder.decode(chunk.value, { stream: true });
            head(text);
            return pump();
          });
        };
        done = pump();
      } else {
        done = response.text();
      }
      return done.then(function (all) {
        head(all);
        var index = JSON.parse(all);
        if (!index || index.v !== FORMAT || !Array.isArray(index.pages) || !Array.isArray(index.text)
            || index.text.length !== index.pages.length) {
          throw new Error("unknown index format");
        }
        return index;
      });
    });
  }

  // Words and stems.

  var WORD = /[\p{L}\p{N}]+/gu;

  function fold(s) {
    var lower = s.toLowerCase();
    return lower.normalize ? lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : lower;
  }

  function words(s) {
    return fold(s).match(WORD) || [];
  }

  function isWord(w) {
    return w.length > 1 || /[0-9]/.test(w);
  }

  // Porter's steps 1 and 5 (plurals, -ed, -ing, a final -e), which make "models" and "modeling"
  // "model", "trained" and "training" "train"; -us and -is are left alone ("bias", "analysis").
  function isCons(w, i) {
    var c = w.charAt(i);
    if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") { return false; }
    return c === "y" ? i === 0 || !isCons(w, i - 1) : true;
  }

  function measure(w, end) {
    var m = 0;
    var i = 0;
    while (i < end && isCons(w, i)) { i++; }
    while (i < end) {
      while (i < end && !isCons(w, i)) { i++; }
      if (i >= end) { break; }
      m++;
      while (i < end && isCons(w, i)) { i++; }
    }
    return m;
  }

  function hasVowel(w, end) {
    for (var i = 0; i < end; i++) { if (!isCons(w, i)) { return true; } }
    return false;
  }

  function doubled(w, end) {
    return end >= 2 && w.charAt(end - 1) === w.charAt(end - 2) && isCons(w, end - 1);
  }

  function cvc(w, end) {
    if (end < 3 || !isCons(w, end - 1) || isCons(w, end - 2) || !isCons(w, end - 3)) { return false; }
    var c = w.charAt(end - 1);
    return c !== "w" && c !== "x" && c !== "y";
  }

  function ends(w, s) {
    return w.length > s.length && w.slice(-s.length) === s;
  }

  function stem(w) {
    if (w.length < 3 || /[^a-z]/.test(w)) { return w; }
    if (ends(w, "sses") || ends(w, "ies")) {
      w = w.slice(0, -2);
    } else if (ends(w, "s") && !ends(w, "ss") && !ends(w, "us") && !ends(w, "is")) {
      w = w.slice(0, -1);
    }
    var again = false;
    if (ends(w, "eed")) {
      if (measure(w, w.length - 3) > 0) { w = w.slice(0, -1); }
    } else if (ends(w, "ed") && hasVowel(w, w.length - 2)) {
      w = w.slice(0, -2);
      again = true;
    } else if (ends(w, "ing") && hasVowel(w, w.length - 3)) {
      w = w.slice(0, -3);
      again = true;
    }
    if (again) {
      if (ends(w, "at") || ends(w, "bl") || ends(w, "iz")) {
        w += "e";
      } else if (doubled(w, w.length) && !/[lsz]$/.test(w)) {
        w = w.slice(0, -1);
      } else if (measure(w, w.length) === 1 && cvc(w, w.length)) {
        w += "e";
      }
    }
    if (ends(w, "y") && hasVowel(w, w.length - 1)) { w = w.slice(0, -1) + "i"; }
    if (ends(w, "e")) {
      var m = measure(w, w.length - 1);
      if (m > 1 || m === 1 && !cvc(w, w.length - 1)) { w = w.slice(0, -1); }
    }
    if (ends(w, "ll") && measure(w, w.length) > 1) { w = w.slice(0, -1); }
    return w;
  }

  // The index.

  function pageHref(p) {
    return root + p.u;
  }

  function sectionHref(p, s) {
    return root + p.u + (s[0] ? "#" + s[0] : "");
  }

  // The words of a page's address that its title lacks: "dpo" for alignment/dpo/.
  function slugWords(p) {
    var slug = p.u.replace(/\/$/, "").replace(/^.*\//, "");
    var title = " " + words(p.t).join(" ") + " ";
    return words(slug).filter(function (w) { return title.indexOf(" " + w + " ") < 0; }).join(" ");
  }

  function sectionText(pi, si) {
    var p = pages[pi];
    var body = texts ? texts[pi][si] || "" : "";
    if (si === 0) { return p.d ? (body ? p.d + " " + body : p.d) : body; }
    return body;
  }

  // The engine over everything, text included, indexed a hundred sections at a time so that typing
  // stays smooth meanwhile.
  function makeEngineAsync(MiniSearch) {
    var made = makeEngine(MiniSearch, true, true);
    return made.added.then(function () { return made; });
  }

  function makeEngine(MiniSearch, full, async) {
    var docs = [];
    var vocab = {}; // stem -> true
    var raw = {}; // word as written (folded) -> stem
    pages.forEach(function (p, pi) {
      p.slug = slugWords(p);
      p.s.forEach(function (s, si) { docs.push({ id: docs.length, p: pi, s: si }); });
    });
    function field(doc, name) {
      var p = pages[doc.p];
      var s = p.s[doc.s];
      switch (name) {
        case "id": return doc.id;
        case "title": return doc.s === 0 ? p.t + " " + p.slug : "";
        case "aliases": return doc.s === 0 && p.a ? p.a.join(" ") : "";
        case "heading": return s[1];
        case "context": return doc.s === 0 ? "" : p.t + " " + p.slug + (s[2] >= 0 ? " " + p.s[s[2]][1] : "");
        default: return full || doc.s === 0 ? sectionText(doc.p, doc.s) : "";
      }
    }
    var mini = new MiniSearch({
      idField: "id",
      fields: FIELDS,
      extractField: field,
      tokenize: words,
      processTerm: function (w) {
        if (STOP[w] || !isWord(w)) { return null; }
        var s = raw[w];
        if (s === undefined) {
          s = stem(w);
          raw[w] = s;
          vocab[s] = true;
        }
        return s;
      }
    });
    var added = async ? mini.addAllAsync(docs, { chunkSize: 100 }) : mini.addAll(docs);
    var typeBoost = { explainer: 1.1, glossary: 1, faq: 0.9, flowchart: 0.9 };
    var one = function (t) { return [t]; };
    var same = function (t) { return t; };
    var cache = {};
    return {
      full: full,
      added: Promise.resolve(added),
      docs: docs,
      vocab: vocab,
      raw: raw,
      // Documents matching one stem: id -> {score, quality}.
      lookup: function (term, prefix, quality) {
        var key = term + (prefix ? "*" : "") + "/" + quality;
        if (cache[key]) { return cache[key]; }
        var out = {};
        mini.search(term, {
          tokenize: one,
          processTerm: same,
          prefix: prefix,
          fuzzy: false,
          boost: BOOST,
          boostDocument: function (id) { return typeBoost[pages[docs[id].p].k] || 1; }
        }).forEach(function (r) {
          var exact = Object.prototype.hasOwnProperty.call(r.match, term);
          var named = false; // found in the page's title or other names
          Object.keys(r.match).forEach(function (t) {
            r.match[t].forEach(function (f) { if (f === "title" || f === "aliases") { named = true; } });
          });
          out[r.id] = { score: r.score * quality, quality: exact ? quality : quality * PREFIX, named: named };
        });
        cache[key] = out;
        return out;
      }
    };
  }

  // Searching.

  function schedule(delay) {
    stale = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(run, delay);
  }

  // The query's words: [{word, stem}], stop words left out unless there is nothing else.
  function analyse(q) {
    var all = [];
    var seen = {};
    words(q).forEach(function (w) {
      if (!isWord(w) || seen[w] || all.length >= 10) { return; }
      seen[w] = true;
      all.push({ word: w, stem: stem(w) });
    });
    var content = all.filter(function (t) { return !STOP[t.word]; });
    return content.length ? content : all;
  }

  // Optimal string alignment distance (a swap of two letters counts one), or max + 1 when it is more.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) { return max + 1; }
    var rows = [[]];
    var i;
    var j;
    for (j = 0; j <= b.length; j++) { rows[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      rows[i] = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        var d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
          d = Math.min(d, rows[i - 2][j - 2] + 1);
        }
        rows[i][j] = d;
        if (d < best) { best = d; }
      }
      if (best > max) { return max + 1; }
    }
    return rows[a.length][b.length];
  }

  // The stems of the site's words one typo from w (two for words of nine letters or more), nearest
  // first; a typo rarely changes a word's first letter, so the word must keep it.
  function corrections(w) {
    var max = w.length >= 9 ? 2 : 1;
    var found = [];
    Object.keys(engine.raw).forEach(function (v) {
      if (v.length < 4 || v.charAt(0) !== w.charAt(0)) { return; }
      var d = distance(w, v, max);
      if (d <= max) { found.push({ stem: engine.raw[v], d: d }); }
    });
    found.sort(function (a, b) { return a.d - b.d || (a.stem < b.stem ? -1 : 1); });
    var out = [];
    found.forEach(function (f) {
      if (out.length < 3 && out.indexOf(f.stem) < 0 && f.d === found[0].d) { out.push(f.stem); }
    });
    return out;
  }

  // Every query word's matches: [{term, hits: id -> {score, quality}, marks: {stems, prefixes}}].
  function lookups(terms) {
    return terms.map(function (t, i) {
      var last = i === terms.length - 1;
      var exact = engine.vocab[t.stem] === true || engine.raw[t.word] !== undefined;
      var prefix = t.stem.length >= 3 && (last || !exact);
      var hits = engine.lookup(t.stem, prefix, 1);
      var marks = { stems: [t.stem], prefixes: prefix ? [t.stem, t.word] : [] };
      // A typo: five letters or more, and no word of the site is it or starts with it.
      if (!exact && t.word.length >= 5 && Object.keys(hits).length === 0) {
        corrections(t.word).forEach(function (c) {
          var more = engine.lookup(c, false, TYPO);
          marks.stems.push(c);
          Object.keys(more).forEach(function (id) {
            var h = hits[id];
            var m = more[id];
            if (!h) {
              hits[id] = m;
            } else {
              hits[id] = { score: h.score + m.score, quality: Math.max(h.quality, m.quality), named: h.named || m.named };
            }
          });
        });
      }
      return { term: t, hits: hits, marks: marks };
    });
  }

  // Pages, best first: [{page, doc (the best section), others (more sections worth showing), score}].
  function rank(q) {
    var terms = analyse(q);
    if (!terms.length) { return { pages: [], missing: [], marks: [] }; }
    var found = lookups(terms);
    var byPage = {};
    found.forEach(function (f, k) {
      Object.keys(f.hits).forEach(function (id) {
        var h = f.hits[id];
        var doc = engine.docs[id];
        var entry = byPage[doc.p];
        if (!entry) {
          entry = byPage[doc.p] = { page: doc.p, docs: {}, quality: [] };
        }
        var d = entry.docs[id] || (entry.docs[id] = { id: +id, score: 0, quality: 0, named: 0 });
        d.score += h.score;
        d.quality += h.quality;
        if (h.named) { d.named++; }
        entry.quality[k] = Math.max(entry.quality[k] || 0, h.quality);
      });
    });
    var n = terms.length;
    var ranked = Object.keys(byPage).map(function (key) {
      var entry = byPage[key];
      var docs = Object.keys(entry.docs).map(function (id) {
        var d = entry.docs[id];
        var share = d.quality / n;
        d.rank = d.score * share * share;
        return d;
      });
      docs.sort(function (a, b) { return b.rank - a.rank || a.id - b.id; });
      var covered = 0;
      entry.quality.forEach(function (v) { covered += v || 0; });
      var share = covered / n;
      // A query that only names the page (every word in its title or other names) opens it at the
      // top; one with more words opens it at the section that has them.
      var best = docs[0];
      var named = false;
      docs.forEach(function (d) {
        if (d.named === n && engine.docs[d.id].s === 0) {
          best = d;
          named = true;
        }
      });
      var score = docs[0].score;
      for (var i = 1; i < docs.length; i++) { score += 0.1 * docs[i].score; }
      return {
        page: entry.page,
        doc: best.id,
        others: docs.filter(function (d) { return d !== best && d.rank >= docs[0].rank * 0.5; }).slice(0, 3)
          .map(function (d) { return d.id; }),
        score: score * share * share * (named ? NAMED : 1),
        share: share
      };
    });
    ranked.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
    if (ranked.length) {
      var floor = ranked[0].score * MIN_SCORE;
      var cover = 0;
      ranked.forEach(function (r) { cover = Math.max(cover, r.share); });
      ranked = ranked.filter(function (r) { return r.score >= floor && r.share >= cover * MIN_COVER; });
    }
    var missing = found.filter(function (f) { return Object.keys(f.hits).length === 0; })
      .map(function (f) { return f.term.word; });
    var marks = { stems: [], prefixes: [] };
    found.forEach(function (f) {
      marks.stems = marks.stems.concat(f.marks.stems);
      marks.prefixes = marks.prefixes.concat(f.marks.prefixes);
    });
    return { pages: ranked, missing: missing, marks: marks };
  }

  function run() {
    window.clearTimeout(timer);
    var q = input.value.trim();
    if (!q) {
      results = [];
      close();
      return;
    }
    if (failed) { showUnavailable(); return; }
    if (!engine) { showLoading(); return; } // load() runs the search when the index is there
    stale = false;
    var found = rank(q);
    results = found.pages.slice(0, MAX_RESULTS);
    list.setAttribute("data-query", q); // which query the list answers, as its options change with each keystroke
    list.setAttribute("data-complete", engine.full ? "true" : "false");
    render(q, found);
  }

  // Showing results in the list.

  function render(q, found) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (!results.length) {
      list.hidden = true;
      noResults(message, q);
      message.hidden = false;
      status.textContent = message.textContent;
      open();
      return;
    }
    results.forEach(function (r, i) {
      var li = document.createElement("li");
      li.setAttribute("role", "none");
      var a = hit(r.doc, found.marks, "span");
      a.id = "sr-" + i;
      a.setAttribute("role", "option");
      a.setAttribute("aria-selected", "false");
      a.tabIndex = -1;
      a.addEventListener("mousemove", function () { if (active !== i) { select(i, false); } });
      li.appendChild(a);
      list.appendChild(li);
    });
    var all = document.createElement("li");
    all.setAttribute("role", "none");
    var more = document.createElement("a");
    more.id = "sr-all";
    more.className = "search-all";
    more.href = root + "search/?q=" + encodeURIComponent(q);
    more.setAttribute("role", "option");
    more.setAttribute("aria-selected", "false");
    more.tabIndex = -1;
    more.textContent = "All results for “" + q + "”";
    more.addEventListener("mousemove", function () { if (active !== results.length) { select(results.length, false); } });
    all.appendChild(more);
    list.appendChild(all);
    list.hidden = false;
    message.hidden = true;
    status.textContent = results.length === 1 ? "1 result; use the arrow keys to choose it."
      : results.length + " results; use the arrow keys to choose one.";
    open();
  }

  // One result: a link to the section, with the page's title, its type, the section and a snippet.
  function hit(docId, marks, tag) {
    var doc = engine.docs[docId];
    var p = pages[doc.p];
    var s = p.s[doc.s];
    var a = document.createElement("a");
    a.href = sectionHref(p, s);
    a.className = "search-hit";
    var head = document.createElement(tag);
    head.className = "hit-head";
    var title = document.createElement("span");
    title.className = "title";
    highlight(title, p.t, marks, 0, p.t.length);
    head.appendChild(title);
    head.appendChild(document.createTextNode(" "));
    var badge = document.createElement("span");
    badge.className = "badge kind-" + p.k;
    badge.textContent = typeOf(p.k).label;
    head.appendChild(badge);
    a.appendChild(head);
    if (s[1]) {
      var section = document.createElement("span");
      section.className = "section";
      var path = s[2] >= 0 ? p.s[s[2]][1] + " › " + s[1] : s[1];
      highlight(section, path, marks, 0, path.length);
      a.appendChild(section);
    }
    var text = sectionText(doc.p, doc.s);
    if (text) {
      var snippet = document.createElement("span");
      snippet.className = "snippet";
      fillSnippet(snippet, text, marks);
      a.appendChild(snippet);
    }
    return a;
  }

  function typeOf(code) {
    for (var i = 0; i < TYPES.length; i++) { if (TYPES[i].code === code) { return TYPES[i]; } }
    return { code: code, label: code, group: code };
  }

  // "No results for “q”." with links to the glossary and the questions and answers.
  function noResults(el, q) {
    while (el.firstChild) { el.removeChild(el.firstChild); }
    el.appendChild(document.createTextNode("No results for “" + q + "”. Try other words, or browse the "));
    el.appendChild(link(root + "glossary/", "glossary"));
    el.appendChild(document.createTextNode(" or the "));
    el.appendChild(link(root + "faq/", "questions and answers"));
    el.appendChild(document.createTextNode("."));
  }

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function showLoading() {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    results = [];
    active = -1;
    list.hidden = true;
    say("Loading…");
    open();
  }

  function showUnavailable() {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    results = [];
    active = -1;
    input.removeAttribute("aria-activedescendant");
    list.hidden = true;
    while (message.firstChild) { message.removeChild(message.firstChild); }
    unavailable(message);
    message.hidden = false;
    status.textContent = message.textContent;
    open();
  }

  function unavailable(el) {
    var why = window.location.protocol === "file:"
      ? "Search needs the site to be served over HTTP; it is unavailable from file://. Browse the "
      : "Search is unavailable right now. Browse the ";
    el.appendChild(document.createTextNode(why));
    el.appendChild(link(root + "glossary/", "glossary"));
    el.appendChild(document.createTextNode(" or the "));
    el.appendChild(link(root + "faq/", "questions and answers"));
    el.appendChild(document.createTextNode("."));
  }

  function say(text) {
    message.textContent = text;
    message.hidden = false;
    status.textContent = text;
  }

  function open() {
    box.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    box.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    var options = list.querySelectorAll("[role=option]");
    if (active >= 0 && options[active]) { options[active].setAttribute("aria-selected", "false"); }
    active = -1;
  }

  function isOpen() {
    return !box.hidden;
  }

  function select(i, scroll) {
    var options = list.querySelectorAll("[role=option]");
    if (!options.length) { return; }
    if (active >= 0 && options[active]) { options[active].setAttribute("aria-selected", "false"); }
    active = (i + options.length) % options.length;
    var option = options[active];
    option.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", option.id);
    if (scroll !== false && option.scrollIntoView) { option.scrollIntoView({ block: "nearest" }); }
  }

  // Keys: ArrowDown/ArrowUp move, Enter opens the selected result (or submits the form), Escape closes.

  function onKey(e) {
    if (e.isComposing || e.keyCode === 229) { return; }
    switch (e.key) {
      case "ArrowDown":
      case "Down":
        e.preventDefault();
        if (!isOpen() || stale) { load(); run(); if (e.altKey) { return; } }
        select(active + 1);
        break;
      case "ArrowUp":
      case "Up":
        e.preventDefault();
        if (!isOpen() || stale) { load(); run(); }
        select(active < 0 ? -1 : active - 1);
        break;
      case "Escape":
      case "Esc":
        if (isOpen()) {
          e.preventDefault(); // close first; a second Escape clears the box as usual
          close();
        }
        break;
      default:
        break;
    }
  }

  // Enter: the selected result if there is one, else the results page (the form's own submit).
  function onSubmit(e) {
    var options = list.querySelectorAll("[role=option]");
    if (isOpen() && active >= 0 && options[active] && !stale) {
      e.preventDefault();
      window.location.href = options[active].href;
      return;
    }
    if (!input.value.trim()) { e.preventDefault(); }
  }

  // The results page: every result, grouped by type.

  function showPage(q) {
    while (page.firstChild) { page.removeChild(page.firstChild); }
    var summary = document.createElement("p");
    summary.className = "search-summary";
    summary.setAttribute("role", "status");
    page.appendChild(summary);
    if (!q) {
      summary.textContent = "Type what you are looking for in the search box above.";
      return;
    }
    if (failed) {
      unavailable(summary);
      return;
    }
    if (!engine) {
      summary.textContent = "Loading…";
      return;
    }
    page.setAttribute("data-query", q);
    page.setAttribute("data-complete", engine.full ? "true" : "false");
    var found = rank(q);
    if (!found.pages.length) {
      noResults(summary, q);
      return;
    }
    summary.textContent = (found.pages.length === 1 ? "1 page" : found.pages.length + " pages") + " for “" + q + "”"
      + (found.missing.length ? "; nothing matched “" + found.missing.join("”, “") + "”." : ".");
    TYPES.forEach(function (type) {
      var group = found.pages.filter(function (r) { return pages[r.page].k === type.code; });
      if (!group.length) { return; }
      var section = document.createElement("section");
      section.className = "search-group";
      var h2 = document.createElement("h2");
      h2.id = "results-" + type.code;
      h2.textContent = type.group + " (" + group.length + ")";
      section.setAttribute("aria-labelledby", h2.id);
      section.appendChild(h2);
      var ol = document.createElement("ol");
      ol.className = "search-hits";
      group.forEach(function (r) {
        var li = document.createElement("li");
        li.appendChild(hit(r.doc, found.marks, "span"));
        if (r.others.length) {
          var more = document.createElement("ul");
          more.className = "search-more";
          r.others.forEach(function (id) {
            var doc = engine.docs[id];
            var p = pages[doc.p];
            var s = p.s[doc.s];
            var item = document.createElement("li");
            var a = link(sectionHref(p, s), s[1] || "Introduction");
            item.appendChild(a);
            more.appendChild(item);
          });
          li.appendChild(more);
        }
        ol.appendChild(li);
      });
      section.appendChild(ol);
      page.appendChild(section);
    });
  }

  // Highlighting and snippets, with DOM nodes only: a word is marked when its stem is a query
  // word's (or a typo's correction), or when it starts with a query word looked up as a prefix.

  function marked(word, marks) {
    var w = fold(word);
    var s = stem(w);
    if (marks.stems.indexOf(s) >= 0) { return true; }
    for (var i = 0; i < marks.prefixes.length; i++) {
      var p = marks.prefixes[i];
      if (w.lastIndexOf(p, 0) === 0 || s.lastIndexOf(p, 0) === 0) { return true; }
    }
    return false;
  }

  // Every marked word of s[from, to): [{start, end}].
  function matches(s, marks, from, to) {
    var out = [];
    var re = /[\p{L}\p{N}]+/gu;
    re.lastIndex = from;
    var m;
    while ((m = re.exec(s)) !== null && m.index < to) {
      if (isWord(m[0].toLowerCase()) && !STOP[fold(m[0])] && marked(m[0], marks)) {
        out.push({ start: m.index, end: m.index + m[0].length, word: stem(fold(m[0])) });
      }
    }
    return out;
  }

  function highlight(parent, s, marks, from, to) {
    var at = from;
    matches(s, marks, from, to).forEach(function (h) {
      if (h.end > to) { return; }
      if (h.start > at) { parent.appendChild(document.createTextNode(s.slice(at, h.start))); }
      var mark = document.createElement("mark");
      mark.textContent = s.slice(h.start, h.end);
      parent.appendChild(mark);
      at = h.end;
    });
    if (at < to) { parent.appendChild(document.createTextNode(s.slice(at, to))); }
  }

  // The stretch of text with the most distinct query words (then the most matches), earliest first.
  function fillSnippet(el, text, marks) {
    var hits = matches(text, marks, 0, text.length);
    var start = 0;
    if (hits.length) {
      var bestScore = -1;
      var bestAt = 0;
      for (var i = 0; i < hits.length; i++) {
        var seen = {};
        var distinct = 0;
        var count = 0;
        for (var j = i; j < hits.length && hits[j].start < hits[i].start + SNIPPET_CHARS * 0.75; j++) {
          if (!seen[hits[j].word]) { seen[hits[j].word] = true; distinct++; }
          count++;
        }
        var score = distinct * 100 + count;
        if (score > bestScore) { bestScore = score; bestAt = hits[i].start; }
      }
      start = Math.max(0, bestAt - 40);
      if (start > 0) {
        var space = text.indexOf(" ", start);
        start = space >= 0 && space < bestAt ? space + 1 : bestAt;
      }
    }
    var end = Math.min(text.length, start + SNIPPET_CHARS);
    if (end < text.length) {
      var cut = text.lastIndexOf(" ", end);
      if (cut > start + SNIPPET_CHARS / 2) { end = cut; }
    }
    if (start > 0) { el.appendChild(document.createTextNode("…")); }
    highlight(el, text, marks, start, end);
    if (end < text.length && text.charAt(end - 1) !== "…") { el.appendChild(document.createTextNode("…")); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
