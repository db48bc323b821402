import { describe, expect, it } from 'vitest';
import { renderText } from './render-text.js';
import { sampleReport } from './sample-report.js';
import { formatDuration } from './format-duration.js';
import { HISTOGRAM_NAMES, type Report } from './report.js';
import { replicatedIntervalRows, type IntervalTotals } from './interval-series.js';

function section(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(title);
  if (start < 0) throw new Error(`no section ${title}`);
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

function withBudgets(r: Report): Report {
  return {
    ...r,
    budgets: [
      { budget: 'serviceLevel >= 0.8', value: r.serviceLevel.value, pass: true },
      { budget: 'answerTime.p90 <= 10s', value: r.histograms.answerTime.p90, pass: false, unit: 'ms' },
    ],
  };
}

describe('renderText', () => {
  const report = sampleReport(4, 5000);
  const text = renderText(report);

  it('heads the report with scenario, seed, simulated and wall time, events', () => {
    const [title, simulated, wall] = text.split('\n');
    expect(title).toBe(`${report.scenario}  (seed ${report.seed}, 1 replication)`);
    expect(simulated).toContain(formatDuration(report.simulated.seconds, 's'));
    expect(simulated).toContain(`${report.simulated.events.toLocaleString('en-US')} events`);
    expect(wall).toContain(formatDuration(report.wall.seconds, 's'));
    expect(wall).toContain(`${report.wall.eventsPerSecond.toLocaleString('en-US')} events/s`);
  });

  it('lists every conversation count and the end-state accounting sum', () => {
    const lines = section(text, 'Conversations');
    const c = report.conversations;
    expect(lines.find((l) => l.trim().startsWith('dropped on transfer'))).toMatch(new RegExp(`\\s${c.droppedOnTransfer}$`));
    expect(lines.find((l) => l.trim().startsWith('arrived'))).toMatch(new RegExp(`\\s${c.arrived.toLocaleString('en-US')}$`));
    const accounting = lines.at(-1)!;
    expect(accounting).toContain('every arrived conversation is in exactly one end state');
    const [lhs, rhs] = accounting.split(': ')[1].split(' = ');
    const terms = rhs.split(' + ').map((t) => Number(t.split(' ')[0].replace(/,/g, '')));
    expect(terms.reduce((a, b) => a + b, 0)).toBe(Number(lhs.replace(/,/g, '')));
  });

  it('says loudly when the end states do not balance', () => {
    const broken = sampleReport(4, 5000);
    broken.accounting = { ...broken.accounting, endStatesTotal: broken.accounting.arrived - 3, balanced: false };
    const line = section(renderText(broken), 'Conversations').at(-1)!;
    expect(line).toContain('END STATES DO NOT BALANCE');
    expect(line).toContain(`${(broken.accounting.arrived - 3).toLocaleString('en-US')} in end states`);
  });

  it('shows service figures as percentages', () => {
    const lines = section(text, 'Service').join('\n');
    expect(lines).toContain(`${(report.serviceLevel.value * 100).toFixed(1)}%`);
    expect(lines).toContain(`answered within ${report.serviceLevel.thresholdSeconds}s`);
    expect(lines).toContain(`${(report.abandonRate * 100).toFixed(1)}%`);
    expect(lines).toContain(`${(report.agents.occupancy * 100).toFixed(1)}%`);
  });

  it('has one aligned histogram row per metric with human durations, a dash when empty', () => {
    const r = sampleReport(4, 5000);
    r.histograms.abandonTime = { ...r.histograms.abandonTime, count: 0, mean: 0, p50: 0, p90: 0, p99: 0, p999: 0, max: 0 };
    const lines = section(renderText(r), 'Histograms');
    expect(lines.map((l) => l.trim().split(/\s+/)[0])).toEqual(['metric', ...HISTOGRAM_NAMES]);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    const answer = lines.find((l) => l.trim().startsWith('answerTime '))!;
    expect(answer).toContain(formatDuration(r.histograms.answerTime.p99, 'ms'));
    expect(lines.find((l) => l.trim().startsWith('engine.route'))).toContain(formatDuration(r.histograms['engine.route'].p50, 'ns'));
    expect(lines.find((l) => l.trim().startsWith('abandonTime'))!.match(/—/g)).toHaveLength(6);
  });

  it('prints the budgets table only when there are budgets, with verdicts', () => {
    expect(text).not.toContain('Budgets');
    const r = withBudgets(report);
    const lines = section(renderText(r), 'Budgets');
    expect(lines[1]).toMatch(/^ {2}serviceLevel >= 0\.8\s+[\d.]+\s+PASS$/);
    expect(lines[2]).toContain(formatDuration(r.histograms.answerTime.p90, 'ms'));
    expect(lines[2]).toMatch(/FAIL$/);
    expect(lines.at(-1)).toContain('1 of 2 budgets FAILED');
  });

  it('uses colour only when asked', () => {
    const r = withBudgets(report);
    expect(renderText(r)).not.toContain('\x1b[');
    const colored = renderText(r, { color: true });
    expect(colored).toContain('\x1b[32mPASS\x1b[0m');
    expect(colored).toContain('\x1b[31mFAIL\x1b[0m');
  });

  describe('interval table', () => {
    const MIN = 60_000;
    /** One replication's day of three 30-minute intervals: arrivals, answered within the threshold, abandoned. */
    const day = (arrived: number[], within: number[], abandoned: number[]): IntervalTotals => ({
      intervalMs: 30 * MIN, arrived, answered: arrived.map((n, i) => n - abandoned[i]!), answeredWithinThreshold: within, abandoned,
      heldSlotMs: arrived.map((n) => n * 0.5 * MIN), staffedSlotMs: arrived.map(() => 100 * 30 * MIN),
    });
    const days = [
      day([1000, 1203, 7], [900, 1100, 7], [10, 30, 0]),
      day([991, 1187, 6], [880, 1090, 6], [12, 25, 0]),
      day([1004, 1190, 8], [870, 1050, 8], [15, 33, 0]),
      day([994, 1199, 6], [910, 1080, 5], [9, 28, 0]),
    ];
    const withRows = (replications: number, totals: IntervalTotals[]): Report => ({
      ...report, replications, intervals: replicatedIntervalRows(totals, 30 * MIN),
    });

    it('is printed only when asked (the CLI asks when the scenario sets interval: or with --intervals)', () => {
      const r = withRows(1, [days[0]!]);
      expect(renderText(r)).not.toContain('Intervals');
      expect(renderText(r, { intervals: false })).not.toContain('Intervals');
      const lines = section(renderText(r, { intervals: true }), 'Intervals (by arrival)');
      expect(lines[0]!.trim().split(/\s{2,}/)).toEqual(['from', 'arrived', 'service level', 'abandon', 'occupancy', 'slots staffed']);
      expect(lines[1]).toMatch(/^ {2}00:00\s+1,000\s+90\.0%\s+1\.0%\s+16\.7%\s+100\s+warm-up$/);
      expect(lines[2]).toMatch(/^ {2}00:30\s+1,203\s+/);
    });

    it('is left out, even when asked, with a single interval', () => {
      const r = { ...report, intervals: replicatedIntervalRows([day([5], [5], [0])], 0) };
      expect(renderText(r, { intervals: true })).not.toContain('Intervals');
    });

    it('with replications gives each figure as a mean per replication with its 95% interval, never a raw fraction', () => {
      const text = renderText(withRows(4, days), { intervals: true });
      const title = text.split('\n').find((l) => l.startsWith('Intervals'))!;
      expect(title).toBe('Intervals (by arrival; 4 replications, arrived per replication; ± is the 95% confidence interval of the mean)');
      const [head, first, second, third] = section(text, title);
      expect(head!.trim().split(/\s{2,}/)).toEqual(['from', 'arrived', 'service level', 'abandon', 'occupancy', 'slots staffed']);
      // 997.25 arrivals a replication, +- t(3) 3.182 x sd 5.85 / 2 = 9.31: whole conversations from 100 up.
      expect(first).toMatch(/^ {2}00:00\s+997 {2}± 9\s+89\.2%\s+± [\d.]+%\s+1\.2%\s+± [\d.]+%\s+16\.6%\s+± 0\.2%\s+100\s+warm-up$/);
      expect(second).toMatch(/^ {2}00:30\s+1,195 {2}± 12\s+/);
      // Under 100 a replication, to a tenth.
      expect(third).toMatch(/^ {2}01:00\s+6\.8 {2}± 1\.5\s+/);
      expect(text).not.toMatch(/997\.25|1,194\.75/);
      // The +- signs line up, column by column.
      const at = (line: string) => [...line.matchAll(/±/g)].map((m) => m.index);
      expect(at(second!)).toEqual(at(first!));
      expect(at(third!)).toEqual(at(first!));
    });

    it('with replications but no intervals in the rows (a report from elsewhere) prints the means alone', () => {
      const r = withRows(4, days);
      r.intervals = r.intervals!.map(({ confidence: _, ...row }) => row);
      const text = renderText(r, { intervals: true });
      const title = 'Intervals (by arrival; 4 replications, arrived per replication)';
      const lines = section(text, title);
      expect(lines[1]).toMatch(/^ {2}00:00\s+997\s+89\.2%\s+1\.2%/);
      expect(lines[3]).toMatch(/^ {2}01:00\s+6\.8\s+/);
      expect(text).not.toContain('±  ');
    });
  });
});
