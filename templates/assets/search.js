// The Alignment Field Guide: search as you type. Everything works without this file: the search
// box is then a GET form that leads to the glossary.
//
// Nothing is fetched until the reader first uses the box (focus or typing): then the Fuse.js library
// (copied from its WebJar into assets/ by the build) and the index the build wrote
// (search-index.json at the site root) load from the same origin. All addresses are relative
// (data-root, data-index), so the site works under any base path. No inline script, no inline
// styles, no innerHTML: the Content-Security-Policy holds and index text is never parsed as HTML.
//
// ARIA: the input becomes a combobox (WAI-ARIA APG "combobox with listbox popup"). The popup
// container #search-results stays a plain div, because it also holds a message line ("No results",
// "unavailable") that may not sit inside a listbox. Inside it, <ul role="listbox"> holds
// <li role="none"> (the list semantics are removed so the listbox owns its options directly) and
// each <a role="option" href tabindex="-1"> is the option itself: ARIA in HTML allows role=option
// on a[href], so it stays a real link (middle-click, open in new tab) while focus stays in the
// input and aria-activedescendant points at the selected option. aria-controls names the listbox.
(function () {
  "use strict";

  var LIBRARY = "assets/fuse.min.js"; // SearchIndex.LIBRARY_PATH
  var FORMAT = 1; // SearchIndex.FORMAT
  var MAX_RESULTS = 10;
  var SNIPPET_CHARS = 160;
  // Where a query word is found, and what that is worth: titles (term names, questions) most, then
  // a term's aliases, the page's address (alignment/dpo/ answers "dpo"), headings, body text.
  // Fuse.js finds the matches, typos included, with one instance per field; the ranking below then
  // counts each query word once, in its best field. (Fuse's own multi-field score multiplies every
  // matching field together, which ranked "Verifiable reward" over "Reward hacking" for "reward hak".)
  // Body text (up to 6,000 characters a page) is searched as typed, which also finds word starts;
  // Fuse's typo-tolerant scan of it (tens of milliseconds a word) runs only for a word that nothing
  // contains as typed.
  var FIELDS = [
    { key: "title", weight: 10 },
    { key: "aliases", weight: 8 },
    { key: "slug", weight: 6 },
    { key: "headings", weight: 3 },
    { key: "text", weight: 1.5 }
  ];
  // How much a match is worth: the word itself or its start, anywhere else inside a word, a typo
  // when no document has the word as typed (the reader must mean something else), a typo when
  // some document has it (then that document is probably the one).
  var WORD_START = 1;
  var INSIDE = 0.7;
  var TYPO = 0.5;
  var TYPO_OF_REAL_WORD = 0.1;
  // Other fields that match add a little: a page with the word in its title and headings beats one
  // with it only in its title.
  var ALSO = 0.2;
  // Left out of a query that has other words ("what is rlhf" searches "rlhf").
  var STOP = " a about an and are as at be by can could do does for from has have how i if in is it its "
    + "me my of on or should so than that the their them then there these they this to was we were "
    + "what when where which who why will with would you your ";
  // Bitap threshold: the share of a word's letters that may be wrong. 0.34 lets one typo through
  // in 3 to 5 letters, two in 6 to 8, and none in one- or two-letter words.
  var THRESHOLD = 0.34;
  var KIND_LABELS = { term: "Term", question: "Question" };

  var input, form, box, list, message, status, root, indexUrl;
  var docs = null;
  var engines = null;
  var cache = {};
  var cached = 0;
  var loading = null;
  var failed = false;
  var results = [];
  var active = -1;
  var timer = 0;
  var stale = false; // the box changed since the last search
  var enterWhenReady = false;

  function init() {
    input = document.getElementById("search-input");
    box = document.getElementById("search-results");
    if (!input || !box || !input.form) { return; }
    form = input.form;
    root = input.getAttribute("data-root") || "";
    indexUrl = input.getAttribute("data-index");

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

    input.addEventListener("focus", function () {
      load();
      if (input.value.trim()) { schedule(0); }
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
    document.addEventListener("keydown", function (e) {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || editable(e.target)) { return; }
      e.preventDefault();
      input.focus();
      input.select();
    });

    // Loaded lazily by site.js on first focus: pick up a focus that already happened.
    if (document.activeElement === input) {
      load();
      if (input.value.trim()) { schedule(0); }
    }

    // Arriving from the no-script form (or a shared link): ?q=… searches at once.
    var q = query();
    if (q) {
      input.value = q;
      input.focus();
      schedule(0);
    }
  }

  function query() {
    try {
      return (new URLSearchParams(window.location.search).get("q") || "").trim();
    } catch (e) {
      return "";
    }
  }

  function editable(el) {
    if (!el || !el.tagName) { return false; }
    var tag = el.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || el.isContentEditable;
  }

  // Loading: the library and the index, once, on first use.

  function load() {
    if (loading) { return loading; }
    loading = Promise.all([loadLibrary(), loadIndex()]).then(function (parts) {
      var Fuse = parts[0];
      docs = parts[1];
      // Fields are folded (lower case, accents removed) once; query words are folded the same way,
      // so "régime" finds "regime". Fuse indexes the folded copies.
      docs.forEach(function (d) {
        var slug = d.kind === "question" ? "" : d.url.replace(/#.*$/, "").replace(/\/$/, "").replace(/^.*\//, "");
        d.folded = {
          title: fold(d.title),
          aliases: (d.aliases || []).map(fold),
          slug: slug.replace(/[-_]+/g, " "),
          headings: (d.headings || []).map(fold),
          text: fold(d.text || "")
        };
      });
      var getFn = function (doc, path) {
        return doc.folded[Array.isArray(path) ? path.join(".") : path];
      };
      engines = FIELDS.map(function (f) {
        if (f.key === "text") { return new LazyFuse(Fuse, f, getFn); }
        return new Fuse(docs, {
          keys: [f.key],
          getFn: getFn,
          threshold: THRESHOLD,
          ignoreLocation: true, // match anywhere in the field, so word starts and middles both count
          includeScore: true,
          shouldSort: false
        });
      });
      if (document.activeElement === input || enterWhenReady) { run(); }
    }).catch(function () {
      failed = true;
      if (document.activeElement === input) { showUnavailable(); }
      if (enterWhenReady) { enterWhenReady = false; form.submit(); }
    });
    return loading;
  }

  // The body-text engine is built the first time a typo needs it.
  function LazyFuse(Fuse, field, getFn) {
    var engine = null;
    this.search = function (t) {
      if (!engine) {
        engine = new Fuse(docs, { keys: [field.key], getFn: getFn, threshold: THRESHOLD, ignoreLocation: true, includeScore: true, shouldSort: false });
      }
      return engine.search(t);
    };
  }

  function loadLibrary() {
    if (window.Fuse) { return Promise.resolve(window.Fuse); }
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = root + LIBRARY;
      script.async = true;
      script.onload = function () {
        if (window.Fuse) { resolve(window.Fuse); } else { reject(new Error("Fuse.js did not load")); }
      };
      script.onerror = function () { reject(new Error("cannot load " + script.src)); };
      document.head.appendChild(script);
    });
  }

  function loadIndex() {
    if (!indexUrl || !window.fetch) { return Promise.reject(new Error("no index")); }
    return fetch(indexUrl, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    }).then(function (index) {
      if (!index || index.v !== FORMAT || !Array.isArray(index.docs)) { throw new Error("unknown index format"); }
      return index.docs;
    });
  }

  // Searching.

  function schedule(delay) {
    stale = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(run, delay);
  }

  function tokens(q) {
    var out = [];
    q.toLowerCase().split(/[\s"“”‘’,;:!?()[\]{}<>|]+/).forEach(function (t) {
      t = t.replace(/^['.\-]+|['.\-]+$/g, "");
      if (t && out.indexOf(t) < 0 && out.length < 8) { out.push(t); }
    });
    return out;
  }

  // The words to highlight: query words split where the text's words split ("kl-penalty" → kl, penalty).
  function markWords(toks) {
    var out = [];
    toks.forEach(function (t) {
      fold(t).split(/[^0-9a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+/).forEach(function (w) {
        if (w && out.indexOf(w) < 0) { out.push(w); }
      });
    });
    return out;
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
    if (!engines) { return; } // load() runs the search when it finishes
    stale = false;
    var toks = tokens(fold(q));
    var content = toks.filter(function (t) { return STOP.indexOf(" " + t + " ") < 0; });
    if (content.length) { toks = content; }
    if (!toks.length) { close(); return; }
    results = rank(toks).slice(0, MAX_RESULTS).map(function (i) { return docs[i]; });
    list.setAttribute("data-query", q); // which query the list answers, as its options change with each keystroke
    render(markWords(toks));
    if (enterWhenReady) {
      enterWhenReady = false;
      if (results.length) { go(0); } else { form.submit(); }
    }
  }

  var WORD_CHAR = /[0-9a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/;

  // How well folded text s contains word t as typed: WORD_START, INSIDE or 0 (not as typed).
  function exactness(s, t) {
    var at = s.indexOf(t);
    if (at < 0) { return 0; }
    while (at >= 0) {
      if (at === 0 || !WORD_CHAR.test(s.charAt(at - 1))) { return WORD_START; }
      at = s.indexOf(t, at + 1);
    }
    return INSIDE;
  }

  // A short field is a stronger signal than a long one: "Sycophancy" over "How can I check my
  // application for sycophancy?".
  function brevity(s) {
    var words = s.split(" ").length;
    return 1 / (1 + 0.1 * (words - 1));
  }

  // For one query word: document index -> the value of its best match (field weight x quality x
  // brevity), plus a little for every other field that matches.
  function wordHits(t) {
    if (cache.hasOwnProperty(t)) { return cache[t]; }
    var found = {};
    var wordSomewhere = false; // some document has a word that starts with t
    function add(i, weight, exact, score) {
      (found[i] = found[i] || []).push({ weight: weight, exact: exact, score: score });
    }
    var textField = -1;
    FIELDS.forEach(function (f, fi) {
      if (f.key === "text") {
        textField = fi;
        docs.forEach(function (d, i) {
          var e = exactness(d.folded.text, t);
          if (e === WORD_START) { wordSomewhere = true; }
          if (e > 0) { add(i, f.weight, e, 0); }
        });
        return;
      }
      engines[fi].search(t).forEach(function (r) {
        var values = docs[r.refIndex].folded[f.key];
        if (!Array.isArray(values)) { values = [values]; }
        var exact = 0;
        values.forEach(function (v) {
          var e = exactness(v, t);
          if (e === WORD_START) { wordSomewhere = true; }
          e *= brevity(v);
          if (e > exact) { exact = e; }
        });
        add(r.refIndex, f.weight, exact, r.score);
      });
    });
    if (!wordSomewhere && textField >= 0) { // a typo: now scan the body text typo-tolerantly too
      var textHits = {};
      docs.forEach(function (d, i) { if (exactness(d.folded.text, t) > 0) { textHits[i] = true; } });
      engines[textField].search(t).forEach(function (r) {
        if (!textHits[r.refIndex]) { add(r.refIndex, FIELDS[textField].weight, 0, r.score); }
      });
    }
    // A typo counts for less when some document has the word as typed: that one is probably meant.
    var typo = wordSomewhere ? TYPO_OF_REAL_WORD : TYPO;
    var value = {};
    Object.keys(found).forEach(function (i) {
      var best = 0;
      var sum = 0;
      found[i].forEach(function (m) {
        // Fuse's score: 0 for exact, up to THRESHOLD with typos, raised for longer fields.
        var v = m.weight * (m.exact > 0 ? m.exact : typo * (1 - Math.min(1, m.score)));
        sum += v;
        if (v > best) { best = v; }
      });
      value[i] = best + ALSO * (sum - best);
    });
    if (++cached > 64) { cache = {}; cached = 1; } // typing one query reuses its earlier words
    cache[t] = value;
    return value;
  }

  // Documents that match every query word, best first: by the sum of each word's best match,
  // then shorter titles, then index order (stable, so the same query always gives the same list).
  function rank(toks) {
    var hits = toks.map(wordHits);
    var scored = [];
    Object.keys(hits[0]).forEach(function (key) {
      var sum = 0;
      for (var k = 0; k < hits.length; k++) {
        var v = hits[k][key];
        if (v === undefined) { return; }
        sum += v;
      }
      scored.push({ i: +key, score: sum });
    });
    scored.sort(function (a, b) {
      return b.score - a.score || docs[a.i].title.length - docs[b.i].title.length || a.i - b.i;
    });
    return scored.map(function (s) { return s.i; });
  }

  // Showing results.

  function render(toks) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (!results.length) {
      list.hidden = true;
      say("No results for “" + input.value.trim() + "”.", true);
      open();
      return;
    }
    results.forEach(function (doc, i) {
      var li = document.createElement("li");
      li.setAttribute("role", "none");
      var a = document.createElement("a");
      a.id = "sr-" + i;
      a.href = root + doc.url;
      a.setAttribute("role", "option");
      a.setAttribute("aria-selected", "false");
      a.tabIndex = -1;
      var title = document.createElement("span");
      title.className = "title";
      highlight(title, doc.title, toks, 0, doc.title.length);
      a.appendChild(title);
      if (KIND_LABELS[doc.kind]) {
        a.appendChild(document.createTextNode(" "));
        var badge = document.createElement("span");
        badge.className = "badge kind-" + doc.kind;
        badge.textContent = KIND_LABELS[doc.kind];
        a.appendChild(badge);
      }
      if (doc.section) {
        a.appendChild(document.createTextNode(" "));
        var section = document.createElement("span");
        section.className = "section";
        section.textContent = doc.section;
        a.appendChild(section);
      }
      var snippet = document.createElement("span");
      snippet.className = "snippet";
      fillSnippet(snippet, doc, toks);
      a.appendChild(snippet);
      a.addEventListener("mousemove", function () { if (active !== i) { select(i, false); } });
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = false;
    message.hidden = true;
    status.textContent = results.length === 1 ? "1 result." : results.length + " results; use the arrow keys to choose one.";
    open();
  }

  function showUnavailable() {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    results = [];
    active = -1;
    input.removeAttribute("aria-activedescendant");
    list.hidden = true;
    while (message.firstChild) { message.removeChild(message.firstChild); }
    var why = window.location.protocol === "file:"
      ? "Search needs the site to be served over HTTP; it is unavailable from file://. Use the "
      : "Search is unavailable right now. Use the ";
    message.appendChild(document.createTextNode(why));
    var link = document.createElement("a");
    link.href = form.getAttribute("action") || root;
    link.textContent = "glossary";
    message.appendChild(link);
    message.appendChild(document.createTextNode("."));
    message.hidden = false;
    status.textContent = message.textContent;
    open();
  }

  function say(text, show) {
    message.textContent = text;
    message.hidden = !show;
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
    if (active >= 0 && list.children[active]) {
      list.children[active].firstChild.setAttribute("aria-selected", "false");
    }
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

  function go(i) {
    var option = list.querySelectorAll("[role=option]")[i];
    if (option) { window.location.href = option.href; }
  }

  // Keys: ArrowDown/ArrowUp move, Enter opens, Escape closes.

  function onKey(e) {
    if (e.isComposing || e.keyCode === 229) { return; }
    switch (e.key) {
      case "ArrowDown":
      case "Down":
        e.preventDefault();
        if (!isOpen()) { load(); run(); if (e.altKey) { return; } }
        select(active + 1);
        break;
      case "ArrowUp":
      case "Up":
        e.preventDefault();
        if (!isOpen()) { load(); run(); }
        select(active < 0 ? -1 : active - 1);
        break;
      case "Enter":
        e.preventDefault();
        enter();
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

  function onSubmit(e) {
    // The form's own submit (the no-script path) only when search cannot answer here.
    if (failed) { return; }
    e.preventDefault();
    enter();
  }

  function enter() {
    if (!input.value.trim()) { return; }
    if (failed) { form.submit(); return; }
    if (!engines) { enterWhenReady = true; load(); return; }
    if (stale || !isOpen() || !results.length) { run(); }
    if (results.length) { go(active >= 0 ? active : 0); }
  }

  // Highlighting and snippets, with DOM nodes only: a word matches a query word if it starts with it,
  // or (for query words of four letters or more) if its start is within the typo allowance.

  function fold(s) {
    var lower = s.toLowerCase();
    if (lower.length !== s.length) { return s; } // keep offsets aligned (e.g. "İ")
    if (!lower.normalize) { return lower; }
    var folded = lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    return folded.length === lower.length ? folded : lower; // keep offsets aligned
  }

  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) { return max + 1; }
    var prev = [];
    var cur = [];
    var i, j;
    for (j = 0; j <= b.length; j++) { prev[j] = j; }
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (cur[j] < best) { best = cur[j]; }
      }
      if (best > max) { return max + 1; }
      prev = cur;
    }
    return prev[b.length];
  }

  // How many leading characters of `word` (folded) match token `t`: 0 for no match.
  // Exact prefixes score 2, typo matches 1 (returned as .score).
  function matchWord(word, t) {
    if (word.lastIndexOf(t, 0) === 0) { return { length: t.length, score: 2 }; }
    // Typos are highlighted only in words of four letters or more: "hak" could be "has", "hat" or "hack".
    if (t.length < 4 || word.charAt(0) !== t.charAt(0)) { return null; }
    var allowed = Math.floor(t.length * THRESHOLD);
    var lengths = [t.length, t.length + 1, t.length - 1];
    for (var k = 0; k < lengths.length; k++) {
      var n = lengths[k];
      if (n < 2 || n > word.length) { continue; }
      if (n < t.length && n < 4) { continue; } // "ha" is not a typo of "hak"
      if (distance(word.slice(0, n), t, allowed) <= allowed) { return { length: n, score: 1 }; }
    }
    return null;
  }

  var WORD = /[0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+/g;

  // Every word of s[from, to) that matches a token: {start, end, token, score}.
  function matches(s, toks, from, to) {
    var out = [];
    var folded = fold(s);
    WORD.lastIndex = from;
    var m;
    while ((m = WORD.exec(folded)) !== null && m.index < to) {
      var best = null;
      for (var k = 0; k < toks.length; k++) {
        var hit = matchWord(m[0], toks[k]);
        if (hit && (!best || hit.score > best.score)) { best = { start: m.index, end: m.index + hit.length, token: k, score: hit.score }; }
      }
      if (best) { out.push(best); }
    }
    return out;
  }

  function highlight(parent, s, toks, from, to) {
    var hits = matches(s, toks, from, to);
    var at = from;
    hits.forEach(function (h) {
      if (h.end > to) { return; }
      if (h.start > at) { parent.appendChild(document.createTextNode(s.slice(at, h.start))); }
      var mark = document.createElement("mark");
      mark.textContent = s.slice(h.start, h.end);
      parent.appendChild(mark);
      at = h.end;
    });
    if (at < to) { parent.appendChild(document.createTextNode(s.slice(at, to))); }
  }

  // The stretch of text with the most distinct query words (then the most exact ones), earliest first.
  function fillSnippet(el, doc, toks) {
    var text = doc.text || "";
    if (!text) { return; }
    var hits = matches(text, toks, 0, text.length);
    var start = 0;
    if (hits.length) {
      var bestScore = -1;
      var bestAt = 0;
      for (var i = 0; i < hits.length; i++) {
        var seen = {};
        var distinct = 0;
        var exact = 0;
        for (var j = i; j < hits.length && hits[j].start < hits[i].start + SNIPPET_CHARS * 0.75; j++) {
          if (!seen[hits[j].token]) { seen[hits[j].token] = true; distinct++; }
          exact += hits[j].score;
        }
        var score = distinct * 100 + exact;
        if (score > bestScore) { bestScore = score; bestAt = hits[i].start; }
      }
      // Begin a little before the first match, at a word boundary.
      start = Math.max(0, bestAt - 30);
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
    highlight(el, text, toks, start, end);
    if (end < text.length && text.charAt(end - 1) !== "…") { el.appendChild(document.createTextNode("…")); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
