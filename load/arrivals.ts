// The open arrival model of a load run: each stream's Poisson arrival times
// (sim/arrivals/poisson.ts, the virtual runner's process, from the same seed
// streams) become scheduled moments on the run's clock. Each arrival is
// handed the moment it is DUE, and the next one is scheduled from the
// process, never from when the generator got round to this one: a slow
// generator sends late but never thins or shifts the schedule.
import type { RatePiece } from '../scenarios/scenario.js';
import { createArrivalProcess } from '../sim/arrivals/poisson.js';
import { createRng, deriveSeed } from '../sim/random/prng.js';
import type { Scheduler } from './scheduler.js';

export interface ArrivalStreamSpec {
  arrivals: readonly RatePiece[];
}

export interface ArrivalOptions {
  /** Arrivals stop here (scenario ms on the run clock, from `originMs`). */
  endMs: number;
  /** The run clock's reading at scenario time 0. */
  originMs: number;
  /** How much before its due moment an arrival is called (to open its socket). */
  leadMs: number;
  seed: number;
}

/**
 * Calls `arrive(streamIndex, dueMs)` `leadMs` before each arrival is due, and
 * `done()` once every stream has had its last.
 */
export function scheduleArrivals(
  streams: readonly ArrivalStreamSpec[], scheduler: Scheduler, options: ArrivalOptions,
  arrive: (streamIndex: number, dueMs: number) => void, done: () => void,
): void {
  let live = streams.length;
  if (live === 0) return done();
  const finishOne = (): void => {
    if (--live === 0) done();
  };
  streams.forEach((stream, i) => {
    const process = createArrivalProcess(stream.arrivals, options.endMs, createRng(deriveSeed(options.seed, 'arrivals', i)));
    const next = (): void => {
      const t = process.next();
      if (!Number.isFinite(t)) return finishOne();
      const dueMs = options.originMs + t;
      // Never before the origin: the first arrivals open their sockets as the run starts.
      scheduler.at(Math.max(options.originMs, dueMs - options.leadMs), () => {
        arrive(i, dueMs);
        next();
      });
    };
    next();
  });
}
