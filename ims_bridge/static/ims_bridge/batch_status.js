/* Import batch page: poll the batch's JSON status while it is pending or running and update
   the counts in place; reload once when it ends, so the full report shows. Without JavaScript
   the page shows the state it was rendered with and a refresh link. */
(function () {
  "use strict";
  var INTERVAL = 2000;
  var section = document.getElementById("ims-batch-status");
  if (!section || section.dataset.finished === "true" || !window.fetch) return;
  var url = section.dataset.statusUrl;

  function field(name) { return section.querySelector('[data-field="' + name + '"]'); }
  function set(name, text) { var el = field(name); if (el) el.textContent = text; }

  function render(data) {
    set("status_label", data.status_label);
    ["rows_read", "rows_imported", "rows_rejected"].forEach(function (name) {
      set(name, String(data[name]));
    });
    set("percent", data.percent === null || data.percent === undefined ? "…" : data.percent + "%");
    set("message", data.message || "—");
    var body = field("errors");
    if (body) {
      body.textContent = "";
      (data.errors || []).forEach(function (error) {
        var row = document.createElement("tr");
        [error.line, error.column || "", error.reason].forEach(function (value) {
          var cell = document.createElement("td");
          cell.textContent = value === null || value === undefined ? "" : String(value);
          row.appendChild(cell);
        });
        body.appendChild(row);
      });
    }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "XMLHttpRequest", Accept: "application/json" } })
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
      .then(function (data) {
        render(data);
        if (data.finished) { window.location.reload(); return; }
        window.setTimeout(poll, INTERVAL);
      })
      .catch(function () { set("note", ""); });  /* stop polling; the refresh link still works */
  }
  window.setTimeout(poll, INTERVAL);
})();
