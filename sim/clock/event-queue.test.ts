import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from './event-queue.js';

interface Entry { time: number; seq: number; kind: number; ref: number }

const byTimeThenSeq = (a: Entry, b: Entry) => a.time - b.time || a.seq - b.seq;

type Op = { push: number; kind: number } | 'pop';

describe('EventQueue', () => {
  it('pops in (time, insertion) order for any interleaving of pushes and pops', () => {
    // Few distinct times, so ties are common; capacity 1 forces growth.
    const time = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ push: time, kind: fc.integer({ min: -5, max: 5 }) }),
      fc.constant('pop' as const),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const q = new EventQueue<number>(1);
        const model: Entry[] = [];
        let pushed = 0;
        for (const o of ops) {
          if (o === 'pop') {
            model.sort(byTimeThenSeq);
            const want = model.shift();
            const got = q.pop();
            if (want === undefined) {
              if (got) return false;
              continue;
            }
            if (!got || q.lastTime !== want.time || q.lastSeq !== want.seq || q.lastKind !== want.kind || q.lastRef !== want.ref) return false;
          } else {
            const ref = pushed * 10;
            // push(time) and pushAt(cell holding time) are one operation: alternate them.
            const seq = pushed % 2 === 0 ? q.push(o.push, o.kind, ref) : q.pushAt(Float64Array.of(o.push), o.kind, ref);
            model.push({ time: o.push, seq, kind: o.kind, ref });
            pushed++;
          }
          if (q.size !== model.length) return false;
          const min = model.length === 0 ? Infinity : Math.min(...model.map((e) => e.time));
          if (q.peekTime() !== min) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('pops in (time, insertion) order when most pushes are due at the time just popped (the due-now ring)', () => {
    // A simulation's pattern: pop, then push at the same time (an immediate reply), a little later, or in the past.
    const op: fc.Arbitrary<{ at: 'now' | 'later' | 'past'; dt: number } | 'pop'> = fc.oneof(
      { weight: 4, arbitrary: fc.record({ at: fc.constant('now' as const), dt: fc.constant(0) }) },
      { weight: 2, arbitrary: fc.record({ at: fc.constant('later' as const), dt: fc.integer({ min: 0, max: 3 }) }) },
      { weight: 1, arbitrary: fc.record({ at: fc.constant('past' as const), dt: fc.integer({ min: 1, max: 3 }) }) },
      { weight: 5, arbitrary: fc.constant('pop' as const) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const q = new EventQueue<number>(1);
        const model: Entry[] = [];
        let pushed = 0;
        for (const o of ops) {
          if (o === 'pop') {
            model.sort(byTimeThenSeq);
            const want = model.shift();
            const got = q.pop();
            if (want === undefined) {
              if (got) return false;
              continue;
            }
            if (!got || q.lastTime !== want.time || q.lastSeq !== want.seq || q.lastRef !== want.ref || q.lastKind !== want.kind) return false;
          } else {
            const time = o.at === 'now' ? q.lastTime : o.at === 'later' ? q.lastTime + o.dt : q.lastTime - o.dt;
            const ref = pushed++;
            model.push({ time, seq: q.push(time, ref & 7, ref), kind: ref & 7, ref });
          }
          if (q.size !== model.length) return false;
          const min = model.length === 0 ? Infinity : Math.min(...model.map((e) => e.time));
          if (q.peekTime() !== min) return false;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('sorts a large random batch exactly like a stable sort', () => {
    const q = new EventQueue<number>();
    const entries: Entry[] = [];
    let x = 123456789;
    for (let i = 0; i < 50_000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const time = x % 1000; // many ties
      entries.push({ time, seq: q.push(time, i & 7, i), kind: i & 7, ref: i });
    }
    const want = [...entries].sort(byTimeThenSeq).map((e) => e.ref);
    const got: number[] = [];
    while (q.pop()) got.push(q.lastRef);
    expect(got).toEqual(want);
  });

  it('carries object payloads and releases them when popped or cleared', () => {
    const q = new EventQueue<{ id: string }>(2);
    const a = { id: 'a' };
    const b = { id: 'b' };
    q.push(5, 1, b);
    q.push(1, 2, a);
    expect(q.pop()).toBe(true);
    expect(q.lastRef).toBe(a);
    expect(q.lastKind).toBe(2);
    q.push(9, 3, { id: 'c' });
    q.clear();
    expect(q.size).toBe(0);
    expect(q.peekTime()).toBe(Infinity);
    expect(q.pop()).toBe(false);
    expect(q.lastRef).toBe(a); // an empty pop leaves the last event as it was
  });

  it('keeps sequence numbers unique across clear()', () => {
    const q = new EventQueue();
    const first = q.push(1, 0, null);
    q.clear();
    expect(q.push(1, 0, null)).toBeGreaterThan(first);
  });

  it('refuses a NaN time, which would corrupt the heap', () => {
    const q = new EventQueue();
    expect(() => q.push(NaN, 0, null)).toThrow(RangeError);
    expect(q.size).toBe(0);
  });
});
