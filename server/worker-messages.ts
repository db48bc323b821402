// Messages between the socket thread and the engine worker.
import type { HostOp, HostOutcome } from './host-ops.js';

export type ToWorker =
  | { kind: 'batch'; ops: HostOp[] }
  | { kind: 'summary' | 'state' | 'close'; id: number };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'batch'; outcome: HostOutcome }
  | { kind: 'spontaneous'; outcome: HostOutcome }
  | { kind: 'reply'; id: number; value: unknown };
