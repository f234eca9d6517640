package org.fieldguide.serve;

import java.nio.charset.StandardCharsets;

/**
 * The script {@code serve} adds to every HTML page it serves (and only there: the built site never
 * has it), as a {@code <script src>} before {@code </body>}, since the site's
 * Content-Security-Policy allows no inline script. It listens on the event stream: {@code reload}
 * reloads the page; {@code status} shows the diagnostics of a failed build over the page, built
 * with DOM calls (text only, styles through the CSSOM, which the policy allows), each with the
 * lines it points at and, if {@code serve --editor} is given, its location as a link that opens the
 * file in the author's editor; or removes them once the build is good again. On a draft page it
 * shows a banner. Only a visible page listens, since a browser opens at most six connections to one
 * server.
 */
final class LiveScript {
  static final String SOURCE =
      """
      // fieldguide serve: reloads this page when its output changes and shows build errors over it.
      // Added by `fieldguide serve` only; the built site never contains this script.
      (function () {
        "use strict";
        var me = document.currentScript;
        if (me && me.hasAttribute("data-draft") && document.body) {
          var banner = document.createElement("p");
          banner.id = "fieldguide-draft";
          banner.setAttribute("role", "note");
          banner.textContent = "Draft: this page has draft: true, so build and check leave it out;"
              + " serve shows it because of --drafts.";
          var look = { margin: "0", padding: "0.4rem 1rem", background: "#ffd479", color: "#1f1f1f",
            borderBottom: "2px solid #a87700", font: "bold 15px/1.5 system-ui, sans-serif", textAlign: "center" };
          for (var key in look) { banner.style[key] = look[key]; }
          document.body.insertBefore(banner, document.body.firstChild);
        }
        if (!me || !window.EventSource || !window.URL) { return; }
        var src = new URL(me.src, location.href);
        var events = new URL("events", src);
        events.searchParams.set("page", location.pathname);
        events.searchParams.set("v", src.searchParams.get("v") || "");
        var ID = "fieldguide-build-errors";

        function css(element, styles) {
          for (var name in styles) { element.style[name] = styles[name]; }
          return element;
        }

        function add(parent, tag, text, styles) {
          var element = document.createElement(tag);
          if (text) { element.textContent = text; }
          if (styles) { css(element, styles); }
          parent.appendChild(element);
          return element;
        }

        function show(status) {
          var old = document.getElementById(ID);
          if (old) { old.parentNode.removeChild(old); }
          if (status.ok || !status.diagnostics || status.diagnostics.length === 0) { return; }
          var box = css(document.createElement("section"), {
            position: "fixed", left: "0", right: "0", bottom: "0", maxHeight: "60vh", overflow: "auto",
            zIndex: "2147483647", margin: "0", padding: "1rem 1.25rem", background: "#1f1f1f", color: "#f2f2f2",
            borderTop: "4px solid #e5484d", boxShadow: "0 -4px 18px rgba(0, 0, 0, 0.45)",
            font: "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", textAlign: "left"
          });
          box.id = ID;
          box.setAttribute("role", "alert");
          box.setAttribute("aria-label", "Build errors");
          var hide = add(box, "button", "Hide", {
            float: "right", font: "inherit", color: "inherit", background: "transparent",
            border: "1px solid #888", borderRadius: "4px", padding: "0.1rem 0.6rem", cursor: "pointer"
          });
          hide.type = "button";
          hide.addEventListener("click", function () { box.parentNode.removeChild(box); });
          add(box, "p", "fieldguide: the last change did not build (" + status.errors + " error(s), "
              + status.warnings + " warning(s)). This page shows the last good build and updates"
              + " by itself once the errors are fixed.", { margin: "0 0 0.5rem", fontWeight: "bold" });
          var list = add(box, "ul", null, { margin: "0", padding: "0", listStyle: "none" });
          status.diagnostics.forEach(function (d) {
            var item = add(list, "li", null, { margin: "0.25rem 0", whiteSpace: "pre-wrap", overflowWrap: "anywhere" });
            var where = add(item, d.editor ? "a" : "strong", d.location, { color: "#ffd479", fontWeight: "bold" });
            if (d.editor) {
              where.href = d.editor;
              where.title = "Open in your editor";
            }
            add(item, "span", ": " + d.severity + ": ", { color: d.severity === "error" ? "#ff8a8a" : "#ffd479" });
            add(item, "span", d.message);
            if (d.excerpt && d.excerpt.length) {
              add(item, "pre", d.excerpt.join("\\n"), { margin: "0.25rem 0 0.5rem", padding: "0.25rem 0.5rem",
                background: "#2b2b2b", color: "#d8d8d8", font: "inherit", whiteSpace: "pre", overflowX: "auto" });
            }
          });
          document.body.appendChild(box);
        }

        // A browser opens at most six connections to one server, and each listening page holds one;
        // so only a visible page listens. One that comes back after a rebuild reloads (see LiveEvents).
        var source = null;
        function listen() {
          if (source) { return; }
          source = new EventSource(events.href);
          source.addEventListener("reload", function () {
            stop();
            location.reload();
          });
          source.addEventListener("status", function (e) {
            try { show(JSON.parse(e.data)); } catch (err) { /* a malformed message changes nothing */ }
          });
        }
        function stop() {
          if (source) { source.close(); source = null; }
        }
        document.addEventListener("visibilitychange", function () {
          if (document.hidden) { stop(); } else { listen(); }
        });
        if (!document.hidden) { listen(); }
      })();
      """;

  private LiveScript() {}

  static byte[] bytes() {
    return SOURCE.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@code html} with {@code <script src="scriptSrc" defer></script>} before its last {@code
   * </body>} (or at the end).
   */
  static byte[] inject(byte[] html, String scriptSrc) {
    return inject(html, scriptSrc, false);
  }

  /**
   * {@link #inject(byte[], String)}; for a draft page the tag has a {@code data-draft} attribute,
   * and the script shows a banner saying that the page is a draft.
   */
  static byte[] inject(byte[] html, String scriptSrc, boolean draft) {
    String text = new String(html, StandardCharsets.UTF_8);
    String tag =
        "<script src=\""
            + scriptSrc.replace("&", "&amp;").replace("\"", "&quot;")
            + "\" defer"
            + (draft ? " data-draft" : "")
            + "></script>";
    int at = text.length() - "</body>".length();
    while (at >= 0 && !text.regionMatches(true, at, "</body>", 0, "</body>".length())) {
      at--;
    }
    String out = at < 0 ? text + tag : text.substring(0, at) + tag + text.substring(at);
    return out.getBytes(StandardCharsets.UTF_8);
  }
}
