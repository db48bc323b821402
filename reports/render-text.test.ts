import { describe, expect, it } from 'vitest';
import { renderText } from './render-text.js';
import { sampleReport } from './sample-report.js';
import { formatDuration } from './format-duration.js';
import { HISTOGRAM_NAMES, type Report } from './report.js';

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
});
