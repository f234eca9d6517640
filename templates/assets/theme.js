// The Alignment Field Guide: applies the reader's stored theme before the page is first painted.
// Loaded without defer or async from <head>, so it runs before the body is drawn; site.js does the rest.
(function () {
  "use strict";
  try {
    var theme = localStorage.getItem("fieldguide-theme");
    if (theme === "light" || theme === "dark") {
      document.documentElement.setAttribute("data-theme", theme);
    }
  } catch (e) { /* storage blocked: follow the system setting */ }
}());
