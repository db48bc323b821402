// A workforce forecast (conversations expected per interval, from time 0) as
// the piecewise-constant Poisson rate the simulator draws arrivals from.
import type { RatePiece } from './scenario.js';

/**
 * Interval k holds volumes[k] / (interval in seconds) per second; after the
 * last interval the rate is 0. Neighbours with equal rates are merged.
 */
export function ratePiecesFromVolumes(intervalMs: number, volumes: readonly number[]): RatePiece[] {
  const seconds = intervalMs / 1000;
  const pieces: RatePiece[] = [];
  const push = (fromMs: number, perSecond: number): void => {
    if (pieces.at(-1)?.perSecond !== perSecond) pieces.push({ fromMs, perSecond });
  };
  volumes.forEach((volume, k) => push(k * intervalMs, volume / seconds));
  push(volumes.length * intervalMs, 0);
  return pieces;
}

/** Conversations expected between 0 and `endMs`: the integral of the rate. */
export function expectedArrivals(pieces: readonly RatePiece[], endMs: number): number {
  return pieces.reduce((total, p, i) => {
    const untilMs = Math.min(pieces[i + 1]?.fromMs ?? Infinity, endMs);
    return untilMs > p.fromMs ? total + p.perSecond * (untilMs - p.fromMs) / 1000 : total;
  }, 0);
}
