// One replication of a scenario, in whatever thread runs it: the same seed
// gives the same result on any thread, so the merged report does not depend
// on how many threads computed it.
import type { Scenario } from '../../scenarios/scenario.js';
import { createMasker } from '../../engine/masking/index.js';
import { toReplicationResult, type ReplicationResult } from '../../reports/replication.js';
import { deriveSeed } from '../random/prng.js';
import { runScenario, type RouteTiming, type RunOptions } from '../runner/virtual-runner.js';

/** Replication 0 runs on the scenario's seed, so one replication reproduces a plain run. */
export function replicationSeed(baseSeed: number, index: number): number {
  return index === 0 ? baseSeed : deriveSeed(baseSeed, 'replication', index);
}

export interface ReplicationTask {
  scenario: Scenario;
  index: number;
  seed: number;
  checkInvariants?: boolean;
  /** How engine.route is sampled (a timing pass times every call). */
  timing?: RouteTiming;
}

/** `onProgress` reaches the runner only in-process (a function cannot travel to a worker). */
export function runReplication(task: ReplicationTask, onProgress?: RunOptions['onProgress']): ReplicationResult {
  const masker = createMasker(task.scenario.tenant.maskSensitiveData);
  const outcome = runScenario(task.scenario, {
    seed: task.seed,
    checkInvariants: task.checkInvariants === true,
    mask: (text) => masker.mask(text),
    ...(task.timing ? { timing: task.timing } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  return toReplicationResult(task.index, task.seed, outcome.recorder, {
    occupancy: outcome.occupancy,
    agents: outcome.agents,
    simulatedMs: outcome.simulatedMs,
    events: outcome.events,
    wallMs: outcome.wallMs,
    intervals: outcome.intervals,
    timeSeries: outcome.timeSeries,
  });
}
