// The waiting list keeps conversations in order of (enqueuedAtMs, enqueueSeq)
// through appends, removals from anywhere, and re-insertions at an old place.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WaitingList, isBefore } from './waiting-list.js';
import type { Conversation } from '../state/types.js';

/** Only the fields the list reads and links. */
function conv(id: number, enqueuedAtMs: number, enqueueSeq: number): Conversation {
  return { id, enqueuedAtMs, enqueueSeq, prev: null, next: null } as unknown as Conversation;
}

function ids(list: WaitingList): number[] {
  return [...list].map((c) => c.id);
}

/** Walks the list back from the tail, to check the prev links too. */
function idsBackwards(list: WaitingList): number[] {
  const out: number[] = [];
  for (let c = list.tail; c !== null; c = c.prev) out.push(c.id);
  return out;
}

describe('WaitingList', () => {
  it('appends in order and removes from the head, middle and tail', () => {
    const list = new WaitingList();
    const [a, b, c, d] = [conv(1, 0, 1), conv(2, 5, 2), conv(3, 5, 3), conv(4, 9, 4)];
    for (const x of [a, b, c, d]) list.insert(x!);
    expect(ids(list)).toEqual([1, 2, 3, 4]);
    list.remove(b!);
    expect(ids(list)).toEqual([1, 3, 4]);
    list.remove(a!);
    list.remove(d!);
    expect(ids(list)).toEqual([3]);
    expect(list.head).toBe(c);
    expect(list.tail).toBe(c);
    list.remove(c!);
    expect(list.size).toBe(0);
    expect(list.head).toBeNull();
    expect(list.tail).toBeNull();
  });

  it('re-inserts a conversation at its old place (a RONA return)', () => {
    const list = new WaitingList();
    const old = conv(1, 100, 1);
    const later = [conv(2, 200, 2), conv(3, 300, 3)];
    for (const x of later) list.insert(x);
    list.insert(old);
    expect(ids(list)).toEqual([1, 2, 3]);
    expect(idsBackwards(list)).toEqual([3, 2, 1]);
    const middle = conv(4, 250, 0);
    list.insert(middle);
    expect(ids(list)).toEqual([1, 2, 4, 3]);
  });

  it('orders by time, then sequence', () => {
    expect(isBefore(conv(1, 1, 9), conv(2, 2, 1))).toBe(true);
    expect(isBefore(conv(1, 2, 1), conv(2, 2, 2))).toBe(true);
    expect(isBefore(conv(1, 2, 2), conv(2, 2, 1))).toBe(false);
    expect(isBefore(conv(1, 2, 2), conv(1, 2, 2))).toBe(false);
  });

  it('stays sorted, linked both ways and counted under random inserts, removals and re-inserts', () => {
    // op: 0 = a new arrival, 1 = remove the n-th waiting, 2 = put back the n-th removed at its old place.
    const ops = fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.nat(50), fc.nat(3)), { maxLength: 120 });
    fc.assert(
      fc.property(ops, (steps) => {
        const list = new WaitingList();
        const present: Conversation[] = [];
        const removed: Conversation[] = [];
        let seq = 0;
        let nowMs = 0;
        for (const [op, n, dtMs] of steps) {
          nowMs += dtMs;
          if (op === 0 || (op === 1 && present.length === 0) || (op === 2 && removed.length === 0)) {
            const c = conv(++seq, nowMs, seq);
            list.insert(c);
            present.push(c);
          } else if (op === 1) {
            const c = present.splice(n % present.length, 1)[0]!;
            list.remove(c);
            removed.push(c);
          } else {
            const c = removed.splice(n % removed.length, 1)[0]!;
            list.insert(c);
            present.push(c);
          }
          const expected = [...present].sort((a, b) => a.enqueuedAtMs - b.enqueuedAtMs || a.enqueueSeq - b.enqueueSeq).map((c) => c.id);
          expect(ids(list)).toEqual(expected);
          expect(idsBackwards(list)).toEqual([...expected].reverse());
          expect(list.size).toBe(expected.length);
        }
      }),
      { numRuns: 200 },
    );
  });
});
