// One scenario, one run, one report: what tests call. It goes the same way as
// `cctwin run` (one replication, encoded and merged), so both give one report.
import type { Scenario } from '../../scenarios/scenario.js';
import type { Report } from '../../reports/report.js';
import { buildMergedReport } from '../../reports/merged-report.js';
import { toReplicationResult } from '../../reports/replication.js';
import { runScenario, type RunOptions } from './virtual-runner.js';

export function simulate(scenario: Scenario, options: RunOptions = {}): Report {
  const o = runScenario(scenario, options);
  const result = toReplicationResult(0, o.seed, o.recorder, {
    occupancy: o.occupancy, agents: o.agents, simulatedMs: o.simulatedMs, events: o.events, wallMs: o.wallMs,
    intervals: o.intervals, timeSeries: o.timeSeries,
  });
  return buildMergedReport([result], {
    scenario: scenario.name, seed: o.seed, serviceLevelThresholdMs: scenario.serviceLevelThresholdMs,
    warmupMs: scenario.warmupMs, wallMs: o.wallMs,
  });
}
