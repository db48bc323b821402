// Gathers operations into batches for the engine, then hands each op's
// frames to the hub and its result to whoever sent it, in order. A batch
// leaves at the end of the event-loop turn, unless one is still with the
// engine: then ops gather until it returns and leave together at once
// ("smart batching"). Under load batches grow instead of thread hops
// multiplying (profiled: postMessage per small batch cost the socket thread
// more than the engine work it moved away); when idle, a frame waits for no
// more than one turn.
import type { CctwinError } from '../engine/errors.js';
import type { EngineLink } from './engine-link.js';
import type { HostOp, HostOutcome } from './host-ops.js';
import type { ServerMetrics } from './server-metrics.js';
import type { SocketHub } from './socket-hub.js';

export type OpDone = (result: CctwinError | null) => void;

export class CommandBatcher {
  private ops: HostOp[] = [];
  private dones: OpDone[] = [];
  private scheduled = false;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly link: EngineLink,
    private readonly hub: SocketHub,
    private readonly metrics: ServerMetrics,
    private readonly maxInFlight = 1,
  ) {}

  push(op: HostOp, done: OpDone): void {
    this.ops.push(op);
    this.dones.push(done);
    if (!this.scheduled && this.inFlight < this.maxInFlight) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Frames the engine's clock caused. */
  deliverSpontaneous(outcome: HostOutcome): void {
    this.metrics.recordEngineCommands(outcome);
    this.hub.deliver(outcome, 0, outcome.frames.length);
  }

  /** Resolves once nothing is queued or waiting for the engine. */
  idle(): Promise<void> {
    this.flush();
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private flush(): void {
    this.scheduled = false;
    if (this.ops.length === 0 || this.inFlight >= this.maxInFlight) return;
    const ops = this.ops;
    const dones = this.dones;
    this.ops = [];
    this.dones = [];
    this.inFlight++;
    this.metrics.batches++;
    this.metrics.batchedOps += ops.length;
    const sentAt = performance.now();
    this.link.submit(ops, (outcome) => this.settle(outcome, dones, sentAt));
  }

  private settle(outcome: HostOutcome, dones: OpDone[], sentAt: number): void {
    this.metrics.recordBatchRoundTrip(sentAt);
    this.metrics.recordEngineCommands(outcome);
    let from = 0;
    for (let i = 0; i < dones.length; i++) {
      const to = outcome.ends[i]!;
      this.hub.deliver(outcome, from, to);
      from = to;
      dones[i]!(outcome.results[i]!);
    }
    this.inFlight--;
    if (this.ops.length > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    if (this.inFlight === 0 && this.ops.length === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }
}
