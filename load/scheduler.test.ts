// The open-model schedule, on a hand-driven clock: a generator that falls
// behind runs what is due at once, hands each task the moment it was due,
// and never shifts or thins what comes after.
import { describe, expect, it } from 'vitest';
import { createArrivalProcess } from '../sim/arrivals/poisson.js';
import { createRng, deriveSeed } from '../sim/random/prng.js';
import { scheduleArrivals } from './arrivals.js';
import { LoadHistograms } from './load-histograms.js';
import { Scheduler, type TimerHost } from './scheduler.js';

/** A clock and a timer that only move when the test says so. */
class ManualTime implements TimerHost {
  nowMs = 0;
  private timer: { fn: () => void; atMs: number } | null = null;
  readonly requestedDelays: number[] = [];

  set(fn: () => void, delayMs: number): unknown {
    this.requestedDelays.push(delayMs);
    this.timer = { fn, atMs: this.nowMs + delayMs };
    return this.timer;
  }

  clear(handle: unknown): void {
    if (this.timer === handle) this.timer = null;
  }

  /** Moves time to `ms`, firing the timer whenever it comes due on the way. */
  runUntil(ms: number): void {
    while (this.timer !== null && this.timer.atMs <= ms) {
      const t = this.timer;
      this.timer = null;
      this.nowMs = Math.max(this.nowMs, t.atMs);
      t.fn();
    }
    this.nowMs = Math.max(this.nowMs, ms);
  }
}

describe('Scheduler', () => {
  it('runs tasks in due order, each with its due moment, and skips cancelled ones', () => {
    const time = new ManualTime();
    const s = new Scheduler(() => time.nowMs, time);
    const ran: [string, number, number][] = [];
    const note = (name: string) => (due: number): void => void ran.push([name, due, time.nowMs]);
    s.at(30, note('c'));
    s.at(10, note('a'));
    const cancelled = s.at(20, note('x'));
    s.at(20, note('b'));
    cancelled.cancelled = true;
    time.runUntil(100);
    expect(ran).toEqual([['a', 10, 10], ['b', 20, 20], ['c', 30, 30]]);
    expect(s.maxLagMs).toBe(0);
  });

  it('a slowed generator runs overdue tasks at once with their scheduled moments, and lateness is counted', () => {
    const time = new ManualTime();
    const s = new Scheduler(() => time.nowMs, time, 1_000);
    const ran: [number, number][] = [];
    // The task due at 10 takes 45 ms: the ones due at 20, 30 and 40 are late.
    s.at(10, (due) => {
      ran.push([due, time.nowMs]);
      time.nowMs += 45;
    });
    for (const at of [20, 30, 40, 80]) s.at(at, (due) => void ran.push([due, time.nowMs]));
    time.runUntil(200);
    expect(ran).toEqual([[10, 10], [20, 55], [30, 55], [40, 55], [80, 80]]);
    expect(s.maxLagMs).toBe(35);
    expect(s.lateTasks).toBe(3);
  });

  it('yields to I/O after a slice of due work and comes straight back', () => {
    const time = new ManualTime();
    const s = new Scheduler(() => time.nowMs, time, 5);
    const ran: number[] = [];
    for (let k = 0; k < 10; k++) s.at(k, (due) => {
      ran.push(due);
      time.nowMs += 2;
    });
    time.runUntil(0);
    // 0 ms, 2, 4, 6: past the 5 ms slice after the fourth task.
    expect(ran).toEqual([0, 1, 2]);
    expect(time.requestedDelays.at(-1)).toBe(0);
    time.runUntil(time.nowMs);
    expect(ran.length).toBeGreaterThan(3);
    time.runUntil(1_000);
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('stop() drops what is pending and refuses more', () => {
    const time = new ManualTime();
    const s = new Scheduler(() => time.nowMs, time);
    const ran: number[] = [];
    s.at(10, (d) => void ran.push(d));
    s.stop();
    s.at(20, (d) => void ran.push(d));
    time.runUntil(100);
    expect(ran).toEqual([]);
    expect(s.pending).toBe(0);
  });
});

describe('scheduleArrivals (open model)', () => {
  const pieces = [{ fromMs: 0, perSecond: 100 }];
  const seed = 42;
  const endMs = 2_000;
  const expectedTimes = (): number[] => {
    const process = createArrivalProcess(pieces, endMs, createRng(deriveSeed(seed, 'arrivals', 0)));
    const out: number[] = [];
    for (let t = process.next(); Number.isFinite(t); t = process.next()) out.push(t);
    return out;
  };

  it.each([0, 25])('keeps the Poisson schedule when every arrival costs the generator %i ms, and latency from the schedule carries the delay', (costMs) => {
    const time = new ManualTime();
    const s = new Scheduler(() => time.nowMs, time, 1_000);
    const histograms = new LoadHistograms();
    const dues: number[] = [];
    let done = false;
    scheduleArrivals([{ arrivals: pieces }], s, { endMs, originMs: 0, leadMs: 0, seed }, (_i, dueMs) => {
      dues.push(dueMs);
      // The "send" happens now (late when the generator is behind); the server answers 1 ms later.
      const sentMs = time.nowMs;
      time.nowMs += costMs;
      histograms.record('offer', dueMs, sentMs, sentMs + 1);
    }, () => (done = true));
    time.runUntil(60_000);

    const expected = expectedTimes();
    expect(done).toBe(true);
    // Same arrivals at the same scheduled moments: nothing thinned, nothing shifted.
    expect(dues).toEqual(expected);
    const { fromScheduled, fromSent } = histograms.summaries().offer;
    expect(fromSent.max).toBeLessThanOrEqual(1_001);
    if (costMs === 0) {
      // Timers wake on whole milliseconds: at most 1 ms past due, plus the 1 ms answer.
      expect(fromScheduled.max).toBeLessThanOrEqual(2_001);
    } else {
      // 100/s arriving, 40/s served: the backlog grows to about 60% of the run, and the latency from schedule shows it.
      const lastLagMs = (expected.length - 1) * costMs - expected.at(-1)!;
      expect(lastLagMs).toBeGreaterThan(500);
      expect(fromScheduled.max / 1000).toBeGreaterThanOrEqual(lastLagMs * 0.99);
      expect(fromScheduled.p50).toBeGreaterThan(100 * fromSent.p50);
    }
  });

  it('opens a customer `leadMs` early but hands it the moment its message is due', () => {
    const time = new ManualTime();
    const s = new Scheduler(() => time.nowMs, time);
    const calls: [number, number][] = [];
    scheduleArrivals([{ arrivals: pieces }], s, { endMs, originMs: 0, leadMs: 50, seed }, (_i, dueMs) => void calls.push([time.nowMs, dueMs]), () => {});
    time.runUntil(60_000);
    expect(calls.map(([, due]) => due)).toEqual(expectedTimes());
    for (const [calledAt, due] of calls) {
      // Timers wake on whole milliseconds.
      expect(calledAt).toBeGreaterThanOrEqual(Math.max(0, due - 50));
      expect(calledAt).toBeLessThan(Math.max(0, due - 50) + 1);
    }
  });
});
