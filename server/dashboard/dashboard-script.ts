// The dashboard page's own script: opens the event stream, keeps the last
// ten minutes of snapshots in the charts and writes the counters. Charts are
// kept in `window.cctwinCharts` by canvas id (as report.html does), and
// `document.body.dataset` says how many snapshots arrived (`snapshots`) and
// whether the stream is up (`stream`: open, down), so a test or a person can
// see what was drawn. Plain ES2017 in a string: it runs in the browser.
export const DASHBOARD_SCRIPT = String.raw`
(function () {
  'use strict';
  var MAX_POINTS = 600;
  var COLORS = { queue: '#ff7f0e', answered: '#2ca02c', abandoned: '#d62728', completed: '#1f77b4' };
  var STATE_COLORS = { engaged: '#1f77b4', available: '#2ca02c', idle: '#bbbbbb', rona: '#d62728' };
  var QUEUE_COLORS = ['#9467bd', '#8c564b', '#17becf', '#bcbd22', '#e377c2', '#7f7f7f'];
  var TO_US = { s: 1e6, ms: 1e3, us: 1, ns: 1e-3 };
  var charts = {};
  var snapshots = 0;
  window.cctwinCharts = charts;
  document.body.dataset.snapshots = '0';

  Chart.defaults.animation = false;
  Chart.defaults.responsive = true;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = 'system-ui, sans-serif';

  function two(n) { return (n < 10 ? '0' : '') + n; }
  function clock(ms) { var d = new Date(ms); return two(d.getHours()) + ':' + two(d.getMinutes()) + ':' + two(d.getSeconds()); }
  function number(v) { return Number(v).toLocaleString('en-US'); }
  function micro(v, unit) { var us = v * (TO_US[unit] || 1); return us < 100 ? us.toFixed(1) : number(Math.round(us)); }
  // x is in seconds, so precision 0 keeps ticks on whole seconds (no repeated labels on a short history).
  function timeAxis() { return { type: 'linear', ticks: { maxTicksLimit: 7, precision: 0, callback: function (v) { return clock(v * 1000); } } }; }
  function series(label, color, extra) {
    var d = { label: label, data: [], borderColor: color, backgroundColor: color, pointRadius: 0, borderWidth: 1.5 };
    for (var k in extra || {}) d[k] = extra[k];
    return d;
  }
  function lineChart(id, datasets, yTitle, stacked) {
    charts[id] = new Chart(document.getElementById(id), {
      type: 'line',
      data: { datasets: datasets },
      options: {
        parsing: false,
        scales: { x: timeAxis(), y: { beginAtZero: true, stacked: !!stacked, title: { display: true, text: yTitle }, ticks: { precision: 0 } } },
        interaction: { mode: 'index', intersect: false },
        plugins: { tooltip: { callbacks: { title: function (items) { return items.length ? clock(items[0].parsed.x * 1000) : ''; } } } }
      }
    });
  }

  function build(s) {
    var queues = [series('all queues', COLORS.queue, { borderWidth: 2 })];
    if (s.queues.length > 1) s.queues.forEach(function (q, i) { queues.push(series(q.name, QUEUE_COLORS[i % QUEUE_COLORS.length])); });
    lineChart('queue-length', queues, 'conversations waiting');
    // Each area fills down to the one below it, not to the axis, or the top one would cover the others.
    lineChart('agent-states', ['engaged', 'available', 'idle', 'rona'].map(function (state, i) {
      return series(state, STATE_COLORS[state], { backgroundColor: STATE_COLORS[state] + 'cc', fill: i === 0 ? 'origin' : '-1', borderWidth: 1 });
    }), 'agents', true);
    lineChart('conversations', ['answered', 'abandoned', 'completed'].map(function (k) { return series(k, COLORS[k]); }), 'conversations so far');
  }

  function push(chart, values, x) {
    chart.data.datasets.forEach(function (d, i) {
      d.data.push({ x: x, y: values[i] });
      if (d.data.length > MAX_POINTS) d.data.shift();
    });
    chart.update('none');
  }

  function text(id, value) { document.getElementById('c-' + id).textContent = value; }

  function show(s) {
    if (snapshots === 0) build(s);
    var x = s.atMs / 1000;
    var queueValues = [s.queueDepthTotal];
    if (s.queues.length > 1) s.queues.forEach(function (q) { queueValues.push(q.waiting); });
    push(charts['queue-length'], queueValues, x);
    push(charts['agent-states'], [s.agents.engaged, s.agents.available, s.agents.idle, s.agents.rona], x);
    push(charts.conversations, [s.counts.answered, s.counts.abandoned, s.counts.completed], x);

    text('offered', number(s.counts.offered));
    text('answered', number(s.counts.answered));
    text('abandoned', number(s.counts.abandoned));
    text('completed', number(s.counts.completed));
    text('in-progress', number(s.counts.inProgress));
    text('queue-depth', number(s.queueDepthTotal));
    text('agents-connected', number(s.agentsConnected));
    text('slots', number(s.slotsHeld) + ' / ' + number(s.slotsTotal));
    text('transferred', number(s.counts.transferred));
    text('rona', number(s.counts.rona));
    var engineLoop = s.eventLoopDelayMs.engine ? ' · engine ' + s.eventLoopDelayMs.engine.p99.toFixed(1) + ' ms' : '';
    text('loop-delay', (engineLoop ? 'socket ' : '') + s.eventLoopDelayMs.socket.p99.toFixed(1) + ' ms' + engineLoop);

    var body = document.querySelector('#engine-latency tbody');
    body.textContent = '';
    Object.keys(s.engineLatency).sort().forEach(function (command) {
      var h = s.engineLatency[command];
      var row = document.createElement('tr');
      [command, number(h.count), micro(h.p50, h.unit), micro(h.p90, h.unit), micro(h.p99, h.unit), micro(h.max, h.unit)].forEach(function (v) {
        var cell = document.createElement('td');
        cell.textContent = v;
        row.appendChild(cell);
      });
      body.appendChild(row);
    });

    snapshots++;
    document.body.dataset.snapshots = String(snapshots);
    document.getElementById('updated').textContent = 'updated ' + clock(s.atMs) + ' · up ' + number(s.uptimeSeconds) + ' s';
  }

  function status(state, label) {
    var el = document.getElementById('status');
    el.textContent = label;
    el.className = state === 'open' ? 'live' : 'down';
    document.body.dataset.stream = state;
  }

  var source = new EventSource('/api/stream');
  source.onopen = function () { status('open', 'live'); };
  source.onerror = function () { status('down', source.readyState === EventSource.CLOSED ? 'disconnected' : 'reconnecting…'); };
  source.addEventListener('snapshot', function (e) {
    try {
      show(JSON.parse(e.data));
    } catch (err) {
      document.body.dataset.error = String(err && err.message);
      throw err;
    }
  });
})();
`;
