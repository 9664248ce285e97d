// Taizhang pages: small progressive enhancements. No inline scripts anywhere (the CSP forbids them).
(function () {
  "use strict";
  var csrf = function () {
    var m = document.querySelector('meta[name="csrf-token"]');
    return m ? m.getAttribute("content") : "";
  };

  // htmx: send the CSRF token with every request, and swap error fragments (4xx/5xx) too,
  // so the Chinese message of the one error handler shows where the answer was expected.
  document.addEventListener("htmx:configRequest", function (e) {
    e.detail.headers["X-CSRF-Token"] = csrf();
  });
  document.addEventListener("htmx:beforeSwap", function (e) {
    var xhr = e.detail.xhr;
    if (xhr && xhr.status >= 400 && !xhr.getResponseHeader("HX-Redirect")) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });

  // Forms marked data-autosubmit submit when a select changes (without htmx too).
  document.addEventListener("change", function (e) {
    var form = e.target.closest && e.target.closest("form[data-autosubmit]");
    if (form && e.target.tagName === "SELECT") {
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    }
  });

  // Destructive forms ask first (htmx forms use hx-confirm instead).
  document.addEventListener("submit", function (e) {
    var form = e.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !form.hasAttribute("hx-post") && !window.confirm(question)) {
      e.preventDefault();
    }
  });

  // 生成总结: clicking a figure shows the records behind it in #figure-records.
  document.addEventListener("click", function (e) {
    var fig = e.target.closest && e.target.closest("#report-preview .figure");
    if (!fig) { return; }
    var preview = document.getElementById("report-preview");
    var panel = document.getElementById("figure-records");
    var url = preview.getAttribute("data-figure-url") + "&figure=" + encodeURIComponent(fig.getAttribute("data-figure-id"));
    document.querySelectorAll("#report-preview .figure.selected").forEach(function (el) { el.classList.remove("selected"); });
    fig.classList.add("selected");
    panel.setAttribute("aria-busy", "true");
    fetch(url, { headers: { "HX-Request": "true" }, credentials: "same-origin" })
      .then(function (r) { return r.text(); })
      .then(function (html) { panel.innerHTML = html; panel.removeAttribute("aria-busy"); });
  });

  // 材料体检: filter findings by family and severity.
  function applyCheckFilters() {
    var fam = document.getElementById("filter-family");
    var sev = document.getElementById("filter-severity");
    if (!fam || !sev) { return; }
    var match = function (el) {
      return (!fam.value || el.getAttribute("data-family") === fam.value) &&
             (!sev.value || el.getAttribute("data-severity") === sev.value);
    };
    document.querySelectorAll("#findings li[data-family]").forEach(function (li) { li.hidden = !match(li); });
    document.querySelectorAll("#doc-text mark.finding").forEach(function (m) { m.classList.toggle("off", !match(m)); });
  }
  document.addEventListener("change", function (e) {
    if (e.target.id === "filter-family" || e.target.id === "filter-severity") { applyCheckFilters(); }
  });

  // 工作台: the month trend with ECharts (when the vendor file is installed).
  function drawTrend() {
    var box = document.getElementById("trend-chart");
    var data = document.getElementById("trend-data");
    if (!box || !data || !window.echarts) { return; }
    var d = JSON.parse(data.textContent);
    var chart = window.echarts.init(box);
    chart.setOption({
      tooltip: { trigger: "axis" },
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      xAxis: { type: "category", data: d.months },
      yAxis: { type: "value", name: "记录数" },
      series: [{ type: "bar", name: "台账记录", data: d.records, itemStyle: { color: "#b22222" } }]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawTrend);
  } else {
    drawTrend();
  }
})();
