// The frame of a report page's script (run and load pages): it reads the
// embedded data, keeps each chart in `window.cctwinCharts` by its canvas id,
// and sets `document.body.dataset.charts` to "drawn" (or to the error) when
// done, so a test or a person can see what was drawn. The page brings the
// drawing itself, with `data`, `draw(id, config)` and COLORS in scope.
// Plain ES2017 in a string: it runs in the browser, not in Node.
export function chartScript(drawing: string): string {
  return String.raw`
(function () {
  'use strict';
  try {
    drawAll();
    document.body.dataset.charts = 'drawn';
  } catch (err) {
    document.body.dataset.charts = 'error: ' + (err && err.message);
    throw err;
  }

  function drawAll() {
  var data = JSON.parse(document.getElementById('cctwin-data').textContent);
  var charts = {};
  window.cctwinCharts = charts;
  var COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b'];

  Chart.defaults.animation = false;
  Chart.defaults.responsive = true;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = 'system-ui, sans-serif';

  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    charts[id] = new Chart(canvas, config);
  }
` + drawing + String.raw`
  }
})();
`;
}
