// GET /: the live dashboard, one page with Chart.js inlined (as report.html
// has it) so nothing is fetched but the page's own event stream, which the
// Content-Security-Policy allows and nothing else.
import { escapeHtml } from '../../reports/html/escape.js';
import { renderPage } from '../../reports/html/page-shell.js';
import { DASHBOARD_SCRIPT } from './dashboard-script.js';

export const DASHBOARD_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'";

/** The counters shown as numbers: element id, label. The script fills each from the snapshot. */
export const COUNTERS: readonly (readonly [string, string])[] = [
  ['offered', 'offered'], ['answered', 'answered'], ['abandoned', 'abandoned'], ['completed', 'completed'],
  ['in-progress', 'in progress'], ['queue-depth', 'waiting now'], ['agents-connected', 'agents connected'],
  ['slots', 'slots held / total'], ['transferred', 'transfers'], ['rona', 'RONA'], ['loop-delay', 'event-loop delay p99'],
];

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; padding: 1rem 2rem 3rem; max-width: 1280px; color: #222; }
h1 { font-size: 1.5rem; margin: 0.5rem 0 0; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
h3 { font-size: 0.95rem; margin: 0 0 0.25rem; font-weight: 600; }
.sub { color: #666; margin: 0.2rem 0 1rem; }
#status.live { color: #17752b; } #status.down { color: #b00020; font-weight: 600; }
.counters { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 0.5rem 1rem; margin: 0; }
.counters div { border: 1px solid #eee; border-radius: 4px; padding: 0.4rem 0.6rem; }
.counters dt { color: #666; font-size: 0.85em; } .counters dd { margin: 0; font-size: 1.35rem; font-variant-numeric: tabular-nums; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 1.25rem; }
.chart { position: relative; height: 260px; }
figure { margin: 0; }
table { border-collapse: collapse; margin: 0.25rem 0; font-variant-numeric: tabular-nums; }
th, td { padding: 0.2rem 0.8rem 0.2rem 0; text-align: right; border-bottom: 1px solid #eee; }
th:first-child, td:first-child { text-align: left; }
th { font-weight: 600; color: #555; }
.note { color: #666; font-size: 0.9em; }
`;

export interface DashboardPageOptions {
  scenario: string;
}

export function renderDashboardPage(options: DashboardPageOptions): string {
  const title = `cctwin live: ${options.scenario}`;
  const counters = COUNTERS.map(([id, label]) => `<div><dt>${escapeHtml(label)}</dt><dd id="c-${id}">–</dd></div>`).join('\n');
  const chart = (id: string, heading: string) => `<figure><h3>${heading}</h3><div class="chart"><canvas id="${id}" role="img" aria-label="${heading}"></canvas></div></figure>`;
  return renderPage({
    title, csp: DASHBOARD_CSP, style: STYLE, script: DASHBOARD_SCRIPT,
    sub: '<span id="status">connecting…</span> · <span id="updated"></span> · <a href="/api/state">state</a> · <a href="/metrics">metrics</a>',
    body: `<h2>Now</h2>
<dl class="counters">
${counters}
</dl>
<h2>Over time <span class="note">(since this page opened, one point a second)</span></h2>
<div class="grid">
${chart('queue-length', 'Queue length')}
${chart('agent-states', 'Agents per state (stacked)')}
${chart('conversations', 'Conversations answered, abandoned, completed')}
</div>
<h2>Engine time per command <span class="note">(since start)</span></h2>
<table id="engine-latency"><thead><tr><th>command</th><th>count</th><th>p50 µs</th><th>p90 µs</th><th>p99 µs</th><th>max µs</th></tr></thead><tbody></tbody></table>`,
  });
}
