// The seed of each replication, apart from the runner so that the pool can
// plan tasks without loading the simulation (pipeline/threads/pool.ts stays light).
import { deriveSeed } from '../../sim/random/prng.js';

/** Replication 0 runs on the scenario's seed, so one replication reproduces a plain run. */
export function replicationSeed(baseSeed: number, index: number): number {
  return index === 0 ? baseSeed : deriveSeed(baseSeed, 'replication', index);
}
