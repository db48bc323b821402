// What the socket thread counts: frames in and out, errors by code, closes by
// reason, batches, and the latency of a command from its frame's arrival to
// its answer (decode, batch, engine, encode).
//
// Each server has its own prom-client registry (tests run several servers in
// one process). Hot-path counts stay plain numbers, bumped by the sessions,
// the hub and the batcher and copied into their counters when /metrics is
// scraped (metrics-page.ts); latencies go straight into Histograms.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { startLoopDelayMonitor, type LoopDelayMonitor } from './loop-delay.js';

export type Role = 'agent' | 'customer';

/** Frame arrival to its ack or error: a few ms at rest, tens under load (server/README.md). */
export const ROUND_TRIP_BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5];
/** A batch to the engine and back: about 0.1 ms for the thread hop at rest, more as batches grow. */
/** A routing command takes microseconds; a big history or a GC pause, milliseconds. */
export const ENGINE_COMMAND_BUCKETS = [0.000001, 0.0000025, 0.000005, 0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.005, 0.025];
export const BATCH_ROUND_TRIP_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

// Process-wide figures (CPU, memory, handles, GC, the socket thread's
// event-loop lag) are collected once per process, not per server: each
// collectDefaultMetrics call starts a GC observer and a loop-delay monitor
// that cannot be stopped, and they describe the process whichever of its
// servers is scraped.
let processMetrics: Registry | undefined;

/** The process and Node runtime metrics, started with the first server. */
export function processRegistry(): Registry {
  if (processMetrics === undefined) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  return processMetrics;
}

export class ServerMetrics {
  /** This server's metrics; the process's (processRegistry) follow them on the page (metrics-page.ts). */
  readonly registry = new Registry();
  readonly framesIn: Record<Role, number> = { agent: 0, customer: 0 };
  readonly framesOut: Record<Role, number> = { agent: 0, customer: 0 };
  /** Frames for a participant with no open connection (a customer away, an agent reconnecting). */
  framesUndelivered = 0;
  batches = 0;
  batchedOps = 0;
  readonly loop: LoopDelayMonitor = startLoopDelayMonitor();
  readonly startedAtMs = Date.now();

  constructor() {
    // Started now, so the runtime's loop-lag figures have samples by the first scrape.
    processRegistry();
  }

  private readonly errors = new Counter({
    name: 'cctwin_errors_total', help: 'Error answers (frames, refused upgrades and HTTP calls) by code',
    labelNames: ['code'], registers: [this.registry],
  });

  private readonly closes = new Counter({
    name: 'cctwin_connections_closed_total', help: 'Connections the server closed, by reason',
    labelNames: ['reason'], registers: [this.registry],
  });

  private readonly roundTrip = new Histogram({
    name: 'cctwin_command_round_trip_seconds',
    help: 'Frame arrival to its ack or error: decode, batch, engine, encode',
    buckets: ROUND_TRIP_BUCKETS, registers: [this.registry],
  });

  /** Made on the first batch reported (recordBatchRoundTrip), so the page never shows a latency nobody measures. */
  private batchRoundTrip: Histogram | undefined;
  /** Made on the first command reported, like batchRoundTrip. */
  private engineCommand: Histogram<'command'> | undefined;

  error(code: string): void {
    this.errors.inc({ code });
  }

  closed(reason: string): void {
    this.closes.inc({ reason });
  }

  /** `startedAt`: performance.now() when the frame arrived. */
  recordRoundTrip(startedAt: number): void {
    this.roundTrip.observe((performance.now() - startedAt) / 1000);
  }

  /** `sentAt`: performance.now() when the batch left for the engine; call when its outcome is back. */
  /** The engine's time for each command of an outcome (measured where the engine runs), by command type. */
  recordEngineCommands(outcome: { commandTypes?: string[]; commandNs?: number[] }): void {
    const types = outcome.commandTypes;
    const ns = outcome.commandNs;
    if (types === undefined || ns === undefined) return;
    this.engineCommand ??= new Histogram({
      name: 'cctwin_engine_command_duration_seconds',
      help: 'Time the engine took for one command, by command type (measured on the engine thread)',
      labelNames: ['command'], buckets: ENGINE_COMMAND_BUCKETS, registers: [this.registry],
    });
    for (let i = 0; i < types.length; i++) this.engineCommand.observe({ command: types[i]! }, ns[i]! / 1e9);
  }

  recordBatchRoundTrip(sentAt: number): void {
    this.batchRoundTrip ??= new Histogram({
      name: 'cctwin_engine_batch_round_trip_seconds',
      help: 'A batch of operations from the socket thread to the engine and back (thread hop, engine, frames)',
      buckets: BATCH_ROUND_TRIP_BUCKETS, registers: [this.registry],
    });
    this.batchRoundTrip.observe((performance.now() - sentAt) / 1000);
  }
}
