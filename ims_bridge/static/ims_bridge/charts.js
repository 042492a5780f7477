/* Progressive enhancement: draw a Chart.js chart above each data table marked data-chart.
   The table stays in the page as the accessible source of the numbers. */
(function () {
  "use strict";
  function number(text) { return text === "" || text == null ? null : Number(text); }
  function draw(table) {
    if (typeof Chart === "undefined") return;
    var kind = table.dataset.chart;
    var canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    var caption = table.querySelector("caption");
    canvas.setAttribute("aria-label", caption ? caption.textContent.trim() : "");
    var wrapper = document.createElement("div");
    wrapper.className = "ims-chart";
    wrapper.setAttribute("aria-hidden", "true");
    wrapper.appendChild(canvas);
    table.parentNode.insertBefore(wrapper, table);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows).filter(function (r) {
      return r.dataset.label !== undefined;
    });
    var config;
    if (kind === "line") {
      var labels = Array.prototype.slice.call(table.tHead.rows[0].cells, 1).map(function (c) {
        return c.textContent.trim();
      });
      config = { type: "line", data: { labels: labels, datasets: rows.map(function (r) {
        return { label: r.dataset.label, spanGaps: false,
          data: Array.prototype.slice.call(r.cells, 1).map(function (c) { return number(c.dataset.value); }) };
      }) } };
    } else {
      config = { type: "bar", data: { labels: rows.map(function (r) { return r.dataset.label; }),
        datasets: [{ label: table.dataset.seriesLabel || "%",
          data: rows.map(function (r) { return number(r.dataset.value); }) }] },
        options: { indexAxis: "y" } };
    }
    // Right-to-left pages (Arabic) mirror the chart: values grow from the right, the category
    // labels stand on the right, and legend and tooltips read right to left.
    var rtl = document.documentElement.dir === "rtl";
    var scales = kind === "line"
      ? { x: { reverse: rtl }, y: { min: 0, max: 100, position: rtl ? "right" : "left" } }
      : { x: { min: 0, max: 100, reverse: rtl }, y: { position: rtl ? "right" : "left" } };
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, scales: scales,
      locale: document.documentElement.lang || undefined,
      plugins: { legend: { rtl: rtl }, tooltip: { rtl: rtl } } },
      config.options || {});
    wrapper.style.height = Math.max(200, rows.length * (kind === "line" ? 30 : 26)) + "px";
    new Chart(canvas, config);
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table[data-chart]").forEach(draw);
  });
})();
