// The readable report for a terminal: what `cctwin run` prints without --json.
import { formatDuration } from './format-duration.js';
import type { HistogramSummary } from './histogram.js';
import { END_STATES, HISTOGRAM_NAMES, type BudgetResult, type Report } from './report.js';
import { renderTable, type Align } from './text-table.js';
import { failedBudgets, verdictOf } from './budgets/evaluate-budgets.js';
import { budgetNotes } from './budgets/budget-notes.js';
import type { Estimate } from './confidence.js';
import type { IntervalRow } from './interval-series.js';

export interface TextOptions {
  /** ANSI colours for verdicts; callers pass `process.stdout.isTTY`. */
  color?: boolean;
  /**
   * Print the per-interval table (when the report has more than one interval).
   * `cctwin run` asks for it when the scenario sets `interval:` or with
   * `--intervals`; report.json and report.html hold the rows either way.
   */
  intervals?: boolean;
}

const COUNT_LABELS: Record<keyof Report['conversations'], string> = {
  arrived: 'arrived',
  answered: 'answered',
  abandoned: 'abandoned',
  transferred: 'transferred',
  droppedOnTransfer: 'dropped on transfer',
  conferenced: 'conferenced',
  completed: 'completed',
  interrupted: 'interrupted',
  inProgressAtEnd: 'in progress at end',
};

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
const percent = (share: number): string => (Number.isFinite(share) ? `${(share * 100).toFixed(1)}%` : String(share));

