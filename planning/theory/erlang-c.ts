// Erlang C (M/M/c): customers wait as long as it takes.
import { erlangB } from './erlang-b.js';
import type { QueueFigures, QueueInputs } from './erlang.js';

export function erlangCFigures(i: QueueInputs): QueueFigures {
  const c = i.agents;
  const load = i.arrivalRatePerSecond * i.handleTimeSeconds;
  if (load >= c) {
    // Every agent always busy, the queue grows for ever: nobody is answered in time in the long run.
    return {
      model: 'erlang-c', offeredLoadErlangs: load, stable: false,
      waitProbability: 1, serviceLevel: 0, averageSpeedOfAnswerSeconds: Infinity, abandonRate: 0, occupancy: 1,
    };
  }
  const b = erlangB(c, load);
  // min: near c = A, rounding can put it an ulp above 1.
  const waitProbability = Math.min(1, (c * b) / (c - load * (1 - b)));
  // Waits beyond 0 are exponential with rate (c - A) / handle time.
  const drainPerSecond = (c - load) / i.handleTimeSeconds;
  return {
    model: 'erlang-c',
    offeredLoadErlangs: load,
    stable: true,
    waitProbability,
    serviceLevel: 1 - waitProbability * Math.exp(-drainPerSecond * i.serviceLevelThresholdSeconds),
    averageSpeedOfAnswerSeconds: waitProbability / drainPerSecond,
    abandonRate: 0,
    occupancy: load / c,
  };
}
