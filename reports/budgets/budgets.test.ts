import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBudget, OPERATORS, type Budget, type Operator } from './parse-budget.js';
import { evaluateBudgets, allPass, reportFigures } from './evaluate-budgets.js';
import { HISTOGRAM_STATS } from './metrics.js';
import { sampleReport } from '../sample-report.js';
import { HISTOGRAM_NAMES, CONVERSATION_COUNTS, type Report } from '../report.js';

function parsed(expr: string): Budget {
  const r = parseBudget(expr);
  if (!r.ok) throw new Error(r.message);
  return r.budget;
}

function errorOf(expr: string): string {
  const r = parseBudget(expr);
  if (r.ok) throw new Error(`expected "${expr}" to be refused`);
  return r.message;
}

const report: Report = sampleReport(11);

describe('parseBudget', () => {
  it('reads metric, operator and plain value, with or without spaces', () => {
    expect(parsed('abandonRate<=0.05')).toEqual({ expression: 'abandonRate<=0.05', metric: 'abandonRate', op: '<=', threshold: 0.05 });
    expect(parsed('  conversations.droppedOnTransfer   ==  0 ')).toMatchObject({ metric: 'conversations.droppedOnTransfer', op: '==', threshold: 0 });
  });

  it.each(OPERATORS)('reads the operator %s', (op) => {
    expect(parsed(`agents.count ${op} 62`).op).toBe(op);
  });

  it('reads a percentage on a share', () => {
    expect(parsed('serviceLevel >= 80%').threshold).toBe(0.8);
    expect(parsed('waitProbability < 12.5%').threshold).toBe(0.125);
  });

  it('converts durations into the histogram unit: ms for sim, ns for engine', () => {
    expect(parsed('answerTime.p90 <= 60s')).toMatchObject({ threshold: 60_000, unit: 'ms' });
    expect(parsed('answerTime.p90 <= 1.5m')).toMatchObject({ threshold: 90_000, unit: 'ms' });
    expect(parsed('handleTime.mean < 1h')).toMatchObject({ threshold: 3_600_000, unit: 'ms' });
    expect(parsed('wrapUp.max <= 800us')).toMatchObject({ threshold: 0.8, unit: 'ms' });
    expect(parsed('engine.route.p99 <= 200us')).toMatchObject({ threshold: 200_000, unit: 'ns' });
    expect(parsed('engine.route.p99 <= 0.2ms')).toMatchObject({ threshold: 200_000, unit: 'ns' });
    expect(parsed('engine.route.p99 <= 500ns')).toMatchObject({ threshold: 500, unit: 'ns' });
    expect(parsed('answerTime.p99 <= 1500ns')).toMatchObject({ threshold: 0.0015, unit: 'ms' });
    expect(parsed('engine.mask.p999 <= 2s')).toMatchObject({ threshold: 2_000_000_000, unit: 'ns' });
    expect(parsed('wall.seconds < 250ms')).toMatchObject({ threshold: 0.25, unit: 's' });
    expect(parsed('answerTime.max < +2s').threshold).toBe(2000);
  });

  it('knows the load latencies, from the scheduled moment and from the send, in microseconds', () => {
    expect(parsed('customerToAgent.p99 <= 50ms')).toMatchObject({ metric: 'customerToAgent.p99', threshold: 50_000, unit: 'us' });
    expect(parsed('offer.fromSent.p999 < 1s')).toMatchObject({ metric: 'offer.fromSent.p999', threshold: 1_000_000, unit: 'us' });
    expect(parsed('commandAck.count >= 1')).toMatchObject({ metric: 'commandAck.count' });
    expect(errorOf('agentToCustomer.fromSend.p99 <= 5ms')).toMatch(/did you mean "agentToCustomer.fromSent.p99"/);
  });

  it('resolves the short aliases', () => {
    expect(parsed('occupancy <= 0.9').metric).toBe('agents.occupancy');
    expect(parsed('serviceLevel.value >= 0.8').metric).toBe('serviceLevel');
    expect(parsed('ronaEvents < 10').metric).toBe('agents.ronaEvents');
  });

  it('knows every histogram stat and every conversation count', () => {
    for (const h of HISTOGRAM_NAMES) for (const s of HISTOGRAM_STATS) {
      expect(parsed(`${h}.${s} >= ${s === 'count' ? '0' : '0s'}`).metric).toBe(`${h}.${s}`);
    }
    for (const c of CONVERSATION_COUNTS) expect(parsed(`conversations.${c} >= 0`).metric).toBe(`conversations.${c}`);
  });

  it('refuses an unknown metric, suggesting the closest and listing the known ones', () => {
    const message = errorOf('answerTme.p90 <= 60s');
    expect(message).toContain('unknown metric "answerTme.p90"');
    expect(message).toContain('did you mean "answerTime.p90"');
    expect(message).toContain('serviceLevel');
    expect(message).toContain('engine.route');
    expect(message).toContain('p999');
  });

  it('refuses values whose kind does not fit the metric', () => {
    expect(errorOf('answerTime.p90 <= 60')).toMatch(/is a time: give a unit/);
    expect(errorOf('conversations.arrived > 5%')).toMatch(/percentage only fits a share/);
    expect(errorOf('answerTime.p90 <= 50%')).toMatch(/percentage only fits a share/);
    expect(errorOf('serviceLevel >= 60s')).toMatch(/is a ratio, not a time/);
    expect(errorOf('answerTime.p90 <= 60parsecs')).toMatch(/expected a duration/);
    expect(errorOf('answerTime.p90 <= -5s')).toMatch(/not negative/);
    expect(errorOf('serviceLevel >= 80')).toMatch(/serviceLevel is a share between 0 and 1: did you mean 80%\?$/);
    expect(errorOf('abandonRate <= 2.5')).toMatch(/did you mean 2.5%\?$/);
    expect(errorOf('abandonRate <= 500')).toMatch(/is a share between 0 and 1$/);
    expect(errorOf('serviceLevel >= 180%')).toMatch(/between 0% and 100%/);
    expect(errorOf('conversations.abandoned >= -1')).toMatch(/a count: it is never negative/);
    expect(parsed('serviceLevel >= 1').threshold).toBe(1);
    expect(parsed('serviceLevel >= 100%').threshold).toBe(1);
  });

  it('refuses malformed expressions with the expected form', () => {
    expect(errorOf('serviceLevel = 0.8')).toMatch(/use ==/);
    expect(errorOf('serviceLevel')).toMatch(/expected <metric> <op> <value>/);
    expect(errorOf('>= 0.8')).toMatch(/expected <metric> <op> <value>/);
    expect(errorOf('serviceLevel >= high')).toMatch(/not a number, a percentage or a duration/);
  });
});

