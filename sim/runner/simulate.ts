// One scenario, one run, one report: what `cctwin run` and the tests call.
import type { Scenario } from '../../scenarios/scenario.js';
import type { Report } from '../../reports/report.js';
import { buildReport } from '../../reports/build-report.js';
import { runScenario, type RunOptions } from './virtual-runner.js';

export function simulate(scenario: Scenario, options: RunOptions = {}): Report {
  const outcome = runScenario(scenario, options);
  return buildReport(outcome.recorder, {
    scenario: scenario.name,
    seed: outcome.seed,
    replications: 1,
    simulatedMs: outcome.simulatedMs,
    events: outcome.events,
    wallMs: outcome.wallMs,
    agents: outcome.agents,
    occupancy: outcome.occupancy,
    serviceLevelThresholdMs: scenario.serviceLevelThresholdMs,
  });
}
