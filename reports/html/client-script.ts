// The run page's drawing: maps the embedded data (every figure computed on
// the Node side) to Chart.js charts, inside the frame chart-script.ts gives
// every report page.
import { chartScript } from './chart-script.js';
export const CLIENT_SCRIPT = chartScript(String.raw`
  var STATE_COLORS = { engaged: '#1f77b4', available: '#2ca02c', idle: '#bbbbbb', rona: '#d62728' };
  var UNIT_LABEL = { s: 'seconds', ms: 'milliseconds', us: 'microseconds', ns: 'nanoseconds' };

  function pct(v) { return (v * 100).toFixed(1) + '%'; }
  function clock(seconds) {
    var m = Math.floor(seconds / 60);
    var mm = String(m % 60);
    return Math.floor(m / 60) + ':' + (mm.length < 2 ? '0' + mm : mm);
  }
  function number(v) { return Number(v.toPrecision(4)).toLocaleString('en-US'); }

  data.percentiles.forEach(function (p, i) {
    if (p.count === 0) return;
    var tickLabels = {};
    p.ticks.forEach(function (t) { tickLabels[t.x] = t.label; });
    draw('pct-' + p.name, {
      type: 'line',
      data: { datasets: [{
        label: p.name,
        data: p.points.map(function (xy) { return { x: xy[0], y: xy[1] }; }),
        borderColor: COLORS[i % COLORS.length], backgroundColor: COLORS[i % COLORS.length],
        borderWidth: 2, pointRadius: 0
      }] },
      options: {
        parsing: { xAxisKey: 'x', yAxisKey: 'y' },
        scales: {
          x: {
            type: 'logarithmic', min: 1, max: p.ticks[p.ticks.length - 1].x,
            title: { display: true, text: 'percentile' },
            afterBuildTicks: function (axis) { axis.ticks = p.ticks.map(function (t) { return { value: t.x }; }); },
            ticks: { callback: function (v) { return tickLabels[v] || ''; } }
          },
          y: { beginAtZero: true, title: { display: true, text: UNIT_LABEL[p.unit] } }
        },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: function (c) {
            var pt = p.points[c.dataIndex];
            return (Math.round((1 - 1 / pt[0]) * 1e6) / 1e4) + '%: ' + number(pt[1]) + ' ' + p.unit;
          } } }
        }
      }
    });
  });

  if (data.intervals) {
    var iv = data.intervals;
    var warm = function (ctx) { return iv.warmup[ctx.p0DataIndex] ? [4, 4] : undefined; };
    draw('interval-figures', {
      type: 'line',
      data: { labels: iv.labels, datasets: [
        { label: 'service level (' + iv.thresholdSeconds + 's)', data: iv.serviceLevel, borderColor: COLORS[2], backgroundColor: COLORS[2], segment: { borderDash: warm } },
        { label: 'abandon rate', data: iv.abandonRate, borderColor: COLORS[1], backgroundColor: COLORS[1], segment: { borderDash: warm } },
        { label: 'occupancy', data: iv.occupancy, borderColor: COLORS[0], backgroundColor: COLORS[0], segment: { borderDash: warm } }
      ] },
      options: {
        scales: {
          x: { title: { display: true, text: 'interval start (simulated h:mm); dashed: warm-up' } },
          y: { min: 0, max: 1, ticks: { callback: function (v) { return pct(v); } } }
        },
        plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + pct(c.parsed.y); } } } }
      }
    });
  }

  if (data.timeSeries) {
    var ts = data.timeSeries;
    var xAxis = {
      type: 'linear',
      title: { display: true, text: 'simulated time (h:mm)' },
      ticks: { stepSize: ts.tickStepSeconds, callback: function (v) { return clock(v); } }
    };
    var xy = function (ys) { return ys.map(function (y, k) { return { x: ts.seconds[k], y: y }; }); };
    draw('queue-length', {
      type: 'line',
      data: { datasets: [{ label: 'queue length', data: xy(ts.queueLength), borderColor: COLORS[3], backgroundColor: COLORS[3], pointRadius: 0, borderWidth: 1.5 }] },
      options: { scales: { x: xAxis, y: { beginAtZero: true, title: { display: true, text: 'conversations waiting' } } } }
    });
    draw('occupancy-over-time', {
      type: 'line',
      data: { datasets: [{ label: 'occupancy', data: xy(ts.occupancy), borderColor: COLORS[0], backgroundColor: COLORS[0], pointRadius: 0, borderWidth: 1.5, spanGaps: false }] },
      options: { scales: { x: xAxis, y: { min: 0, max: 1, ticks: { callback: function (v) { return pct(v); } } } } }
    });
    draw('agent-states', {
      type: 'line',
      data: { datasets: ['engaged', 'available', 'idle', 'rona'].map(function (state, i) {
        // Stacked areas: the first fills to the axis, each other to the one below, so no area paints over another.
        return { label: state, data: xy(ts.agents[state]), borderColor: STATE_COLORS[state], backgroundColor: STATE_COLORS[state] + 'cc', fill: i === 0 ? 'origin' : '-1', pointRadius: 0, borderWidth: 1 };
      }) },
      options: { scales: { x: xAxis, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'agents' } } }, interaction: { mode: 'index', intersect: false } }
    });
  }

  draw('end-states', {
    type: 'bar',
    data: { labels: data.endStates.states, datasets: [{ label: 'conversations', data: data.endStates.counts, backgroundColor: [COLORS[2], COLORS[1], COLORS[3], COLORS[4], '#999999'] }] },
    options: { indexAxis: 'y', scales: { x: { beginAtZero: true } }, plugins: { legend: { display: false } } }
  });
`);
