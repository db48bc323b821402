// Staffing over the day, in one shape whatever the file wrote: a constant
// count, pieces of count, or overlapping shifts all become StaffingPiece[]
// (first at 0, each holding until the next, consecutive counts different).
import type { StaffingPiece } from './scenario.js';

/** A shift with its times already in ms: its agents are on from `startMs` (included) to `endMs` (excluded). */
export interface ShiftMs {
  startMs: number;
  endMs: number;
  count: number;
}

/** Pieces as the file gives them (first at 0, increasing), with equal neighbours merged. */
export function staffingFromPieces(pieces: readonly StaffingPiece[]): StaffingPiece[] {
  const merged: StaffingPiece[] = [];
  for (const p of pieces) {
    if (merged.at(-1)?.count !== p.count) merged.push({ fromMs: p.fromMs, count: p.count });
  }
  return merged;
}

/** Agents on at t = the sum of the counts of the shifts with startMs <= t < endMs; 0 where no shift runs. */
export function staffingFromShifts(shifts: readonly ShiftMs[]): StaffingPiece[] {
  const change = new Map<number, number>([[0, 0]]);
  for (const s of shifts) {
    if (s.endMs <= s.startMs || s.count === 0) continue;
    change.set(s.startMs, (change.get(s.startMs) ?? 0) + s.count);
    change.set(s.endMs, (change.get(s.endMs) ?? 0) - s.count);
  }
  let on = 0;
  const pieces = [...change.entries()].sort(([a], [b]) => a - b).map(([fromMs, delta]) => ({ fromMs, count: (on += delta) }));
  return staffingFromPieces(pieces);
}

/** The most agents on at any time: how many agents the group needs in all. */
export function peakCount(staffing: readonly StaffingPiece[]): number {
  return staffing.reduce((peak, p) => Math.max(peak, p.count), 0);
}

/** Agents on at `atMs`. */
export function staffedAt(staffing: readonly StaffingPiece[], atMs: number): number {
  return staffing.findLast((p) => p.fromMs <= atMs)?.count ?? 0;
}
