// report.html of a load run (`cctwin load --out`): one self-contained page,
// like a run's (render-html.ts: the same policy forbidding every fetch, the
// same style, Chart.js inlined), holding the verdicts (budgets and the
// masking and balance checks), the key figures, each wall-clock latency's
// HDR percentile curve from the scheduled moment and from the send, the
// latencies and traffic over the run from the streamed intervals, refusals,
// the masking check and the balance against the server.
import { formatDuration } from '../../reports/format-duration.js';
import type { BudgetResult } from '../../reports/report.js';
import { verdictOf } from '../../reports/budgets/evaluate-budgets.js';
import type { LoadReport } from '../index.js';
import { BALANCE_FIELDS } from '../balance.js';
import { LATENCY_BASES, LOAD_MEASURES } from '../load-histograms.js';
import { escapeHtml } from '../../reports/html/escape.js';
import { renderPage } from '../../reports/html/page-shell.js';
import { budgetValue, budgetsTable, percent, table } from '../../reports/html/html-tables.js';
import { LOAD_CLIENT_SCRIPT } from './load-client-script.js';
import { BASE_LABELS, MEASURE_LABELS, loadPageData, type LoadHistogramSet, type LoadPageData } from './load-page-data.js';
import { CSP, STYLE } from '../../reports/html/render-html.js';

