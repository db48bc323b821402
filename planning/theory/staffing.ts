// The fewest agents that meet a service-level target, by the Erlang formulas.
import { checkInputs, queueFigures, type QueueFigures, type QueueInputs } from './erlang.js';

// Far beyond any contact center; only a target within rounding of 1 gets here.
const MAX_AGENTS = 10_000_000;

export interface StaffingResult {
  agents: number;
  figures: QueueFigures;
}

/**
 * Service level only grows with agents, so: double until the target is met,
 * then bisect. Erlang C starts above the offered load (fewer is unstable).
 */
export function agentsForServiceLevel(
  arrivalRatePerSecond: number,
  handleTimeSeconds: number,
  serviceLevelTarget: number,
  serviceLevelThresholdSeconds: number,
  patienceSeconds?: number,
): StaffingResult {
  if (!(serviceLevelTarget > 0 && serviceLevelTarget < 1)) {
    throw new RangeError(`the service-level target must be above 0 and below 1, got ${serviceLevelTarget}`);
  }
  const at = (agents: number): QueueFigures =>
    queueFigures({ arrivalRatePerSecond, handleTimeSeconds, agents, patienceSeconds, serviceLevelThresholdSeconds });
  const probe: QueueInputs = { arrivalRatePerSecond, handleTimeSeconds, agents: 1, patienceSeconds, serviceLevelThresholdSeconds };
  checkInputs(probe);

  const load = arrivalRatePerSecond * handleTimeSeconds;
  let low = patienceSeconds === undefined ? Math.floor(load) : 0; // known to miss (or impossible)
  let high = Math.max(low + 1, 1);
  let highFigures = at(high);
  while (highFigures.serviceLevel < serviceLevelTarget) {
    if (high > MAX_AGENTS) throw new RangeError(`no staffing up to ${MAX_AGENTS} agents meets ${serviceLevelTarget}`);
    low = high;
    high *= 2;
    highFigures = at(high);
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    const figures = at(mid);
    if (figures.serviceLevel >= serviceLevelTarget) {
      high = mid;
      highFigures = figures;
    } else {
      low = mid;
    }
  }
  return { agents: high, figures: highFigures };
}
