// report.html: one self-contained page (Chart.js, data, script and style all
// inline; a Content-Security-Policy forbids every fetch), so it opens offline
// and can be mailed or kept as a CI artifact. Tables are plain HTML; charts
// are drawn in the browser from data computed here.
import type { LatencyHistogram } from '../histogram.js';
import { formatDuration } from '../format-duration.js';
import { HISTOGRAM_NAMES, type HistogramName, type Report } from '../report.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { escapeHtml } from './escape.js';
import { renderPage } from './page-shell.js';
import { budgetsTable, conversationsTable, histogramsTable, keyFiguresTable } from './html-tables.js';
import { pageData, type PageData } from './page-data.js';

export interface HtmlOptions {
  /** Shown under the title, e.g. the command line or the time of the run. */
  subtitle?: string;
}

export const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

export const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; padding: 1rem 2rem 3rem; max-width: 1280px; color: #222; }
h1 { font-size: 1.5rem; margin: 0.5rem 0 0; }
h2 { font-size: 1.15rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
h3 { font-size: 0.95rem; margin: 0 0 0.25rem; font-weight: 600; }
.sub { color: #666; margin: 0.2rem 0 1rem; }
table { border-collapse: collapse; margin: 0.25rem 0; }
th, td { padding: 0.2rem 0.8rem 0.2rem 0; text-align: right; border-bottom: 1px solid #eee; }
th:first-child, td:first-child, td:last-child, th:last-child { text-align: left; }
th { font-weight: 600; color: #555; }
.ci { color: #666; font-size: 0.9em; }
tr.fail td:last-child, .bad { color: #b00020; font-weight: 600; }
tr.pass td:last-child, .ok { color: #17752b; }
tr.end-state td:first-child { font-weight: 600; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 1.25rem; }
.wide { margin: 0.5rem 0 1rem; }
.chart { position: relative; height: 260px; }
.wide .chart { height: 300px; }
.note, .none { color: #666; font-size: 0.9em; margin: 0.25rem 0; }
figure { margin: 0; }
`;

/** The whole page. `histograms` are the run's merged histograms, the ones `report.histograms` summarizes. */
export function renderHtml(report: Report, histograms: Readonly<Record<HistogramName, LatencyHistogram>>, options: HtmlOptions = {}): string {
  const data = pageData(report, histograms);
  const replications = `${report.replications} replication${report.replications === 1 ? '' : 's'}`;
  const title = `cctwin report: ${report.scenario}`;
  return renderPage({
    title, csp: CSP, style: STYLE, data, script: CLIENT_SCRIPT,
    sub: `seed ${report.seed} · ${replications} · ${escapeHtml(formatDuration(report.simulated.seconds, 's'))} simulated${options.subtitle ? ` · ${escapeHtml(options.subtitle)}` : ''}`,
    body: `<h2>Key figures</h2>
${keyFiguresTable(report)}
<h2>Budgets</h2>
${budgetsTable(report.budgets)}
${intervalSection(data)}
${timeSeriesSection(data)}
<h2>Latency: HDR percentile distributions</h2>
<p class="note">Value at each percentile; the percentile axis is stretched as 1/(1−p), so 90%, 99%, 99.9% … are equally spaced and the tail shows.</p>
<div class="grid">
${HISTOGRAM_NAMES.map((name, i) => percentileFigure(data.percentiles[i]!, name)).join('\n')}
</div>
${histogramsTable(report)}
<h2>Conversations by end state</h2>
<figure class="wide"><div class="chart" style="height:200px"><canvas id="end-states" role="img" aria-label="conversations by end state"></canvas></div></figure>
${conversationsTable(report)}`,
  });
}

function percentileFigure(p: PageData['percentiles'][number], name: HistogramName): string {
  const summary = p.count === 0
    ? '<p class="none">No values recorded.</p>'
    : `<div class="chart"><canvas id="pct-${escapeHtml(name)}" role="img" aria-label="${escapeHtml(name)} percentile distribution"></canvas></div>`;
  return `<figure><h3>${escapeHtml(name)} <span class="ci">(${p.count.toLocaleString('en-US')} values)</span></h3>${summary}</figure>`;
}

function intervalSection(data: PageData): string {
  const body = data.intervals
    ? '<figure class="wide"><div class="chart"><canvas id="interval-figures" role="img" aria-label="service level, abandon rate and occupancy per interval"></canvas></div></figure>'
    : '<p class="none" id="intervals-none">This report has no per-interval figures.</p>';
  return `<h2>Per interval: service level, abandon rate, occupancy</h2>\n${body}`;
}

function timeSeriesSection(data: PageData): string {
  if (!data.timeSeries) return '<h2>Over time</h2>\n<p class="none" id="time-series-none">This report has no time series.</p>';
  const averaged = data.timeSeries.pointsPerDrawn > 1 ? `<p class="note">Each point averages ${data.timeSeries.pointsPerDrawn} samples.</p>` : '';
  const chart = (id: string, title: string) => `<figure><h3>${title}</h3><div class="chart"><canvas id="${id}" role="img" aria-label="${title}"></canvas></div></figure>`;
  return `<h2>Over time</h2>
${averaged}<div class="grid">
${chart('queue-length', 'Queue length')}
${chart('occupancy-over-time', 'Occupancy')}
</div>
<figure class="wide"><h3>Agents per state (stacked)</h3><div class="chart"><canvas id="agent-states" role="img" aria-label="agents per state"></canvas></div></figure>`;
}
