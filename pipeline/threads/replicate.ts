// One replication of a scenario, in whatever thread runs it: the same seed
// gives the same result on any thread, so the merged report does not depend
// on how many threads computed it.
import type { Scenario } from '../../scenarios/scenario.js';
import { createMasker } from '../../engine/masking/index.js';
import { toReplicationResult, type ReplicationResult } from '../../reports/replication.js';
import { runScenario, type RouteTiming, type RunOptions } from '../../sim/runner/virtual-runner.js';
import { progressWriter, type ProgressSlot } from './task-progress.js';

export { replicationSeed } from './seeds.js';

export interface ReplicationTask {
  scenario: Scenario;
  index: number;
  seed: number;
  checkInvariants?: boolean;
  /** How engine.route is sampled (a timing pass times every call). */
  timing?: RouteTiming;
  /** Where to write the simulated time reached, for a progress bar (a shared buffer, so it works from a worker). Absent: no progress kept. */
  progress?: ProgressSlot;
}

/**
 * `hook` (the runner's onProgress) works only in-process: a function cannot
 * travel to a worker. `task.progress` works on any thread.
 */
export function runReplication(task: ReplicationTask, hook?: RunOptions['onProgress']): ReplicationResult {
  const masker = createMasker(task.scenario.tenant.maskSensitiveData);
  const onProgress = progressHook(task.progress, hook);
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

/** The runner's onProgress: writes the task's slot (first, so a hook that redraws reads it), then calls the hook; none when neither is asked for. */
function progressHook(slot: ProgressSlot | undefined, hook: RunOptions['onProgress']): RunOptions['onProgress'] {
  if (slot === undefined) return hook;
  const write = progressWriter(slot);
  if (hook === undefined) return write;
  return (simulatedMs, events) => {
    write(simulatedMs);
    hook(simulatedMs, events);
  };
}
