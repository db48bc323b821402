// The load page's drawing: maps the embedded data (every figure computed on
// the Node side) to Chart.js charts, inside the frame chart-script.ts gives
// every report page.
import { chartScript } from '../../reports/html/chart-script.js';
export const LOAD_CLIENT_SCRIPT = chartScript(String.raw`
  var BASE_COLORS = { fromScheduled: '#d62728', fromSent: '#1f77b4' };

  function number(v) { return Number(v.toPrecision(4)).toLocaleString('en-US'); }

  data.percentiles.forEach(function (chart) {
    var drawn = chart.series.filter(function (s) { return s.count > 0; });
    if (drawn.length === 0) return;
    var tickLabels = {};
    chart.ticks.forEach(function (t) { tickLabels[t.x] = t.label; });
    draw('pct-' + chart.measure, {
      type: 'line',
      data: { datasets: drawn.map(function (s) {
        return {
          label: s.label,
          data: s.points.map(function (xy) { return { x: xy[0], y: xy[1] }; }),
          borderColor: BASE_COLORS[s.base], backgroundColor: BASE_COLORS[s.base],
          borderWidth: 2, pointRadius: 0
        };
      }) },
      options: {
        parsing: { xAxisKey: 'x', yAxisKey: 'y' },
        scales: {
          x: {
            type: 'logarithmic', min: 1, max: chart.ticks[chart.ticks.length - 1].x,
            title: { display: true, text: 'percentile' },
            afterBuildTicks: function (axis) { axis.ticks = chart.ticks.map(function (t) { return { value: t.x }; }); },
            ticks: { callback: function (v) { return tickLabels[v] || ''; } }
          },
          y: { beginAtZero: true, title: { display: true, text: 'milliseconds' } }
        },
        plugins: {
          tooltip: { callbacks: { label: function (c) {
            var pt = c.raw;
            return c.dataset.label + ', ' + (Math.round((1 - 1 / pt.x) * 1e6) / 1e4) + '%: ' + number(pt.y) + ' ms';
          } } }
        }
      }
    });
  });

  if (data.timeline) {
    var tl = data.timeline;
    var xAxis = { type: 'linear', title: { display: true, text: 'wall seconds from the first arrival' } };
    var xy = function (ys) { return ys.map(function (y, k) { return { x: tl.seconds[k], y: y }; }); };
    Object.keys(tl.latency).forEach(function (measure) {
      var m = tl.latency[measure];
      var line = function (label, ys, color, dash) {
        return { label: label, data: xy(ys), borderColor: color, backgroundColor: color, borderDash: dash, pointRadius: 0, borderWidth: 1.5, spanGaps: false };
      };
      draw('over-time-' + measure, {
        type: 'line',
        data: { datasets: [
          line('p99 from the scheduled moment', m.fromScheduled.p99, BASE_COLORS.fromScheduled, undefined),
          line('p99 from the send', m.fromSent.p99, BASE_COLORS.fromSent, undefined),
          line('p50 from the scheduled moment', m.fromScheduled.p50, BASE_COLORS.fromScheduled, [4, 4]),
          line('p50 from the send', m.fromSent.p50, BASE_COLORS.fromSent, [4, 4])
        ] },
        options: { scales: { x: xAxis, y: { beginAtZero: true, title: { display: true, text: 'milliseconds' } } }, interaction: { mode: 'index', intersect: false } }
      });
    });
    draw('traffic-rates', {
      type: 'line',
      data: { datasets: [
        { label: 'chat messages/s', data: xy(tl.messagesPerSecond), borderColor: COLORS[2], backgroundColor: COLORS[2], pointRadius: 0, borderWidth: 1.5 },
        { label: 'frames/s', data: xy(tl.framesPerSecond), borderColor: COLORS[3], backgroundColor: COLORS[3], pointRadius: 0, borderWidth: 1.5 }
      ] },
      options: { scales: { x: xAxis, y: { beginAtZero: true, title: { display: true, text: 'per second' } } }, interaction: { mode: 'index', intersect: false } }
    });
    draw('connections', {
      type: 'line',
      data: { datasets: [{ label: 'open connections', data: xy(tl.connections), borderColor: COLORS[4], backgroundColor: COLORS[4], pointRadius: 0, borderWidth: 1.5 }] },
      options: { scales: { x: xAxis, y: { beginAtZero: true, title: { display: true, text: 'agents + customers' } } } }
    });
  }

  if (data.refusals.labels.length > 0) {
    draw('refusals', {
      type: 'bar',
      data: { labels: data.refusals.labels, datasets: [{ label: 'refused frames', data: data.refusals.counts, borderColor: COLORS[1], backgroundColor: COLORS[1] }] },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true } }, plugins: { legend: { display: false } } }
    });
  }

  draw('end-states', {
    type: 'bar',
    data: { labels: data.endStates.states, datasets: [{ label: 'conversations', data: data.endStates.counts, backgroundColor: [COLORS[2], COLORS[1], COLORS[3], COLORS[4], '#999999'] }] },
    options: { indexAxis: 'y', scales: { x: { beginAtZero: true } }, plugins: { legend: { display: false } } }
  });
`);
