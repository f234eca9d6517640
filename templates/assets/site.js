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
