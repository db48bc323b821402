// The engine's owner in real time: runs batches of operations against one
// Engine, sets RONA and reconnection timers on the real clock, and turns
// events into frames. The same class runs on the engine worker thread or,
// with `--engine-thread main`, on the socket thread.
import { createMasker, Engine, ERRORS, type CctwinError, type Command, type EngineEvent } from '../engine/index.js';
import { createLatencyHistogram, recordValue, summarize, type HistogramSummary, type LatencyHistogram } from '../reports/histogram.js';
import { agentDeskFrames } from './agent-desk.js';
import { emptyDeliveries, type Deliveries } from './deliveries.js';
import { releaseCommands } from './disconnect-release.js';
import { EventFrames } from './event-frames.js';
import { countEvent, emptyCounts, type HostCounts } from './host-counts.js';
import type { EngineHostConfig, HostOp, HostOutcome } from './host-ops.js';
import { agentsByState, agentViews, assetViews, conversationsByState, conversationViews, queueViews, type HostState, type HostSummary } from './host-snapshot.js';

/** The idle reason the server sets on an available agent whose desktop went away. */
export const DISCONNECTED_REASON = 'Disconnected';

export type Clock = () => number;

export class EngineHost {
  private readonly engine: Engine;
  private readonly frames = new EventFrames();
  private readonly events: EngineEvent[] = [];
  private readonly counts: HostCounts = emptyCounts();
  private readonly latency = new Map<string, LatencyHistogram>();
  private readonly offerTimers = new Map<number, NodeJS.Timeout>();
  private readonly graceTimers = new Map<string, NodeJS.Timeout>();
  private readonly connected = new Set<string>();
  /** Agents the server set idle on disconnect, to set available again when they return. */
  private readonly idledByServer = new Set<string>();
  private releaseRefusals = 0;
  private internalErrors = 0;
  private lastMs = 0;
  private closed = false;

  /** `onSpontaneous` receives the frames of what the clock caused (RONA, released agents). */
  constructor(
    private readonly config: EngineHostConfig,
    private readonly onSpontaneous: (outcome: HostOutcome) => void,
    private readonly clock: Clock = Date.now,
  ) {
    const masker = createMasker(true); // the engine applies it only while the tenant masks
    this.engine = new Engine({ ...config.engine, mask: (text) => masker.mask(text) });
    const out = emptyDeliveries();
    const start = this.now(clock());
    for (const cmd of config.setup) {
      const refusal = this.run(cmd, start, out);
      if (refusal) throw new Error(`scenario set-up command ${cmd.type} refused: ${refusal.code} ${refusal.message}`);
    }
  }

  /** The engine's state, for tests and the invariant checker only; the host itself reads through `engine.view`. */
  get core(): Engine['core'] {
    return this.engine.core;
  }

  runBatch(ops: readonly HostOp[]): HostOutcome {
    const outcome: HostOutcome = { targets: [], frames: [], results: [], ends: [] };
    for (const op of ops) {
      outcome.results.push(this.closed ? { code: 'E_BAD_STATE', message: 'the server is shutting down' } : this.guarded(op, outcome));
      outcome.ends.push(outcome.frames.length);
    }
    return outcome;
  }

  /** A bug in one command answers E_INTERNAL to its sender; the server and other sessions go on. */
  private guarded(op: HostOp, out: Deliveries): CctwinError | null {
    try {
      return this.runOp(op, out);
    } catch (err) {
      this.internalErrors++;
      return { code: 'E_INTERNAL', message: `${ERRORS.E_INTERNAL}: ${(err as Error).message}` };
    }
  }

  /** The recorder counts so far (a copy). */
  countsNow(): HostCounts {
    return structuredClone(this.counts);
  }

  /** Refused release commands and engine exceptions so far: both mean a bug. */
  faults(): { releaseRefusals: number; internalErrors: number } {
    return { releaseRefusals: this.releaseRefusals, internalErrors: this.internalErrors };
  }

  summary(): HostSummary {
    const view = this.engine.view;
    const agents = agentsByState(view);
    const engineLatency: Record<string, HistogramSummary> = {};
    for (const [type, h] of this.latency) engineLatency[type] = summarize(h);
    return {
      atMs: this.lastMs, tenant: view.tenant(), queues: queueViews(view),
      agentsByState: agents.byState, agentsConnected: this.connected.size, slotsHeld: view.heldSlots(), slotsTotal: agents.slotsTotal,
      conversationsByState: conversationsByState(view), counts: structuredClone(this.counts), engineLatency, releaseRefusals: this.releaseRefusals, internalErrors: this.internalErrors,
    };
  }

  state(): HostState {
    const view = this.engine.view;
    return { ...this.summary(), assets: assetViews(view), agents: agentViews(view, this.connected), conversations: conversationViews(view) };
  }

