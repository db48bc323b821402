// The socket thread's one handle on the engine, wherever it runs: on a worker
// thread (worker-engine-link.ts) or in-process (below). Batches go in and
// come back in order; what the clock causes arrives on its own.
import { EngineHost } from './engine-host.js';
import type { EngineHostConfig, HostOp, HostOutcome } from './host-ops.js';
import type { HostState, HostSummary } from './host-snapshot.js';

export type EngineThread = 'worker' | 'main';

export interface EngineLink {
  readonly thread: EngineThread;
  /** Runs the ops in order; `done` is called once, in submission order across calls. */
  submit(ops: HostOp[], done: (outcome: HostOutcome) => void): void;
  summary(): Promise<HostSummary>;
  state(): Promise<HostState>;
  /** Stops the engine's timers and, on a worker, the worker. */
  close(): Promise<void>;
}

export interface LinkHandlers {
  /** Frames caused by the clock: RONA, agents released after their grace period. */
  onSpontaneous(outcome: HostOutcome): void;
  /** The engine is gone (a worker died): the server cannot go on. */
  onFatal(err: Error): void;
}

export class InlineEngineLink implements EngineLink {
  readonly thread = 'main' as const;
  private readonly host: EngineHost;

  constructor(config: EngineHostConfig, handlers: LinkHandlers) {
    this.host = new EngineHost(config, (o) => handlers.onSpontaneous(o));
  }

  submit(ops: HostOp[], done: (outcome: HostOutcome) => void): void {
    done(this.host.runBatch(ops));
  }

  async summary(): Promise<HostSummary> {
    return this.host.summary();
  }

  async state(): Promise<HostState> {
    return this.host.state();
  }

  async close(): Promise<void> {
    this.host.close();
  }
}
