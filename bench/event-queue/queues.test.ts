// The calendar and ladder queues of the event-queue benchmark pop exactly what
// sim/clock's binary heap pops, in the same order (time, then push order),
// whatever the mix: ties, events at "now", in the past, far in the future,
// bursts that resize the calendar and grow the ladder's rungs.
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../sim/clock/event-queue.js';
import { CalendarQueue } from './calendar-queue.js';
import { LadderQueue } from '../../sim/clock/ladder-queue.js';

interface Queue {
  push(t: number, kind: number, ref: number): number;
  pop(): boolean;
  peekTime(): number;
  readonly size: number;
  lastTime: number;
  lastSeq: number;
  lastKind: number;
  lastRef: number;
}

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Pops as "time:seq:kind:ref", and peeks, over a random run of pushes and pops. */
function trace(make: () => Queue, seed: number): string[] {
  const rnd = lcg(seed);
  const q = make();
  const out: string[] = [];
  let now = 0;
  const ops = 1500 + Math.floor(rnd() * 2500);
  for (let i = 0; i < ops; i++) {
    if (rnd() < 0.55) {
      const k = rnd();
      const t = k < 0.05 ? now - rnd() * 50 : k < 0.2 ? now : k < 0.3 ? Math.floor(now + rnd() * 3) : k < 0.9 ? now + rnd() * 1000 : now + rnd() * 1e6;
      const burst = rnd() < 0.02 ? 200 : 1;
      for (let b = 0; b < burst; b++) q.push(burst > 1 ? now + 5 : t, i & 7, i);
    } else {
      out.push(`peek ${q.peekTime()}`);
      if (q.pop()) {
        out.push(`${q.lastTime}:${q.lastSeq}:${q.lastKind}:${q.lastRef}`);
        now = q.lastTime;
      } else {
        out.push('empty');
      }
    }
  }
  while (q.pop()) out.push(`${q.lastTime}:${q.lastSeq}:${q.lastKind}:${q.lastRef}`);
  out.push(`size ${q.size}`);
  return out;
}

describe('calendar and ladder queues', () => {
  it('pop the same events in the same order as the binary heap', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const heap = trace(() => new EventQueue<number>() as Queue, seed);
      expect(trace(() => new CalendarQueue<number>() as Queue, seed), `calendar, seed ${seed}`).toEqual(heap);
      expect(trace(() => new LadderQueue<number>() as Queue, seed), `ladder, seed ${seed}`).toEqual(heap);
    }
  });

  it('keep push order among equal times at every size', () => {
    for (const make of [() => new CalendarQueue<number>(), () => new LadderQueue<number>()]) {
      const q = make();
      const at7: number[] = [];
      for (let i = 0; i < 5000; i++) {
        const t = i % 3 === 0 ? 7 : 7 + (i % 5);
        if (t === 7) at7.push(i);
        q.push(t, 0, i);
      }
      const seen: number[] = [];
      while (q.pop()) {
        if (q.lastTime === 7) seen.push(q.lastRef);
      }
      expect(seen).toEqual(at7);
    }
  });
});

describe('the ladder queue with many events at one time', () => {
  it('sorts them by push order (by a full sort, not insertion: 10^5 of them)', () => {
    const q = new LadderQueue<number>();
    for (let i = 0; i < 100_000; i++) q.push(42, 0, i);
    let expected = 0;
    let inOrder = true;
    while (q.pop()) if (q.lastRef !== expected++) inOrder = false;
    expect(inOrder).toBe(true);
    expect(expected).toBe(100_000);
  });
});
