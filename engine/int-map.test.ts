import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IntMap } from './int-map.js';

describe('IntMap', () => {
  it('behaves as a Map for any sequence of sets, gets and deletes (keys in ascending order)', () => {
    const op = fc.oneof(
      fc.record({ op: fc.constant('set' as const), key: fc.oneof(fc.nat(40), fc.nat(5000), fc.constant(2 ** 40 + 3)), value: fc.nat() }),
      fc.record({ op: fc.constant('delete' as const), key: fc.nat(40) }),
      fc.record({ op: fc.constant('get' as const), key: fc.nat(40) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 500 }), (ops) => {
        const m = new IntMap<number>(1);
        const ref = new Map<number, number>();
        for (const o of ops) {
          if (o.op === 'set') {
            m.set(o.key, o.value);
            ref.set(o.key, o.value);
          } else if (o.op === 'delete') {
            expect(m.delete(o.key)).toBe(ref.delete(o.key));
          }
          expect(m.get(o.key)).toBe(ref.get(o.key));
          expect(m.has(o.key)).toBe(ref.has(o.key));
          expect(m.size).toBe(ref.size);
        }
        const sorted = [...ref.keys()].sort((a, b) => a - b);
        expect([...m.keys()]).toEqual(sorted);
        expect([...m.values()]).toEqual(sorted.map((k) => ref.get(k)));
        for (const k of sorted) expect(m.get(k)).toBe(ref.get(k));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a moving window of sequential ids (the engine pattern) without growing', () => {
    const m = new IntMap<string>(8);
    for (let id = 1; id <= 100_000; id++) {
      m.set(id, `c${id}`);
      if (id > 50) expect(m.delete(id - 50)).toBe(true);
    }
    expect(m.size).toBe(50);
    expect(m.get(99_999)).toBe('c99999');
    expect(m.get(99_950)).toBe(undefined);
    expect([...m.keys()][0]).toBe(99_951);
  });

  it('refuses keys that are not whole numbers >= 0', () => {
    const m = new IntMap<number>();
    expect(() => m.set(-1, 0)).toThrow(RangeError);
    expect(() => m.set(1.5, 0)).toThrow(RangeError);
  });
});
