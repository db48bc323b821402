import { describe, expect, it } from 'vitest';
import { IntervalSeries, intervalRows, mergeIntervalTotals } from './interval-series.js';

const MIN = 60_000;

describe('interval series', () => {
  it('buckets answers and abandonment by the interval the conversation arrived in', () => {
    const s = new IntervalSeries(30 * MIN, 60 * MIN, MIN);
    s.record({ type: 'arrived', conversationId: 1, customerId: 'a', assetId: 'x', channel: 'sms', queue: 'q', atMs: 29 * MIN });
    s.record({ type: 'answered', conversationId: 1, agentId: 'ag', arrivedAtMs: 29 * MIN, atMs: 31 * MIN });
    s.record({ type: 'arrived', conversationId: 2, customerId: 'b', assetId: 'x', channel: 'sms', queue: 'q', atMs: 30 * MIN });
    s.record({ type: 'answered', conversationId: 2, agentId: 'ag', arrivedAtMs: 30 * MIN, atMs: 30.5 * MIN });
    s.record({ type: 'arrived', conversationId: 3, customerId: 'c', assetId: 'x', channel: 'sms', queue: 'q', atMs: 45 * MIN });
    s.record({ type: 'ended', conversationId: 3, endState: 'abandoned', arrivedAtMs: 45 * MIN, answeredAtMs: -1, atMs: 70 * MIN });
    // After the last interval (the drain): not bucketed.
    s.record({ type: 'arrived', conversationId: 4, customerId: 'd', assetId: 'x', channel: 'sms', queue: 'q', atMs: 61 * MIN });
    const rows = intervalRows(s.totals, 0, 1);
    expect(rows.map((r) => [r.arrived, r.answered, r.abandoned])).toEqual([[1, 1, 0], [2, 1, 1]]);
    expect(rows[0]!.serviceLevel).toBe(0); // answered after 2 minutes, threshold 1
    expect(rows[1]!.serviceLevel).toBe(0.5);
    expect(rows[1]!.abandonRate).toBe(0.5);
  });

  it('spreads slot-time over the intervals it spans', () => {
    const s = new IntervalSeries(10 * MIN, 30 * MIN, MIN);
    s.addSlotTime(5 * MIN, 25 * MIN, 3, 4);
    expect(s.totals.heldSlotMs).toEqual([15 * MIN, 30 * MIN, 15 * MIN]);
    const rows = intervalRows(s.totals, 10 * MIN, 1);
    expect(rows.map((r) => r.occupancy)).toEqual([0.75, 0.75, 0.75]);
    expect(rows.map((r) => r.staffedSlots)).toEqual([2, 4, 2]);
    expect(rows.map((r) => r.warmup)).toEqual([true, false, false]);
  });

  it('merges replications by addition and reports per replication', () => {
    const a = new IntervalSeries(10 * MIN, 10 * MIN, MIN);
    const b = new IntervalSeries(10 * MIN, 10 * MIN, MIN);
    a.addSlotTime(0, 10 * MIN, 1, 2);
    b.addSlotTime(0, 10 * MIN, 2, 2);
    const rows = intervalRows(mergeIntervalTotals([a.totals, b.totals]), 0, 2);
    expect(rows[0]!.occupancy).toBe(0.75);
    expect(rows[0]!.staffedSlots).toBe(2);
  });
});
