// What the socket thread counts: frames in and out, errors by code, closes by
// reason, batches, and the round trip of a command from its frame's arrival
// to its answer (decode, batch, engine, encode).
import { createLatencyHistogram, recordValue, type LatencyHistogram } from '../../reports/histogram.js';
import { startLoopDelayMonitor, type LoopDelayMonitor } from './loop-delay.js';

export type Role = 'agent' | 'customer';

export class ServerMetrics {
  readonly framesIn: Record<Role, number> = { agent: 0, customer: 0 };
  readonly framesOut: Record<Role, number> = { agent: 0, customer: 0 };
  /** Frames for a participant with no open connection (a customer away, an agent reconnecting). */
  framesUndelivered = 0;
  readonly errors = new Map<string, number>();
  readonly closes = new Map<string, number>();
  batches = 0;
  batchedOps = 0;
  /** Frame arrival to its ack or error, in microseconds. */
  readonly roundTrip: LatencyHistogram = createLatencyHistogram('us');
  readonly loop: LoopDelayMonitor = startLoopDelayMonitor();
  readonly startedAtMs = Date.now();

  error(code: string): void {
    this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
  }

  closed(reason: string): void {
    this.closes.set(reason, (this.closes.get(reason) ?? 0) + 1);
  }

  recordRoundTrip(startedAt: number): void {
    recordValue(this.roundTrip, (performance.now() - startedAt) * 1000);
  }
}
