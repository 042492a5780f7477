// Progressive enhancement only: <details data-open-wide> (the header menu, the library and search
// filters) are open on wide screens and a toggle on phones. CSS already shows their content on
// wide screens without JavaScript; this keeps the element's own state right when the window
// crosses the breakpoint (not on every resize: a phone resizes while it scrolls). A panel the
// server sent open (e.g. to show an error) stays open.
(function () {
  "use strict";
  document.querySelectorAll("details[data-open-wide]").forEach(function (panel) {
    var sentOpen = panel.open;
    var wide = window.matchMedia(
      panel.classList.contains("filter-panel") ? "(min-width: 60rem)" : "(min-width: 48rem)"
    );
    function sync() { panel.open = wide.matches || sentOpen; }
    sync();
    wide.addEventListener("change", sync);
  });
})();
