import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VirtualClock } from './virtual-clock.js';

describe('VirtualClock', () => {
  it('steps through every scheduled time in order, also those scheduled while stepping', () => {
    const delay = fc.double({ min: 0, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.array(delay, { maxLength: 100 }), fc.array(delay, { maxLength: 100 }), (initial, followUps) => {
        const clock = new VirtualClock<number>();
        const scheduled: number[] = [];
        for (const d of initial) {
          clock.after(d, 1, 0);
          scheduled.push(d);
        }
        const stepped: number[] = [];
        let next = 0;
        while (clock.step()) {
          stepped.push(clock.nowMs());
          if (next < followUps.length) {
            const at = clock.nowMs() + followUps[next++];
            clock.at(at, 2, 0);
            scheduled.push(at);
          }
        }
        scheduled.sort((a, b) => a - b);
        return stepped.length === scheduled.length && stepped.every((t, k) => t === scheduled[k]);
      }),
    );
  });

  it('refuses to schedule in the past and to skip a pending event', () => {
    const clock = new VirtualClock(100);
    expect(() => clock.at(99, 0, null)).toThrow(RangeError);
    expect(() => clock.after(-1, 0, null)).toThrow(RangeError);
    expect(() => clock.at(NaN, 0, null)).toThrow(RangeError);
    clock.at(200, 0, null);
    expect(() => clock.advanceTo(201)).toThrow(RangeError);
    expect(() => clock.advanceTo(50)).toThrow(RangeError);
    clock.advanceTo(150);
    expect(clock.nowMs()).toBe(150);
  });

  it('step(limit) delivers only events due by the limit', () => {
    const clock = new VirtualClock<string>();
    clock.at(10, 1, 'a');
    clock.at(10, 2, 'b');
    clock.at(30, 3, 'c');
    const seen: string[] = [];
    while (clock.step(20)) seen.push(`${clock.nowMs()}:${clock.eventKind}:${clock.eventRef}`);
    expect(seen).toEqual(['10:1:a', '10:2:b']);
    expect(clock.nowMs()).toBe(10);
    expect(clock.step()).toBe(true);
    expect(clock.eventRef).toBe('c');
    expect(clock.step()).toBe(false);
  });
});
