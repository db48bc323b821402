// The ladder queue pops exactly what the binary heap (EventQueue) pops, in the
// same order (time, then push order), so the runner may use either and give
// the same run: random interleavings of pushes (by time or from a cell) and
// pops, with ties, events at "now", in the past and far ahead, and bursts
// that grow the ladder's rungs.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from './event-queue.js';
import { LadderQueue } from './ladder-queue.js';

type Op = { dt: number; burst: number; cell: boolean } | 'pop';

interface Queue {
  push(t: number, kind: number, ref: number): number;
  pushAt(cell: Float64Array, kind: number, ref: number): number;
  pop(): boolean;
  peekTime(): number;
  readonly size: number;
  lastTime: number;
  lastSeq: number;
  lastKind: number;
  lastRef: number;
}

function trace(q: Queue, ops: readonly Op[]): string[] {
  const out: string[] = [];
  let now = 0;
  let n = 0;
  for (const o of ops) {
    if (o === 'pop') {
      out.push(`peek ${q.peekTime()}`);
      out.push(q.pop() ? `${q.lastTime}:${q.lastSeq}:${q.lastKind}:${q.lastRef}` : 'empty');
      if (out[out.length - 1] !== 'empty') now = q.lastTime;
      continue;
    }
    for (let b = 0; b < o.burst; b++, n++) {
      const t = now + o.dt;
      if (o.cell) q.pushAt(Float64Array.of(t), n & 7, n);
      else q.push(t, n & 7, n);
    }
  }
  while (q.pop()) out.push(`${q.lastTime}:${q.lastSeq}:${q.lastKind}:${q.lastRef}`);
  out.push(`size ${q.size}`);
  return out;
}

describe('LadderQueue', () => {
  it('pops what the binary heap pops, in the same order', () => {
    const dt = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.double({ min: -50, max: 0, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }));
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 11, arbitrary: fc.record({ dt, burst: fc.oneof({ weight: 49, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constant(300) }), cell: fc.boolean() }) },
      { weight: 9, arbitrary: fc.constant('pop' as const) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 2000 }), (ops) => {
        expect(trace(new LadderQueue<number>() as Queue, ops)).toEqual(trace(new EventQueue<number>() as Queue, ops));
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a NaN time', () => {
    const q = new LadderQueue<number>();
    expect(() => q.push(NaN, 0, 0)).toThrow(RangeError);
    expect(() => q.pushAt(Float64Array.of(NaN), 0, 0)).toThrow(RangeError);
    expect(q.size).toBe(0);
  });
});
