// What a connection's handlers share: the hub, the batcher, the limits, and
// whether the server is draining.
import type { CommandBatcher } from './command-batcher.js';
import type { ResolvedOptions } from './server-options.js';
import type { ServerMetrics } from './server-metrics.js';
import type { SocketHub } from './socket-hub.js';

export interface SessionContext {
  hub: SocketHub;
  batcher: CommandBatcher;
  metrics: ServerMetrics;
  options: ResolvedOptions;
  /** True once shutdown began: frames are no longer taken. */
  draining(): boolean;
}