export function renderText(report: Report, options: TextOptions = {}): string {
  const paint = painter(options.color ?? false);
  const sections = [header(report), conversations(report, paint), service(report), histograms(report)];
  if (options.intervals === true && report.intervals !== undefined && report.intervals.length > 1) sections.push(intervals(report.intervals, report.replications));
  if (report.budgets.length > 0) sections.push(budgets(report.budgets, paint));
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/**
 * One row per reporting interval: how the day went, hour by hour. With
 * replications, each figure is one day's worth (what a forecast or a
 * workforce plan gives per interval): counts are means per replication, and
 * each figure gets the 95% confidence interval of its mean across the
 * replications, as the key figures do.
 */
function intervals(rows: readonly IntervalRow[], replications: number): string[] {
  const clock = (seconds: number): string => {
    const minutes = Math.round(seconds / 60);
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  };
  const spread = rows.some((r) => r.confidence !== undefined);
  // A figure, then (with replications) its ± in a column of its own so that the signs line up.
  // Counts are whole; a mean of several replications under 100 gets a tenth (6.8 ± 1.5, not 7 ± 2).
  const cells = (value: string, e: Estimate | undefined, show: (x: number) => string): string[] =>
    !spread ? [value] : [value, e === undefined || e.halfWidth === null ? '' : `± ${show(e.halfWidth)}`];
  const heading = (name: string): string[] => (spread ? [name, ''] : [name]);
  const table = [['from', ...heading('arrived'), ...heading('service level'), ...heading('abandon'), ...heading('occupancy'), 'slots staffed', '']];
  for (const r of rows) {
    const c = r.confidence;
    const count = (x: number): string => decimals(replications > 1 && r.arrived < 100 ? 1 : 0).format(x);
    table.push([
      clock(r.startSeconds),
      ...cells(count(r.arrived), c?.arrived, count),
      ...cells(percent(r.serviceLevel), c?.serviceLevel, percent),
      ...cells(percent(r.abandonRate), c?.abandonRate, percent),
      ...cells(percent(r.occupancy), c?.occupancy, percent),
      decimal.format(r.staffedSlots),
      r.warmup ? 'warm-up' : '',
    ]);
  }
  const figure: Align[] = spread ? ['right', 'left'] : ['right'];
  const title = replications === 1
    ? 'Intervals (by arrival)'
    : `Intervals (by arrival; ${replications} replications, arrived per replication${spread ? '; ± is the 95% confidence interval of the mean' : ''})`;
  return [title, ...renderTable(table, ['left', ...figure, ...figure, ...figure, ...figure, 'right', 'left'])];
}

function decimals(digits: number): Intl.NumberFormat {
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function header(r: Report): string[] {
  const replications = `${r.replications} replication${r.replications === 1 ? '' : 's'}`;
  return [
    `${r.scenario}  (seed ${r.seed}, ${replications})`,
    ...renderTable(
      [
        ['simulated', formatDuration(r.simulated.seconds, 's'), `${integer.format(r.simulated.events)} events`],
        ['wall', formatDuration(r.wall.seconds, 's'), `${integer.format(r.wall.eventsPerSecond)} events/s`],
      ],
      ['left', 'right', 'right'],
    ),
  ];
}

function conversations(r: Report, paint: Painter): string[] {
  const c = r.conversations;
  const rows = (Object.keys(COUNT_LABELS) as (keyof typeof COUNT_LABELS)[]).map((k) => [COUNT_LABELS[k], integer.format(c[k])]);
  const sum = END_STATES.map((s) => `${integer.format(c[s])} ${COUNT_LABELS[s]}`).join(' + ');
  const total = r.accounting.endStatesTotal;
  const balance = r.accounting.balanced
    ? `  every arrived conversation is in exactly one end state: ${integer.format(c.arrived)} = ${sum}`
    : paint.bad(
        `  END STATES DO NOT BALANCE: ${integer.format(c.arrived)} arrived, but ${integer.format(total)} in end states = ${sum}`,
      );
  return ['Conversations', ...renderTable(rows, ['left', 'right']), balance];
}

function service(r: Report): string[] {
  // Thresholds are set in round seconds; `60s` reads better than `1m 00s`.
  const threshold = `${decimal.format(r.serviceLevel.thresholdSeconds)}s`;
  const c = r.confidence;
  // With replications, each key figure also shows its 95% interval across them.
  const interval = (e: Estimate | undefined, show: (x: number) => string): string =>
    e === undefined || e.halfWidth === null ? '' : `± ${show(e.halfWidth)}`;
  const rows = [
    ['service level', percent(r.serviceLevel.value), interval(c?.serviceLevel, percent), `answered within ${threshold}, of answered + abandoned`],
    ['wait probability', percent(r.waitProbability), interval(c?.waitProbability, percent), 'not offered at once'],
    ['abandon rate', percent(r.abandonRate), interval(c?.abandonRate, percent), 'of answered + abandoned'],
    ['occupancy', percent(r.agents.occupancy), interval(c?.occupancy, percent), `${integer.format(r.agents.count)} agents`],
    ['speed of answer', formatDuration(r.histograms.answerTime.mean, 'ms'), interval(c?.averageSpeedOfAnswerSeconds, (x) => formatDuration(x, 's')), 'mean arrival to accept'],
    ['RONA events', integer.format(r.agents.ronaEvents), '', ''],
  ];
  const title = c ? `Service (${r.replications} replications; ± is the 95% confidence interval of the mean)` : 'Service';
  return [title, ...renderTable(rows, ['left', 'right', 'left', 'left'])];
}

const STAT_COLUMNS = ['mean', 'p50', 'p90', 'p99', 'p999', 'max'] as const;

function histograms(r: Report): string[] {
  const rows = [['metric', 'count', ...STAT_COLUMNS]];
  for (const name of HISTOGRAM_NAMES) {
    const h: HistogramSummary | undefined = r.histograms[name];
    if (!h) continue;
    const stats = STAT_COLUMNS.map((s) => (h.count === 0 ? '—' : formatDuration(h[s], h.unit)));
    rows.push([name, integer.format(h.count), ...stats]);
  }
  return ['Histograms', ...renderTable(rows, ['left', 'right', ...STAT_COLUMNS.map(() => 'right' as const)])];
}

function budgets(results: readonly BudgetResult[], paint: Painter): string[] {
  const rows = [['budget', 'value', 'verdict']];
  for (const b of results) rows.push([b.budget, budgetValueText(b), verdictOf(b)]);
  // The verdict column is last and the table trims trailing spaces, so colour can go on afterwards.
  const lines = renderTable(rows, ['left', 'right', 'left']).map((line, i) =>
    i === 0 ? line : line.replace(/(PASS|FAIL)$/, (v) => (v === 'PASS' ? paint.good(v) : paint.bad(v))),
  );
  const notes = budgetNotes(results).map((n) => `  ${n}`);
  const failed = failedBudgets(results).length;
  const judged = results.filter((b) => verdictOf(b) !== 'SKIP').length;
  const summary =
    failed === 0
      ? `  all ${judged} budgets pass`
      : paint.bad(`  ${failed} of ${judged} budget${judged === 1 ? '' : 's'} FAILED`);
  return ['Budgets', ...lines, ...notes, summary];
}

function budgetValueText(b: BudgetResult): string {
  if (b.skipped !== undefined) return '—';
  if (!Number.isFinite(b.value)) return String(b.value);
  return b.unit ? formatDuration(b.value, b.unit) : decimal.format(b.value);
}

interface Painter {
  good(s: string): string;
  bad(s: string): string;
}

function painter(color: boolean): Painter {
  if (!color) return { good: (s) => s, bad: (s) => s };
  return { good: (s) => `\x1b[32m${s}\x1b[0m`, bad: (s) => `\x1b[31m${s}\x1b[0m` };
}
