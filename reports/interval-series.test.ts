import { describe, expect, it } from 'vitest';
import { IntervalSeries, intervalRows, mergeIntervalTotals, replicatedIntervalRows, type IntervalTotals } from './interval-series.js';

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

  it('gives each row of several replications its mean and 95% interval across them; one replication gets none', () => {
    const day = (arrived: number, within: number, abandoned: number, held: number): IntervalTotals => ({
      intervalMs: 10 * MIN, arrived: [arrived, 0], answered: [arrived - abandoned, 0], answeredWithinThreshold: [within, 0],
      abandoned: [abandoned, 0], heldSlotMs: [held * 10 * MIN, 0], staffedSlotMs: [4 * 10 * MIN, 0],
    });
    const days = [day(100, 80, 10, 3), day(110, 99, 0, 3.5), day(90, 63, 20, 2.5)];
    const rows = replicatedIntervalRows(days, 0);
    // The pooled figures are those of the merged totals, as before.
    expect(rows.map(({ confidence: _, ...r }) => r)).toEqual(intervalRows(mergeIntervalTotals(days), 0, 3));
    const c = rows[0]!.confidence!;
    expect(c.arrived.mean).toBe(100);
    expect(c.arrived.halfWidth).toBeCloseTo(4.303 * Math.sqrt(100 / 3), 5); // t(2) x sd 10 / sqrt(3)
    expect(c.serviceLevel.mean).toBeCloseTo((0.8 + 0.9 + 0.7) / 3, 6);
    expect(c.abandonRate.mean).toBeCloseTo((10 / 100 + 0 / 110 + 20 / 90) / 3, 6);
    expect(c.occupancy.mean).toBeCloseTo(0.75, 6);
    // An interval where nothing arrived and nobody was staffed: no share, no interval; arrivals 0 +- 0.
    expect(rows[1]!.confidence!.serviceLevel).toEqual({ mean: 0, halfWidth: null, low: null, high: null });
    expect(rows[1]!.confidence!.occupancy.halfWidth).toBeNull();
    expect(rows[1]!.confidence!.arrived).toEqual({ mean: 0, halfWidth: 0, low: 0, high: 0 });
    expect(replicatedIntervalRows([days[0]!], 0).every((r) => r.confidence === undefined)).toBe(true);
  });
});
