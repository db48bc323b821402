// Poisson arrivals with a piecewise-constant rate, exact: each gap is an
// Exp(1) amount of integrated rate, spent walking forward through the pieces
// (the process is memoryless, so a fresh draw per arrival is exact). Give it
// its own rng stream so arrivals do not shift when other draws change.
import type { RatePiece } from '../../scenarios/scenario.js';
import type { Rng } from '../random/prng.js';

export interface ArrivalProcess {
  /** Time in ms of the next arrival, or Infinity once arrivals are over. */
  next(): number;
}

/**
 * Arrivals from t = 0 up to (not including) `endMs`. Before the first piece
 * the rate is zero; each piece holds until the next one's `fromMs`.
 */
export function createArrivalProcess(pieces: readonly RatePiece[], endMs: number, rng: Rng): ArrivalProcess {
  checkPieces(pieces, endMs);
  const fromMs = Float64Array.from(pieces, (p) => p.fromMs);
  const perMs = Float64Array.from(pieces, (p) => p.perSecond / 1000);
  const n = pieces.length;
  let t = 0;
  // Index of the piece holding at t; -1 for the zero-rate stretch before the first.
  let i = -1;
  while (i + 1 < n && fromMs[i + 1] <= t) i++;

  return {
    next(): number {
      if (t >= endMs) return Infinity;
      let mass = -Math.log1p(-rng.next());
      for (;;) {
        const rate = i < 0 ? 0 : perMs[i];
        const pieceEnd = i + 1 < n ? fromMs[i + 1] : Infinity;
        const limit = pieceEnd < endMs ? pieceEnd : endMs;
        if (rate > 0) {
          const at = t + mass / rate;
          if (at < limit) {
            t = at;
            return t;
          }
          // Rounding could leave a hair below zero; an arrival never precedes t.
          mass = Math.max(0, mass - rate * (limit - t));
        }
        t = limit;
        if (t >= endMs) return Infinity;
        i++;
      }
    },
  };
}

function checkPieces(pieces: readonly RatePiece[], endMs: number): void {
  if (!(endMs >= 0)) throw new RangeError(`arrivals end time must be >= 0 ms, got ${endMs}`);
  let prev = -Infinity;
  for (const p of pieces) {
    if (!Number.isFinite(p.fromMs)) throw new RangeError(`rate piece start must be finite, got ${p.fromMs}`);
    if (p.fromMs < prev) throw new RangeError(`rate pieces must be sorted by start time (${p.fromMs} ms after ${prev} ms)`);
    if (!(p.perSecond >= 0 && p.perSecond < Infinity)) throw new RangeError(`arrival rate must be finite and >= 0, got ${p.perSecond}/s`);
    prev = p.fromMs;
  }
}
