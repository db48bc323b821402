// The masking and balance checks as verdicts, and when the run passes.
import { describe, expect, it } from 'vitest';
import { verdictOf } from '../reports/budgets/evaluate-budgets.js';
import { compareBalance, type BalanceCounts } from './balance.js';
import { BALANCE_CHECK, loadChecks, loadPasses, MASKING_CHECK } from './load-checks.js';
import { sampleLoadRun } from './sample-load-report.js';

const counts = (over: Partial<BalanceCounts> = {}): BalanceCounts => ({
  arrived: 10, answered: 8, transferred: 1, conferenced: 1, rona: 2,
  completed: 6, abandoned: 2, droppedOnTransfer: 0, interrupted: 0, inProgress: 2, ...over,
});

function withChecks(change: (r: ReturnType<typeof sampleLoadRun>['report']) => void) {
  const { report } = sampleLoadRun(2);
  change(report);
  report.checks = loadChecks(report);
  return report;
}

describe('loadChecks', () => {
  it('passes a run with no leak and an exact balance that holds', () => {
    const r = withChecks(() => {});
    expect(r.checks.map((c) => c.budget)).toEqual([MASKING_CHECK, BALANCE_CHECK]);
    expect(r.checks.map(verdictOf)).toEqual(['PASS', 'PASS']);
    expect(loadPasses(r)).toBe(true);
  });

  it('fails on a leak while the tenant masks, and skips the check (with the count) when it does not', () => {
    const leaked = withChecks((r) => { r.maskingLeaks.count = 3; });
    expect(leaked.checks[0]).toMatchObject({ value: 3, pass: false });
    expect(verdictOf(leaked.checks[0]!)).toBe('FAIL');
    expect(loadPasses(leaked)).toBe(false);
    const expected = withChecks((r) => { r.maskingLeaks.count = 3; r.maskingLeaks.tenantMasks = false; });
    expect(verdictOf(expected.checks[0]!)).toBe('SKIP');
    expect(expected.checks[0]!.skipped).toContain('3 values reached agents unmasked, as expected');
    expect(loadPasses(expected)).toBe(true);
  });

  it('fails an exact balance that is off; skips one that cannot be exact (other traffic), saying why, and one not checked', () => {
    const off = withChecks((r) => { r.balance = compareBalance(counts({ completed: 7, inProgress: 1 }), counts(), 0); });
    expect(off.checks[1]).toMatchObject({ value: 2, pass: false });
    expect(loadPasses(off)).toBe(false);
    const shared = withChecks((r) => { r.balance = compareBalance(counts({ completed: 7, inProgress: 1 }), counts(), 0, 1); });
    expect(verdictOf(shared.checks[1]!)).toBe('SKIP');
    expect(shared.checks[1]!.skipped).toContain('1 conversation(s) this run did not start reached its agents');
    expect(loadPasses(shared)).toBe(true);
    const unread = withChecks((r) => { r.balance = compareBalance(counts(), null, 0); r.target = 'ws://10.0.0.5:7070'; });
    expect(unread.checks[1]!.skipped).toContain('ws://10.0.0.5:7070');
    expect(loadPasses(unread)).toBe(true);
  });

  it('fails the run on any failed budget, not on a skipped one', () => {
    const r = withChecks(() => {});
    r.budgets = [{ budget: 'engine.route.p99 <= 200us', value: Number.NaN, pass: false, skipped: 'not measured by a load run' }];
    expect(loadPasses(r)).toBe(true);
    r.budgets.push({ budget: 'customerToAgent.p99 <= 1us', value: 40, pass: false, unit: 'us' });
    expect(loadPasses(r)).toBe(false);
  });
});
