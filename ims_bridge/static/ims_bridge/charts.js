/* Progressive enhancement: draw a Chart.js chart above each data table marked data-chart.
   The table stays in the page as the accessible source of the numbers.

   Phones (320-390 px): bar charts are horizontal, their category labels are wrapped into
   lines that fit a share of the chart's width (by words, with Intl.Segmenter so Khmer breaks
   between words too), the chart is as tall as its bars need, no tick is skipped, and the
   legend is an HTML list below the chart (it wraps; a canvas legend would cut long labels).
   Labels are rewrapped when the width changes. */
(function () {
  "use strict";
  var COLORS = ["#00567a", "#c45500", "#2e7d32", "#8e24aa", "#b71c1c", "#455a64", "#6d4c41"];
  // Browsers' Intl data may lack a numbering system (Chromium has no Khmer digits): the digits
  // the server chose (the -u-nu- part of data-locale) are put in after formatting.
  var DIGITS = { khmr: "០១២៣៤៥៦៧៨៩", beng: "০১২৩৪৫৬৭৮৯", arab: "٠١٢٣٤٥٦٧٨٩" };

  function withDigits(text, locale) {
    var system = /-u-nu-([a-z]+)/.exec(locale || "");
    var digits = system && DIGITS[system[1]];
    return digits ? String(text).replace(/[0-9]/g, function (d) { return digits[Number(d)]; }) : text;
  }

  function number(text) { return text === "" || text == null ? null : Number(text); }

  function words(text, lang) {
    if (typeof Intl !== "undefined" && Intl.Segmenter) {
      try {
        var parts = [];
        var segments = new Intl.Segmenter(lang || undefined, { granularity: "word" }).segment(text);
        for (var it = segments[Symbol.iterator](), s = it.next(); !s.done; s = it.next()) {
          parts.push(s.value.segment);
        }
        return parts;
      } catch (e) { /* fall through */ }
    }
    return text.split(/(\s+)/);
  }

  /* Break `text` into lines no wider than `max` px in the canvas font; a word longer than a
     line is broken between characters. */
  function wrap(ctx, text, max, lang) {
    var lines = [];
    var line = "";
    words(text, lang).forEach(function (part) {
      var candidate = line + part;
      if (ctx.measureText(candidate.trim()).width <= max || line.trim() === "") {
        line = candidate;
      } else {
        lines.push(line.trim());
        line = part.trim() ? part : "";
      }
      while (ctx.measureText(line.trim()).width > max && line.trim().length > 1) {
        var cut = line.length - 1;
        while (cut > 1 && ctx.measureText(line.slice(0, cut)).width > max) cut -= 1;
        lines.push(line.slice(0, cut).trim());
        line = line.slice(cut);
      }
    });
    if (line.trim()) lines.push(line.trim());
    return lines.length ? lines : [text];
  }

  function fontFamily() {
    return window.getComputedStyle(document.body).fontFamily || undefined;
  }

  function legend(wrapper, items) {
    var list = document.createElement("ul");
    list.className = "ims-chart-legend";
    items.forEach(function (item) {
      var li = document.createElement("li");
      var swatch = document.createElement("span");
      swatch.className = "ims-chart-swatch";
      swatch.style.backgroundColor = item.color;
      li.appendChild(swatch);
      li.appendChild(document.createTextNode(item.label));
      list.appendChild(li);
    });
    wrapper.appendChild(list);
  }

  function draw(table) {
    if (typeof Chart === "undefined") return;
    var kind = table.dataset.chart;
    var rtl = document.documentElement.dir === "rtl";
    var lang = document.documentElement.lang || undefined;
    // The server's choice of digits and separators (portal/formatting.py), e.g. "km-u-nu-khmr".
    var numberLocale = table.dataset.locale || lang;
    var percentFormat;
    try {
      percentFormat = new Intl.NumberFormat(numberLocale, { style: "percent", maximumFractionDigits: 1 });
    } catch (e) {
      percentFormat = { format: function (share) { return Math.round(share * 1000) / 10 + "%"; } };
    }
    var fontSize = 13;
    var lineHeight = 1.25;
    Chart.defaults.font.family = fontFamily();
    Chart.defaults.font.size = fontSize;
    Chart.defaults.color = "#333";  // 12-13 px labels (Khmer, Arabic) need strong contrast

    var figure = document.createElement("div");
    figure.className = "ims-chart";
    figure.setAttribute("aria-hidden", "true");
    var box = document.createElement("div");
    box.className = "ims-chart-box";
    var canvas = document.createElement("canvas");
    var caption = table.querySelector("caption");
    canvas.setAttribute("aria-label", caption ? caption.textContent.trim() : "");
    box.appendChild(canvas);
    figure.appendChild(box);
    var anchor = table.closest(".table-scroll") || table;
    anchor.parentNode.insertBefore(figure, anchor);

    var rows = Array.prototype.slice.call(table.tBodies[0].rows).filter(function (r) {
      return r.dataset.label !== undefined;
    });
    var measure = document.createElement("canvas").getContext("2d");
    measure.font = fontSize + "px " + fontFamily();
    var config;
    var names;
    if (kind === "line") {
      var labels = Array.prototype.slice.call(table.tHead.rows[0].cells, 1).map(function (c) {
        return c.textContent.trim();
      });
      config = { type: "line", data: { labels: labels, datasets: rows.map(function (r, i) {
        var color = COLORS[i % COLORS.length];
        return { label: r.dataset.label, spanGaps: false, borderColor: color,
          backgroundColor: color,
          data: Array.prototype.slice.call(r.cells, 1).map(function (c) { return number(c.dataset.value); }) };
      }) } };
      legend(figure, rows.map(function (r, i) {
        return { label: r.dataset.label, color: COLORS[i % COLORS.length] };
      }));
    } else {
      names = rows.map(function (r) { return r.dataset.label; });
      config = { type: "bar", data: { labels: names.slice(),
        datasets: [{ label: table.dataset.seriesLabel || "%", backgroundColor: COLORS[0],
          data: rows.map(function (r) { return number(r.dataset.value); }) }] },
        options: { indexAxis: "y" } };
      legend(figure, [{ label: table.dataset.seriesLabel || "%", color: COLORS[0] }]);
    }
    // Right-to-left pages (Arabic) mirror the chart: values grow from the right, the category
    // labels stand on the right, and tooltips read right to left.
    var percent = { callback: function (value) {
      return withDigits(percentFormat.format(value / 100), numberLocale);
    } };
    var scales = kind === "line"
      ? { x: { reverse: rtl, ticks: { autoSkip: false, maxRotation: 90 } },
          y: { min: 0, max: 100, position: rtl ? "right" : "left", ticks: percent } }
      : { x: { min: 0, max: 100, reverse: rtl, ticks: percent },
          y: { position: rtl ? "right" : "left", ticks: { autoSkip: false } } };
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, scales: scales,
      locale: numberLocale, animation: false,
      plugins: { legend: { display: false }, tooltip: { rtl: rtl, callbacks: {
        label: function (item) {
          var value = kind === "line" ? item.parsed.y : item.parsed.x;
          return item.dataset.label + ": " + percent.callback(value);
        } } } } },
      config.options || {});

    function layout() {
      var width = box.clientWidth || figure.clientWidth || 320;
      if (kind === "line") {
        box.style.height = Math.max(220, Math.min(360, width * 0.6)) + "px";
        return;
      }
      // Labels take at most ~45% of a phone-wide chart, 16rem on wider screens.
      var max = Math.max(80, Math.min(width * 0.45, 256) - 12);
      var wrapped = names.map(function (name) { return wrap(measure, name, max, lang); });
      // Every category gets the same band: tall enough for the longest wrapped label.
      var most = wrapped.reduce(function (n, l) { return Math.max(n, l.length); }, 1);
      var band = Math.max(28, Math.ceil(most * fontSize * lineHeight) + 10);
      box.style.height = Math.max(160, wrapped.length * band + 56) + "px";
      config.data.labels = wrapped.map(function (l) { return l.length === 1 ? l[0] : l; });
    }
    layout();
    var chart = new Chart(canvas, config);
    canvas.imsChart = chart;
    var lastWidth = box.clientWidth;
    window.addEventListener("resize", function () {
      if (box.clientWidth === lastWidth) return;
      lastWidth = box.clientWidth;
      layout();
      chart.data.labels = config.data.labels;
      chart.resize();
      chart.update();
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table[data-chart]").forEach(draw);
  });
})();
