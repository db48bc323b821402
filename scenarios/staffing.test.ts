import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StaffingPiece } from './scenario.js';
import { peakCount, staffedAt, staffingFromPieces, staffingFromShifts, type ShiftMs } from './staffing.js';

const H = 3_600_000;

/** The definition the pieces must agree with: shifts running at t, start included, end excluded. */
const onShiftAt = (shifts: readonly ShiftMs[], t: number): number =>
  shifts.reduce((n, s) => (s.startMs <= t && t < s.endMs ? n + s.count : n), 0);

/** What every normalized staffing must be: first at 0, increasing, neighbours different, whole counts. */
function expectWellFormed(staffing: readonly StaffingPiece[]): void {
  expect(staffing[0]?.fromMs).toBe(0);
  staffing.forEach((p, i) => {
    expect(Number.isInteger(p.count) && p.count >= 0).toBe(true);
    if (i > 0) {
      expect(p.fromMs).toBeGreaterThan(staffing[i - 1].fromMs);
      expect(p.count).not.toBe(staffing[i - 1].count);
    }
  });
}

const shiftArb = fc.record({ startH: fc.nat(30), lengthH: fc.integer({ min: 1, max: 12 }), count: fc.nat(50) })
  .map(({ startH, lengthH, count }): ShiftMs => ({ startMs: startH * H, endMs: (startH + lengthH) * H, count }));

describe('staffingFromShifts', () => {
  it('sums overlapping shifts: start included, end excluded', () => {
    const shifts = [{ startMs: 0, endMs: 8 * H, count: 30 }, { startMs: 4 * H, endMs: 12 * H, count: 25 }];
    expect(staffingFromShifts(shifts)).toEqual([
      { fromMs: 0, count: 30 },
      { fromMs: 4 * H, count: 55 },
      { fromMs: 8 * H, count: 25 },
      { fromMs: 12 * H, count: 0 },
    ]);
  });

  it('starts with nobody on before the first shift, and merges back-to-back shifts of the same size', () => {
    const shifts = [{ startMs: 6 * H, endMs: 14 * H, count: 20 }, { startMs: 14 * H, endMs: 22 * H, count: 20 }];
    expect(staffingFromShifts(shifts)).toEqual([
      { fromMs: 0, count: 0 },
      { fromMs: 6 * H, count: 20 },
      { fromMs: 22 * H, count: 0 },
    ]);
  });

  it('agrees with the definition at every time, in well-formed pieces', () => {
    fc.assert(fc.property(fc.array(shiftArb, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(44 * 2), { maxLength: 30 }), (shifts, halfHours) => {
      const staffing = staffingFromShifts(shifts);
      expectWellFormed(staffing);
      const times = [...halfHours.map((k) => k * H / 2), ...shifts.flatMap((s) => [s.startMs, s.endMs, s.endMs - 1])];
      for (const t of times) expect(staffedAt(staffing, t)).toBe(onShiftAt(shifts, t));
      expect(peakCount(staffing)).toBe(Math.max(...shifts.map((s) => onShiftAt(shifts, s.startMs))));
    }));
  });

  it('does not depend on the order the shifts are listed in', () => {
    fc.assert(fc.property(fc.array(shiftArb, { maxLength: 8 }), (shifts) => {
      expect(staffingFromShifts([...shifts].reverse())).toEqual(staffingFromShifts(shifts));
    }));
  });
});

describe('staffingFromPieces', () => {
  it('keeps pieces as given, merging neighbours of the same count', () => {
    expect(staffingFromPieces([{ fromMs: 0, count: 40 }, { fromMs: 4 * H, count: 60 }, { fromMs: 6 * H, count: 60 }, { fromMs: 8 * H, count: 0 }]))
      .toEqual([{ fromMs: 0, count: 40 }, { fromMs: 4 * H, count: 60 }, { fromMs: 8 * H, count: 0 }]);
  });

  it('holds the same count as the pieces given at every time', () => {
    const piecesArb = fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.nat(3)), { minLength: 1, maxLength: 12 }).map((steps) => {
      let at = 0;
      return steps.map(([gapH, count], i) => ({ fromMs: i === 0 ? 0 : (at += gapH * H), count }));
    });
    fc.assert(fc.property(piecesArb, (pieces) => {
      const staffing = staffingFromPieces(pieces);
      expectWellFormed(staffing);
      for (const p of pieces) expect(staffedAt(staffing, p.fromMs)).toBe(p.count);
      expect(peakCount(staffing)).toBe(Math.max(...pieces.map((p) => p.count)));
    }));
  });
});