describe('evaluateBudgets', () => {
  const figure = report.agents.count;
  const expected: Record<Operator, (v: number, t: number) => boolean> = {
    '<': (v, t) => v < t, '<=': (v, t) => v <= t, '>': (v, t) => v > t,
    '>=': (v, t) => v >= t, '==': (v, t) => v === t, '!=': (v, t) => v !== t,
  };

  it.each(OPERATORS)('decides %s below, at and above the figure', (op) => {
    for (const threshold of [figure - 1, figure, figure + 1]) {
      const [result] = evaluateBudgets([parsed(`agents.count ${op} ${threshold}`)], reportFigures(report));
      expect(result).toEqual({ budget: `agents.count ${op} ${threshold}`, value: figure, pass: expected[op](figure, threshold) });
    }
  });

  it('reads shares, counts and times from the report, times in their unit', () => {
    const results = evaluateBudgets([
      parsed('serviceLevel >= 80%'),
      parsed('conversations.abandoned >= 1'),
      parsed('answerTime.p90 <= 1h'),
      parsed('engine.route.p99 <= 1ms'),
    ], reportFigures(report));
    expect(results.map((r) => r.value)).toEqual([
      report.serviceLevel.value,
      report.conversations.abandoned,
      report.histograms.answerTime.p90,
      report.histograms['engine.route'].p99,
    ]);
    expect(results.map((r) => r.unit)).toEqual([undefined, undefined, 'ms', 'ns']);
  });

  it('compares a duration with the histogram figure across units', () => {
    const p90Ms = report.histograms.answerTime.p90;
    const justAbove = `${(p90Ms + 1) / 1000}s`;
    const justBelow = `${(p90Ms - 1) * 1000}us`;
    const [a, b] = evaluateBudgets([parsed(`answerTime.p90 <= ${justAbove}`), parsed(`answerTime.p90 <= ${justBelow}`)], reportFigures(report));
    expect([a.pass, b.pass]).toEqual([true, false]);
  });

  it('converts when a report histogram was recorded in another unit', () => {
    const inUs = structuredClone(report);
    inUs.histograms.answerTime = { ...inUs.histograms.answerTime, p90: 42_000_000, unit: 'us' };
    const [r] = evaluateBudgets([parsed("answerTime.p90 <= 42s")], reportFigures(inUs));
    expect(r).toMatchObject({ value: 42_000, unit: 'ms', pass: true });
  });

  it('fails a budget on a figure that is not a number', () => {
    const broken = structuredClone(report);
    broken.serviceLevel.value = Number.NaN;
    const results = evaluateBudgets([parsed('serviceLevel >= 0'), parsed('serviceLevel != 0.5')], reportFigures(broken));
    expect(results.map((r) => r.pass)).toEqual([false, false]);
    expect(allPass(results)).toBe(false);
  });

  it('passes exactly the budgets the figure satisfies (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...OPERATORS), (value, threshold, op) => {
        const r = structuredClone(report);
        r.abandonRate = value;
        const budget: Budget = { expression: `abandonRate ${op} ${threshold}`, metric: 'abandonRate', op, threshold };
        expect(evaluateBudgets([budget], reportFigures(r))[0].pass).toBe(expected[op](value, threshold));
      }),
      { numRuns: 300 },
    );
  });
});
