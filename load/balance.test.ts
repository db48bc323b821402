import { describe, expect, it } from 'vitest';
import { compareBalance, countsDelta, serverBalanceCounts, type BalanceCounts } from './balance.js';

const counts = (over: Partial<BalanceCounts> = {}): BalanceCounts => ({
  arrived: 10, answered: 8, transferred: 1, conferenced: 1, rona: 2,
  completed: 6, abandoned: 2, droppedOnTransfer: 0, interrupted: 0, inProgress: 2, ...over,
});

describe('compareBalance', () => {
  it('balances when both sides agree and every conversation is in one end state', () => {
    expect(compareBalance(counts(), counts(), 0)).toMatchObject({ checked: true, balanced: true, differences: [] });
  });

  it('names each count the sides disagree on', () => {
    const b = compareBalance(counts({ completed: 7, inProgress: 1 }), counts(), 0);
    expect(b.balanced).toBe(false);
    expect(b.differences).toEqual(['completed: client 7, server 6', 'inProgress: client 1, server 2']);
  });

  it('flags a side whose end states do not add up to its arrivals, even when the sides agree', () => {
    const lost = counts({ inProgress: 1 });
    const b = compareBalance(lost, lost, 0);
    expect(b.balanced).toBe(false);
    expect(b.differences).toContain('client: end states add up to 9, arrived 10');
    expect(b.differences).toContain('server: end states add up to 9, arrived 10');
  });

  it('is exact unless other traffic was seen', () => {
    expect(compareBalance(counts(), counts({ completed: 7, inProgress: 1 }), 0)).toMatchObject({ exact: true, otherTraffic: [], balanced: false });
  });

  it('says why it cannot be exact when conversations it did not start reached its agents, or others are connected (a shared target)', () => {
    const b = compareBalance(counts({ arrived: 12, completed: 8 }), counts(), 0, 2, ['3 agent connection(s) besides this run\'s']);
    expect(b.exact).toBe(false);
    expect(b.otherTraffic).toEqual(['2 conversation(s) this run did not start reached its agents', '3 agent connection(s) besides this run\'s']);
    // The counts are still compared and their differences shown.
    expect(b.balanced).toBe(false);
    expect(b.differences).toEqual(['arrived: client 12, server 10', 'completed: client 8, server 6']);
    // Agreeing counts on a shared target: balanced, and still not exact.
    expect(compareBalance(counts(), counts(), 0, 1)).toMatchObject({ balanced: true, exact: false });
  });

  it('without server counts nothing is checked', () => {
    expect(compareBalance(counts(), null, 0)).toMatchObject({ checked: false, balanced: false, exact: true });
  });

  it('takes a run\'s share of a server\'s counts as the change from a baseline', () => {
    const before = serverBalanceCounts({ arrived: 3, answered: 2, transferred: 0, conferenced: 0, rona: 1, wrapUps: 2, inProgress: 1, ended: { completed: 2, abandoned: 0, droppedOnTransfer: 0, interrupted: 0 } });
    const after = serverBalanceCounts({ arrived: 13, answered: 10, transferred: 1, conferenced: 1, rona: 3, wrapUps: 9, inProgress: 3, ended: { completed: 8, abandoned: 2, droppedOnTransfer: 0, interrupted: 0 } });
    expect(countsDelta(after, before)).toEqual(counts());
  });
});
