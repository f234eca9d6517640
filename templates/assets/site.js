// The Alignment Field Guide: the theme toggle. Everything works without this file.
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "fieldguide-theme";
  function stored() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function apply(theme) {
    if (theme === "light" || theme === "dark") {
      root.setAttribute("data-theme", theme);
    } else {
      root.removeAttribute("data-theme");
    }
  }
  apply(stored());
  function current() {
    var t = root.getAttribute("data-theme");
    if (t) { return t; }
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  document.addEventListener("DOMContentLoaded", function () {
    // The navigation drawer starts closed (small screens); on wide screens it is always shown.
    var drawer = document.querySelector(".nav-drawer");
    if (drawer && window.matchMedia && window.matchMedia("(min-width: 52.01rem)").matches) {
      drawer.open = true;
    }
    // Search loads on first use: the script (and, through it, the index) only when the box is
    // focused or pointed at, or on the results page.
    var search = document.getElementById("search-input");
    if (search) {
      var loaded = false;
      // The library and search.js download side by side and run in this order (async = false).
      var loadSearch = function () {
        if (loaded) { return; }
        loaded = true;
        ["assets/minisearch.js", "assets/search.js"].forEach(function (src) {
          var script = document.createElement("script");
          script.src = (search.getAttribute("data-root") || "") + src;
          script.async = false;
          document.head.appendChild(script);
        });
      };
      search.addEventListener("focus", loadSearch);
      search.addEventListener("pointerenter", loadSearch);
      document.addEventListener("keydown", function (e) {
        var t = e.target;
        var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
        if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typing) { return; }
        e.preventDefault();
        search.focus();
        search.select();
      });
      if (document.getElementById("search-page")) { loadSearch(); } // the results page
    }
    // Glossary filters work without JavaScript through :target; with it, they filter in place
    // without jumping down the page.
    var glossary = document.querySelector("[data-glossary]");
    if (glossary) {
      var filters = document.querySelectorAll(".kind-filters a");
      var applyFilter = function (id) {
        var kind = id && id.indexOf("kind-") === 0 ? id.substring(5) : "";
        if (kind) { glossary.setAttribute("data-kind", kind); } else { glossary.removeAttribute("data-kind"); }
        for (var i = 0; i < filters.length; i++) {
          var current = filters[i].getAttribute("href") === "#" + (id || "all");
          if (current) { filters[i].setAttribute("aria-current", "true"); } else { filters[i].removeAttribute("aria-current"); }
        }
      };
      for (var i = 0; i < filters.length; i++) {
        filters[i].addEventListener("click", function (e) {
          e.preventDefault();
          var id = this.getAttribute("href").substring(1);
          history.replaceState(null, "", id === "all" ? window.location.pathname : "#" + id);
          applyFilter(id);
        });
      }
      applyFilter(window.location.hash.substring(1));
    }
    // Term tooltips open below their link through CSS alone; here one that would cross the
    // window's edge moves back inside it (or above its link, near the bottom), and Escape hides it.
    var EDGE = 8;
    var placeTip = function (tip) {
      tip.style.transform = "";
      tip.classList.remove("term-tip-above");
      var r = tip.getBoundingClientRect();
      if (!r.width) { return; }
      var link = tip.previousElementSibling.getBoundingClientRect();
      var width = document.documentElement.clientWidth;
      var dx = Math.max(Math.min(0, width - EDGE - r.right), EDGE - r.left);
      var dy = 0;
      var gap = r.top - link.bottom;
      if (r.bottom > window.innerHeight - EDGE && link.top - gap - r.height >= EDGE) {
        dy = link.top - gap - r.bottom;
        tip.classList.add("term-tip-above");
      }
      if (dx || dy) { tip.style.transform = "translate(" + Math.round(dx) + "px, " + Math.round(dy) + "px)"; }
    };
    var tipOf = function (el) {
      var ref = el && el.closest ? el.closest(".term-ref") : null;
      return ref ? ref.querySelector(".term-tip") : null;
    };
    document.addEventListener("mouseover", function (e) {
      var tip = tipOf(e.target);
      if (tip && !tip.contains(e.target) && !tip.parentNode.contains(e.relatedTarget)) {
        tip.classList.remove("term-tip-dismissed");
        placeTip(tip);
        window.requestAnimationFrame(function () { placeTip(tip); });
      }
    });
    document.addEventListener("focusin", function (e) {
      var tip = tipOf(e.target);
      if (tip) {
        tip.classList.remove("term-tip-dismissed");
        placeTip(tip);
      }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape" && e.key !== "Esc") { return; }
      var open = document.querySelectorAll(".term-ref:hover > .term-tip, .term-link:focus + .term-tip");
      for (var i = 0; i < open.length; i++) { open[i].classList.add("term-tip-dismissed"); }
    });
    // A chart wider than the column scrolls sideways (chart.css): while it does, its hint shows
    // and its scroll area is in the tab order; otherwise neither.
    var scrollers = document.querySelectorAll(".chart-scroll");
    var markScrollers = function () {
      for (var i = 0; i < scrollers.length; i++) {
        var wide = scrollers[i].scrollWidth > scrollers[i].clientWidth + 1;
        var hint = scrollers[i].parentNode.querySelector(".chart-hint");
        if (hint) { hint.hidden = !wide; }
        if (wide) { scrollers[i].setAttribute("tabindex", "0"); } else { scrollers[i].removeAttribute("tabindex"); }
      }
    };
    if (scrollers.length) {
      markScrollers();
      window.addEventListener("resize", markScrollers);
    }
    // Drawers: the sidebar's "Contents" and "On this page" are collapsed on narrow screens; where the
    // layout shows them as columns (wide screens) they are always open and their summary is inert.
    var drawers = document.querySelectorAll(".nav-drawer, .toc-drawer");
    var isColumn = function (drawer) {
      var box = drawer.parentNode;
      return box && window.getComputedStyle(box).position === "sticky";
    };
    var syncDrawers = function () {
      for (var i = 0; i < drawers.length; i++) {
        var column = isColumn(drawers[i]);
        var summary = drawers[i].querySelector("summary");
        if (column) { drawers[i].open = true; }
        if (summary) {
          if (column) { summary.setAttribute("tabindex", "-1"); } else { summary.removeAttribute("tabindex"); }
        }
      }
    };
    for (var d = 0; d < drawers.length; d++) {
      var summary = drawers[d].querySelector("summary");
      if (summary) {
        summary.addEventListener("click", function (e) {
          if (isColumn(this.parentNode)) { e.preventDefault(); }
        });
      }
    }
    syncDrawers();
    window.addEventListener("resize", syncDrawers);
    // Scroll-spy: the "On this page" link of the section being read is marked as the current one.
    var tocLinks = document.querySelectorAll(".toc a[href^='#']");
    var targets = [];
    for (var t = 0; t < tocLinks.length; t++) {
      var target = document.getElementById(decodeURIComponent(tocLinks[t].getAttribute("href").substring(1)));
      if (target) { targets.push({ link: tocLinks[t], heading: target }); }
    }
    if (targets.length) {
      var spyQueued = false;
      var spy = function () {
        spyQueued = false;
        var line = Math.min(window.innerHeight * 0.3, 160);
        var current = null;
        for (var i = 0; i < targets.length; i++) {
          if (targets[i].heading.getBoundingClientRect().top <= line) { current = targets[i]; } else { break; }
        }
        if (!current && window.scrollY > 0) { current = null; }
        for (var k = 0; k < targets.length; k++) {
          if (targets[k] === current) { targets[k].link.setAttribute("aria-current", "location"); } else { targets[k].link.removeAttribute("aria-current"); }
        }
      };
      window.addEventListener("scroll", function () {
        if (!spyQueued) { spyQueued = true; window.requestAnimationFrame(spy); }
      }, { passive: true });
      spy();
    }
    // Tables: a bare Markdown table gets the same scrolling frame as a data table; each cell learns
    // its column's name (shown above it when a phone stacks the rows as cards); a frame that
    // scrolls is marked, which shows its hint.
    var bare = document.querySelectorAll(".content > table");
    for (var b = 0; b < bare.length; b++) {
      var wrap = document.createElement("div");
      wrap.className = "table-wrap";
      wrap.setAttribute("role", "region");
      wrap.setAttribute("tabindex", "0");
      var caption = bare[b].querySelector("caption");
      wrap.setAttribute("aria-label", caption ? caption.textContent : "Table " + (b + 1));
      bare[b].parentNode.insertBefore(wrap, bare[b]);
      wrap.appendChild(bare[b]);
    }
    var tables = document.querySelectorAll(".table-wrap");
    for (var w = 0; w < tables.length; w++) {
      var heads = tables[w].querySelectorAll("thead th");
      if (heads.length >= 3) {
        tables[w].setAttribute("data-cards", "");
        var rows = tables[w].querySelectorAll("tbody tr");
        for (var r = 0; r < rows.length; r++) {
          for (var c = 0; c < rows[r].children.length && c < heads.length; c++) {
            if (rows[r].children[c].tagName === "TD") { rows[r].children[c].setAttribute("data-label", heads[c].textContent); }
          }
        }
      }
    }
    var markTables = function () {
      for (var i = 0; i < tables.length; i++) {
        tables[i].removeAttribute("data-scrolls");
        if (tables[i].scrollWidth > tables[i].clientWidth + 1) { tables[i].setAttribute("data-scrolls", ""); }
      }
    };
    if (tables.length) {
      markTables();
      // Again whenever a frame or its table changes size: the window, and also fonts or a layout
      // that settles after this script ran, which no resize event announces.
      if (window.ResizeObserver) {
        var sized = new ResizeObserver(markTables);
        for (var o = 0; o < tables.length; o++) {
          sized.observe(tables[o]);
          if (tables[o].firstElementChild) { sized.observe(tables[o].firstElementChild); }
        }
      } else {
        window.addEventListener("resize", markTables);
      }
    }
    // A chart wider than its frame opens at its first question, not on blank space; and again when
    // the frame changes size (a layout that settles late, a turned phone), unless the reader has
    // scrolled it since.
    var starts = document.querySelectorAll(".chart-scroll[data-start]");
    var placeStart = function (frame) {
      if (frame.scrollWidth > frame.clientWidth + 1 && frame.scrollLeft === (frame.placedAt || 0)) {
        var at = parseFloat(frame.getAttribute("data-start")) * frame.scrollWidth - frame.clientWidth / 2;
        frame.scrollLeft = Math.max(0, Math.round(at));
        frame.placedAt = frame.scrollLeft;
      }
    };
    for (var s = 0; s < starts.length; s++) { placeStart(starts[s]); }
    if (starts.length && window.ResizeObserver) {
      var resized = new ResizeObserver(function (entries) {
        for (var e = 0; e < entries.length; e++) { placeStart(entries[e].target); }
      });
      for (var t = 0; t < starts.length; t++) { resized.observe(starts[t]); }
    }
    // Previews of terms and citations. A tap on a term (or a click, tap or Enter on a citation
    // number) opens a small card beside it with a link onward; a second one follows the link.
    // Escape, a click elsewhere or Tab past its links closes it.
    var pointer = "mouse";
    document.addEventListener("pointerdown", function (e) { pointer = e.pointerType || "mouse"; }, true);
    var preview = document.createElement("span");
    preview.className = "preview";
    preview.id = "preview";
    preview.setAttribute("role", "dialog");
    preview.hidden = true;
    var openedBy = null;
    var placePreview = function () {
      if (!openedBy) { return; }
      var r = openedBy.getBoundingClientRect();
      var width = document.documentElement.clientWidth;
      var p = preview.getBoundingClientRect();
      var left = Math.max(EDGE, Math.min(r.left, width - EDGE - p.width));
      var top = r.bottom + 6;
      if (top + p.height > window.innerHeight - EDGE && r.top - 6 - p.height >= EDGE) { top = r.top - 6 - p.height; }
      preview.style.left = Math.round(left) + "px";
      preview.style.top = Math.round(top) + "px";
    };
    var closePreview = function (refocus) {
      if (!openedBy) { return; }
      var was = openedBy;
      openedBy = null;
      preview.hidden = true;
      was.removeAttribute("aria-expanded");
      if (refocus) { was.focus(); }
    };
    var openPreview = function (link, body, href, label) {
      preview.textContent = "";
      preview.appendChild(body);
      var more = document.createElement("a");
      more.className = "preview-open";
      more.href = href;
      more.textContent = label;
      preview.appendChild(document.createElement("br"));
      preview.appendChild(more);
      preview.setAttribute("aria-label", link.textContent ? "Preview: " + link.textContent : "Preview");
      var holder = link.closest(".term-ref, .cite") || link;
      holder.parentNode.insertBefore(preview, holder.nextSibling);
      preview.hidden = false;
      openedBy = link;
      link.setAttribute("aria-controls", "preview");
      link.setAttribute("aria-expanded", "true");
      var tip = link.parentNode.querySelector(".term-tip");
      if (tip) { tip.classList.add("term-tip-dismissed"); }
      placePreview();
    };
    document.addEventListener("click", function (e) {
      var link = e.target.closest ? e.target.closest("a.term-link, a.cite-ref") : null;
      if (!link) {
        if (openedBy && !preview.contains(e.target)) { closePreview(false); }
        return;
      }
      if (openedBy === link) { closePreview(false); return; } // the second tap follows the link
      var touch = pointer === "touch" || pointer === "pen";
      if (link.classList.contains("term-link")) {
        var tip = link.parentNode.querySelector(".term-tip");
        if (!touch || !tip) { return; }
        e.preventDefault();
        var text = document.createElement("span");
        text.textContent = tip.textContent;
        openPreview(link, text, link.href, "Open entry \u2192");
      } else {
        var id = decodeURIComponent(link.getAttribute("href").substring(1));
        var ref = document.getElementById(id);
        if (!ref) { return; }
        e.preventDefault();
        var copy = ref.cloneNode(true);
        copy.removeAttribute("id");
        var extra = copy.querySelectorAll(".cite-back, [id]");
        for (var i = 0; i < extra.length; i++) {
          if (extra[i].classList.contains("cite-back")) { extra[i].remove(); } else { extra[i].removeAttribute("id"); }
        }
        var body = document.createElement("span");
        while (copy.firstChild) { body.appendChild(copy.firstChild); }
        openPreview(link, body, "#" + id, "See it in the references \u2193");
      }
    });
    document.addEventListener("keydown", function (e) {
      if ((e.key === "Escape" || e.key === "Esc") && openedBy) { closePreview(true); }
    });
    preview.addEventListener("focusout", function (e) {
      if (openedBy && e.relatedTarget && !preview.contains(e.relatedTarget) && e.relatedTarget !== openedBy) { closePreview(false); }
    });
    window.addEventListener("scroll", placePreview, { passive: true });
    window.addEventListener("resize", placePreview);
    var button = document.getElementById("theme-toggle");
    if (!button) { return; }
    function label() {
      var next = current() === "dark" ? "light" : "dark";
      button.textContent = next === "dark" ? "Dark theme" : "Light theme";
      button.setAttribute("aria-label", "Switch to the " + next + " theme");
    }
    button.hidden = false;
    label();
    button.addEventListener("click", function () {
      var next = current() === "dark" ? "light" : "dark";
      apply(next);
      try { localStorage.setItem(KEY, next); } catch (e) { /* private mode: the choice lasts this page only */ }
      label();
    });
  });
}());
