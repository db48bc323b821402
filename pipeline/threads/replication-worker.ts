// The piscina worker: runs one replication per task and sends back plain
// numbers and encoded histograms.
import { runReplication, type ReplicationTask } from './replicate.js';
import type { ReplicationResult } from '../../reports/replication.js';

export default function replicationWorker(task: ReplicationTask): ReplicationResult {
  return runReplication(task);
}