  /** Stop every timer; later batches are refused. */
  close(): void {
    this.closed = true;
    for (const t of this.offerTimers.values()) clearTimeout(t);
    for (const t of this.graceTimers.values()) clearTimeout(t);
    this.offerTimers.clear();
    this.graceTimers.clear();
  }

  private runOp(op: HostOp, out: Deliveries): CctwinError | null {
    const atMs = this.now(op.atMs);
    switch (op.op) {
      case 'engine':
        return this.run(op.cmd, atMs, out);
      case 'customerEnd':
      case 'customerAbandon': {
        const conversationId = this.engine.view.openConversationId(op.assetId, op.customerId);
        if (conversationId === undefined) return { code: 'E_BAD_STATE', message: 'you have no open conversation here' };
        return this.run(op.op === 'customerEnd' ? { type: 'customerEnd', conversationId } : { type: 'abandon', conversationId }, atMs, out);
      }
      case 'agentConnected':
        return this.agentConnected(op.agentId, atMs, out);
      case 'agentDisconnected':
        return this.agentDisconnected(op.agentId, atMs, out);
    }
  }

  private agentConnected(agentId: string, atMs: number, out: Deliveries): CctwinError | null {
    const agent = this.engine.view.agent(agentId);
    if (agent === undefined) return { code: 'E_UNKNOWN_AGENT', message: `No such agent: ${agentId}` };
    clearTimeout(this.graceTimers.get(agentId));
    this.graceTimers.delete(agentId);
    this.connected.add(agentId);
    agentDeskFrames(this.engine.view, agent, out);
    if (this.idledByServer.delete(agentId) && agent.state === 'idle' && agent.reason === DISCONNECTED_REASON) {
      this.run({ type: 'setState', agentId, state: 'available' }, atMs, out);
    }
    return null;
  }

  private agentDisconnected(agentId: string, atMs: number, out: Deliveries): CctwinError | null {
    const agent = this.engine.view.agent(agentId);
    if (agent === undefined) return { code: 'E_UNKNOWN_AGENT', message: `No such agent: ${agentId}` };
    this.connected.delete(agentId);
    // No new work for a desktop that is gone; pending offers run out into RONA as usual.
    if (agent.state === 'available') {
      this.run({ type: 'setState', agentId, state: 'idle', reason: DISCONNECTED_REASON }, atMs, out);
      this.idledByServer.add(agentId);
    }
    if (this.engine.view.agent(agentId)!.conversations === 0) return null;
    if (this.config.reconnectGraceMs <= 0) {
      this.release(agentId, atMs, out);
      return null;
    }
    const timer = setTimeout(() => {
      this.graceTimers.delete(agentId);
      const spontaneous: HostOutcome = { targets: [], frames: [], results: [], ends: [] };
      this.release(agentId, this.now(this.clock()), spontaneous);
      this.onSpontaneous(spontaneous);
    }, this.config.reconnectGraceMs);
    this.graceTimers.set(agentId, timer);
    return null;
  }

  private release(agentId: string, atMs: number, out: Deliveries): void {
    if (this.engine.view.agent(agentId) === undefined || this.connected.has(agentId)) return;
    for (const cmd of releaseCommands(this.engine.view, agentId)) {
      if (this.run(cmd, atMs, out) !== null) this.releaseRefusals++;
    }
  }

  /** One engine command: timed, its events counted, framed and its timers set. */
  private run(cmd: Command, atMs: number, out: Deliveries): CctwinError | null {
    const events = this.events;
    events.length = 0;
    const started = performance.now();
    const refusal = this.engine.execute(cmd, atMs, events);
    const elapsedNs = (performance.now() - started) * 1e6;
    let h = this.latency.get(cmd.type);
    if (h === undefined) this.latency.set(cmd.type, (h = createLatencyHistogram('ns')));
    recordValue(h, elapsedNs);
    (out.commandTypes ??= []).push(cmd.type);
    (out.commandNs ??= []).push(elapsedNs);
    if (refusal !== null) return refusal;
    for (const e of events) {
      if (e.type === 'timer') this.setOfferTimer(e.ref, e.atMs);
      else countEvent(this.counts, e);
    }
    this.frames.route(events, out);
    return null;
  }

  private setOfferTimer(ref: number, atMs: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.offerTimers.delete(ref);
      const spontaneous: HostOutcome = { targets: [], frames: [], results: [], ends: [] };
      this.run({ type: 'timerFired', timerKind: 'offerExpiry', ref }, this.now(Math.max(this.clock(), atMs)), spontaneous);
      if (spontaneous.frames.length > 0) this.onSpontaneous(spontaneous);
    }, Math.max(0, atMs - this.clock()));
    this.offerTimers.set(ref, timer);
  }

  /** The engine's clock never goes back, whichever thread stamped the time. */
  private now(atMs: number): number {
    if (atMs > this.lastMs) this.lastMs = atMs;
    return this.lastMs;
  }
}