export interface LoadHtmlOptions {
  /** Shown under the title, e.g. the command line. */
  subtitle?: string;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** The whole page. `histograms`: the run's whole latency histograms, the ones `report.latency` summarizes. */
export function renderLoadHtml(report: LoadReport, histograms: LoadHistogramSet, options: LoadHtmlOptions = {}): string {
  const data = loadPageData(report, histograms);
  const title = `cctwin load report: ${report.scenario}`;
  const sub = [
    `seed ${report.seed}`, `${decimal.format(report.speed)}x against ${report.target}`,
    `${formatDuration(report.wall.seconds, 's')} wall = ${formatDuration(report.simulated.seconds, 's')} of scenario`,
    `started ${report.startedAt}`, `stopped: ${report.stoppedBy}`,
    ...(options.subtitle ? [options.subtitle] : []),
  ].map(escapeHtml).join(' · ');
  return renderPage({
    title, csp: CSP, style: STYLE, sub, data, script: LOAD_CLIENT_SCRIPT,
    body: `<h2>Verdict</h2>
${verdictLine(report)}
<h3>Budgets</h3>
${budgetsTable(report.budgets)}
<h3>Checks</h3>
${checksTable(report.checks)}
<h2>Key figures</h2>
${keyFigures(report)}
<h2>Latency: HDR percentile distributions (wall clock)</h2>
<p class="note">Value at each percentile, from the moment each action was scheduled (corrected for coordinated omission: a late generator does not hide the wait) and from the moment it was sent. The percentile axis is stretched as 1/(1−p), so 90%, 99%, 99.9% … are equally spaced.</p>
<div class="grid">
${data.percentiles.map(percentileFigure).join('\n')}
</div>
${latencyTable(report)}
${overTimeSection(data, report)}
<h2>Traffic</h2>
${trafficSection(report, data)}
<h2>Masking check</h2>
${maskingSection(report)}
<h2>Balance against the server</h2>
${balanceSection(report)}
<h2>Conversations by end state</h2>
<figure class="wide"><div class="chart" style="height:200px"><canvas id="end-states" role="img" aria-label="conversations by end state"></canvas></div></figure>`,
  });
}

function verdictLine(r: LoadReport): string {
  const failed = [...r.budgets, ...r.checks].filter((b) => verdictOf(b) === 'FAIL');
  if (failed.length === 0) return '<p class="ok" id="verdict">Pass: no budget and no check failed.</p>';
  return `<p class="bad" id="verdict">Fail: ${failed.map((b) => `<code>${escapeHtml(b.budget)}</code>`).join(', ')}.</p>`;
}

function checksTable(checks: readonly BudgetResult[]): string {
  const rows = checks.map((c) => [`<code>${escapeHtml(c.budget)}</code>`, escapeHtml(budgetValue(c)), verdictOf(c), escapeHtml(c.skipped ?? '')]);
  return table('checks', ['check', 'value', 'verdict', 'why skipped'], rows, (i) => verdictOf(checks[i]!).toLowerCase());
}

function keyFigures(r: LoadReport): string {
  const c = r.conversations;
  const rows: [string, string, string][] = [
    ['service level', percent(r.serviceLevel.value), `answered within ${decimal.format(r.serviceLevel.thresholdSeconds)}s of scenario time, of answered + abandoned`],
    ['abandon rate', percent(r.abandonRate), 'of answered + abandoned'],
    ['occupancy', percent(r.agents.occupancy), `${integer.format(r.agents.count)} agents`],
    ['RONA events', integer.format(r.agents.ronaEvents), ''],
    ['conversations', integer.format(c.arrived), `arrived${r.warmupSeconds > 0 ? ` after the ${decimal.format(r.warmupSeconds)} s warm-up` : ''}; ${integer.format(c.answered)} answered, ${integer.format(c.abandoned)} abandoned`],
    ['speed of answer', formatDuration(r.histograms.answerTime.mean, 'ms'), 'mean, scenario time'],
    ['customer → agent p99', formatDuration(r.latency.customerToAgent.fromScheduled.p99, 'us'), `from the scheduled moment; ${formatDuration(r.latency.customerToAgent.fromSent.p99, 'us')} from the send`],
    ['chat messages', `${decimal.format(r.traffic.messagesPerSecond)}/s`, `${integer.format(r.traffic.messagesDelivered.customerToAgent + r.traffic.messagesDelivered.agentToCustomer)} delivered`],
    ['peak connections', integer.format(r.traffic.peakConnections), 'agents + customers'],
    ['wall clock', formatDuration(r.wall.seconds, 's'), `${formatDuration(r.simulated.seconds, 's')} of scenario at ${decimal.format(r.speed)}x`],
    ['generator CPU', `${decimal.format(r.generator.cpuCores)} cores`, `${decimal.format(r.generator.cpuSeconds)} CPU s${r.generator.includesServer ? ', the embedded server included' : ''}; scheduled actions up to ${decimal.format(r.generator.schedulerMaxLagMs)} ms late (${integer.format(r.generator.lateTasks)} late)`],
  ];
  return table('key-figures', ['figure', 'value', ''], rows.map(([a, b, d]) => [escapeHtml(a), escapeHtml(b), escapeHtml(d)]));
}

function percentileFigure(p: LoadPageData['percentiles'][number]): string {
  const counts = p.series.map((s) => `${integer.format(s.count)} ${s.base === 'fromScheduled' ? 'values' : 'from the send'}`);
  const body = p.series.every((s) => s.count === 0)
    ? '<p class="none">No values recorded.</p>'
    : `<div class="chart"><canvas id="pct-${p.measure}" role="img" aria-label="${escapeHtml(p.title)} percentile distribution"></canvas></div>`;
  return `<figure><h3>${escapeHtml(p.title)} <span class="ci">(${escapeHtml(counts[0]!)})</span></h3>${body}</figure>`;
}

const STATS = ['p50', 'p90', 'p99', 'p999', 'max'] as const;

function latencyTable(r: LoadReport): string {
  const rows: string[][] = [];
  for (const m of LOAD_MEASURES) {
    for (const b of LATENCY_BASES) {
      const h = r.latency[m][b];
      rows.push([escapeHtml(m), escapeHtml(BASE_LABELS[b]), integer.format(h.count), ...STATS.map((s) => (h.count === 0 ? '—' : escapeHtml(formatDuration(h[s], h.unit))))]);
    }
  }
  return table('latency', ['measure', 'counted', 'count', ...STATS], rows);
}

function overTimeSection(data: LoadPageData, r: LoadReport): string {
  if (!data.timeline) return '<h2>Over time</h2>\n<p class="none" id="timeline-none">The run closed no interval.</p>';
  const merged = data.timeline.pointsPerDrawn > 1
    ? ` Each point merges ${data.timeline.pointsPerDrawn} intervals: the highest p99 of them, the mean p50.`
    : '';
  const figure = (id: string, title: string): string => `<figure><h3>${escapeHtml(title)}</h3><div class="chart"><canvas id="${id}" role="img" aria-label="${escapeHtml(title)}"></canvas></div></figure>`;
  return `<h2>Over time</h2>
<p class="note">Per ${decimal.format(r.timeline.intervalSeconds)} s ${r.timeline.intervalsPerEntry === 1 ? 'interval (the intervals of load.hlog)' : `(${r.timeline.intervalsPerEntry} intervals of load.hlog merged: p99 the highest of them, p50 their count-weighted mean)`}: p99 solid, p50 dashed; red from the scheduled moment, blue from the send.${merged}</p>
<div class="grid">
${LOAD_MEASURES.map((m) => figure(`over-time-${m}`, MEASURE_LABELS[m])).join('\n')}
${figure('traffic-rates', 'Chat messages and frames a second')}
${figure('connections', 'Open connections')}
</div>`;
}

function trafficSection(r: LoadReport, data: LoadPageData): string {
  const t = r.traffic;
  const rows: [string, string][] = [
    ['frames sent', integer.format(t.framesSent)],
    ['frames received', integer.format(t.framesReceived)],
    ['frames a second', integer.format(t.framesPerSecond)],
    ['chat messages customer → agent', integer.format(t.messagesDelivered.customerToAgent)],
    ['chat messages agent → customer', integer.format(t.messagesDelivered.agentToCustomer)],
    ['chat messages a second', decimal.format(t.messagesPerSecond)],
    ['peak connections', integer.format(t.peakConnections)],
    ['connections that failed to open', integer.format(t.connectFailures)],
    ['connections the server closed unasked', integer.format(t.unexpectedCloses)],
  ];
  const errors = Object.entries(t.errorsByCode).sort((a, b) => b[1] - a[1]);
  const byCode = errors.length === 0
    ? '<p class="ok" id="errors-none">No frame was refused.</p>'
    : table('errors-by-code', ['error code', 'frames'], errors.map(([code, n]) => [escapeHtml(code), integer.format(n)]));
  const refusals = data.refusals.labels.length === 0
    ? ''
    : '<figure class="wide"><h3>Refused frames, by frame and code</h3><div class="chart" style="height:200px"><canvas id="refusals" role="img" aria-label="refused frames by frame and code"></canvas></div></figure>';
  return table('traffic', ['traffic', ''], rows.map(([a, b]) => [escapeHtml(a), b])) + byCode + refusals;
}

function maskingSection(r: LoadReport): string {
  const m = r.maskingLeaks;
  const d = m.detectors;
  const searched = `the ${integer.format(m.injectedValues)} value${m.injectedValues === 1 ? '' : 's'} the run injected, searched for in every string field`;
  const headline = !m.tenantMasks
    ? `<p class="note" id="masking-verdict">The tenant does not mask: ${integer.format(m.count)} value${m.count === 1 ? '' : 's'} reached agents unmasked, as expected (and counted, which shows the check finds them; ${searched}).</p>`
    : m.count === 0
      ? `<p class="ok" id="masking-verdict">No card, IBAN, SSN, email or phone number reached an agent unmasked in ${integer.format(m.framesChecked)} agent frames (${searched}).</p>`
      : `<p class="bad" id="masking-verdict">${integer.format(m.count)} unmasked value${m.count === 1 ? '' : 's'} reached agents while the tenant masks (${integer.format(m.framesChecked)} agent frames checked; ${searched}).</p>`;
  const kinds = Object.keys(m.byKind) as (keyof typeof m.byKind)[];
  const byKind = table('masking', ['kind', 'leaks (oracle, gating)', 'detectors (second opinion)'],
    kinds.map((k) => [escapeHtml(k), integer.format(m.byKind[k]), integer.format(d.byKind[k])]),
    (i) => (m.byKind[kinds[i]!] > 0 && m.tenantMasks ? 'fail' : ''));
  const list = (examples: typeof m.examples): string => examples.map((e) => `<code>${escapeHtml(`${e.kind} in ${e.frameType}.${e.field}`)}</code>`).join(', ');
  const examples = m.examples.length === 0 ? '' : `<p class="note">First found (kind, frame, field; never the text): ${list(m.examples)}</p>`;
  const second = d.count === 0
    ? '<p class="note" id="masking-detectors">The masking detectors, run again on the same frames, found nothing.</p>'
    : `<p class="note" id="masking-detectors">The masking detectors, run again on the text fields of the same frames, found ${integer.format(d.count)} value${d.count === 1 ? '' : 's'} (not gating: the oracle gates)${d.examples.length > 0 ? `, first ${list(d.examples)}` : ''}.</p>`;
  return headline + byKind + examples + second;
}

function balanceSection(r: LoadReport): string {
  const b = r.balance;
  let headline: string;
  if (!b.checked) headline = '<p class="note" id="balance-verdict">Not checked: the server\'s counts could not be read.</p>';
  else if (!b.exact) headline = `<p class="note" id="balance-verdict">Cannot be exact: other traffic shares the target (${b.otherTraffic.map(escapeHtml).join('; ')}). The counts are shown, not judged.</p>`;
  else if (b.balanced) headline = '<p class="ok" id="balance-verdict">Client and server agree on every count; each puts every conversation in exactly one end state.</p>';
  else headline = '<p class="bad" id="balance-verdict">The client and server counts do not balance.</p>';
  const rows = BALANCE_FIELDS.map((f) => [escapeHtml(f), integer.format(b.client[f]), b.server === null ? '—' : integer.format(b.server[f])]);
  const differs = (i: number): boolean => b.server !== null && b.client[BALANCE_FIELDS[i]!] !== b.server[BALANCE_FIELDS[i]!];
  const differences = b.differences.length === 0 ? '' : `<ul id="balance-differences">${b.differences.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>`;
  const extra = `<p class="note">Stray conversations (a late message opening one the plan never had): ${integer.format(b.strayConversations)}; conversations others started that reached this run's agents: ${integer.format(b.foreignConversations)}.</p>`;
  return headline + table('balance', ['count', 'clients', 'server'], rows, (i) => (differs(i) ? 'fail' : '')) + differences + extra;
}
