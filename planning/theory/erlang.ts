// Analytic figures for one queue with Poisson arrivals, exponential handle
// times and c agents: Erlang C (customers never give up, M/M/c) or Erlang A
// (exponential patience, M/M/c+M). Plain data in, plain data out; the
// definitions match the report's (docs/report.md).
import { erlangAFigures } from './erlang-a.js';
import { erlangCFigures } from './erlang-c.js';

export interface QueueInputs {
  arrivalRatePerSecond: number;
  handleTimeSeconds: number;
  /** Agents, each holding one conversation at a time. */
  agents: number;
  /** Mean patience (exponential); absent: customers never abandon (Erlang C). */
  patienceSeconds?: number;
  serviceLevelThresholdSeconds: number;
}

export interface QueueFigures {
  model: 'erlang-c' | 'erlang-a';
  /** Arrival rate x handle time, in Erlangs. */
  offeredLoadErlangs: number;
  /** False when Erlang C's queue grows without bound (load >= agents). Erlang A is always stable. */
  stable: boolean;
  /** Share of arrivals not answered at once. */
  waitProbability: number;
  /** Answered within the threshold / (answered + abandoned). */
  serviceLevel: number;
  /** Mean wait of the answered ones (immediate answers count as 0); Infinity when unstable. */
  averageSpeedOfAnswerSeconds: number;
  /** abandoned / (answered + abandoned); 0 for Erlang C. */
  abandonRate: number;
  /** Load actually served per agent: arrival rate x P(answered) x handle time / agents. */
  occupancy: number;
}

export function queueFigures(inputs: QueueInputs): QueueFigures {
  checkInputs(inputs);
  return inputs.patienceSeconds === undefined ? erlangCFigures(inputs) : erlangAFigures(inputs);
}

export function checkInputs(i: QueueInputs): void {
  const positive = (name: string, x: number) => {
    if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`${name} must be a finite number above 0, got ${x}`);
  };
  positive('arrival rate', i.arrivalRatePerSecond);
  positive('handle time', i.handleTimeSeconds);
  if (!Number.isInteger(i.agents) || i.agents < 1) throw new RangeError(`agents must be a whole number >= 1, got ${i.agents}`);
  if (i.patienceSeconds !== undefined) positive('patience', i.patienceSeconds);
  if (!(i.serviceLevelThresholdSeconds >= 0) || !Number.isFinite(i.serviceLevelThresholdSeconds)) {
    throw new RangeError(`service-level threshold must be a finite number >= 0, got ${i.serviceLevelThresholdSeconds}`);
  }
}
