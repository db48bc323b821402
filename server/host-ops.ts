// What the socket thread asks of the engine host, and what it gets back.
// Plain data only: these cross the thread boundary by structured clone.
import type { Command } from '../engine/commands.js';
import type { EngineConfig } from '../engine/engine.js';
import type { CctwinError } from '../engine/errors.js';
import type { Deliveries } from './deliveries.js';

export type HostOp =
  | { op: 'engine'; cmd: Command; atMs: number }
  /** The customer's own open conversation, looked up where the engine state is. */
  | { op: 'customerEnd' | 'customerAbandon'; assetId: string; customerId: string; atMs: number }
  | { op: 'agentConnected' | 'agentDisconnected'; agentId: string; atMs: number };

/**
 * One batch's result: per op, null (done) or the refusal; the frames to send,
 * in order, with `ends[i]` the end of op i's frames so acks can follow them.
 */
export interface HostOutcome extends Deliveries {
  results: (CctwinError | null)[];
  ends: number[];
}

/** How to build the engine, in plain data (the masker is made where the engine lives). */
export interface EngineHostConfig {
  engine: Omit<EngineConfig, 'mask'>;
  /** Administrator commands run once at start: assets, agents. */
  setup: Command[];
  /** How long a disconnected agent keeps its conversations. */
  reconnectGraceMs: number;
}
