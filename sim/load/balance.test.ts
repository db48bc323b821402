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

  it('says so when conversations it did not start reached its agents (a shared target)', () => {
    const b = compareBalance(counts(), counts(), 0, 2);
    expect(b.balanced).toBe(false);
    expect(b.differences[0]).toContain('2 conversation(s) this run did not start');
  });

  it('without server counts nothing is checked', () => {
    expect(compareBalance(counts(), null, 0)).toMatchObject({ checked: false, balanced: false });
  });

  it('takes a run\'s share of a server\'s counts as the change from a baseline', () => {
    const before = serverBalanceCounts({ arrived: 3, answered: 2, transferred: 0, conferenced: 0, rona: 1, wrapUps: 2, inProgress: 1, ended: { completed: 2, abandoned: 0, droppedOnTransfer: 0, interrupted: 0 } });
    const after = serverBalanceCounts({ arrived: 13, answered: 10, transferred: 1, conferenced: 1, rona: 3, wrapUps: 9, inProgress: 3, ended: { completed: 8, abandoned: 2, droppedOnTransfer: 0, interrupted: 0 } });
    expect(countsDelta(after, before)).toEqual(counts());
  });
});
