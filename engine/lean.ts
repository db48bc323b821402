// The lean port: the same engine, driven without command or event objects.
// A driver that simulates people in virtual time (sim/runner) names agents,
// assets and queues by integer handle, passes a command's fields as
// arguments, and reads what followed from an EventBuffer of numbers
// (event-buffer.ts) that the next call overwrites. Every call runs the same
// handler as Engine.execute runs for that command, after the same lookups,
// so the rules, refusals and state are the engine's one set; only the form
// of the events differs (no strings, no display payloads).
// test: engine/lean.property.test.ts runs random command sequences both ways.
import type { Command } from './commands.js';
import type { CctwinError } from './errors.js';
import type { EngineCore } from './core.js';
import type { Agent } from './state/types.js';
import { EventBuffer } from './event-buffer.js';
import { setStateOf } from './handlers/agent-state.js';
import { acceptBy, offerTimerFired } from './handlers/offers.js';
import { endBy, endSessionBy, wrapUpBy } from './handlers/ending.js';
import { customerMessageKeyed, customerMessageOn } from './handlers/messages.js';
import { abandonOf, customerEndOf } from './handlers/customer.js';
import { transferBy } from './handlers/transfer.js';
import { conferenceBy, endConferenceBy } from './handlers/conference.js';

type Execute = (core: EngineCore, cmd: Command) => CctwinError | null;

export class LeanPort {
  /** What the last call caused, overwritten by the next. */
  readonly events: EventBuffer;
  /**
   * The time of the next call, in ms (clock[0]): set it before calling. A
   * cell rather than an argument, so passing a fractional time allocates
   * nothing (a double argument is boxed into a heap number per call).
   */
  readonly clock = new Float64Array(1);
  private before = 0;

  constructor(private readonly core: EngineCore, private readonly dispatch: Execute) {
    this.events = new EventBuffer(core);
  }

  // ---- handles ----

  /** An agent's handle (the order agents were added, from 0), or -1. */
  agentHandle(agentId: string): number {
    return this.core.agents.get(agentId)?.index ?? -1;
  }

  /** The agent's id: for the edges (reports, logs), not the hot path. */
  agentId(handle: number): string {
    return this.core.agentList[handle]!.id;
  }

  /** A channel asset's handle, or -1 (also once deleted). */
  assetHandle(assetId: string): number {
    return this.core.assets.get(assetId)?.index ?? -1;
  }

  // ---- commands ----

  /** Any command, its events into the buffer: set-up and the rare commands. */
  execute(cmd: Command): CctwinError | null {
    const early = this.start();
    return early ?? this.finish(this.dispatch(this.core, cmd));
  }

  customerMessage(asset: number, customerId: string, text: string, name: string | undefined, number: string | undefined, proactive: boolean): CctwinError | null {
    const early = this.start();
    if (early !== null) return early;
    const a = this.core.assetList[asset];
    if (a === undefined || !a.live) return this.finish(this.core.refuse('E_UNKNOWN_ASSET', `handle ${asset}`));
    return this.finish(customerMessageOn(this.core, a, customerId, text, name, number, proactive));
  }

  /**
   * A customer's message, the customer named by a whole number >= 0 rather
   * than a string: their string id (views, event objects) is made by the
   * namer (nameCustomers) only when something shows it. The same rules as
   * customerMessage; numbered and string-named customers are told apart, so
   * a driver names its customers one way. `numberIsId`: the customer's
   * number is their id (SMS, WhatsApp).
   */
  customerMessageKeyed(asset: number, customerKey: number, text: string, numberIsId: boolean, proactive: boolean): CctwinError | null {
    const early = this.start();
    if (early !== null) return early;
    const a = this.core.assetList[asset];
    if (a === undefined || !a.live) return this.finish(this.core.refuse('E_UNKNOWN_ASSET', `handle ${asset}`));
    return this.finish(customerMessageKeyed(this.core, a, customerKey, this.namer, text, numberIsId, proactive));
  }

  /** How numbered customers' string ids read (default: the number). */
  nameCustomers(namer: (customerKey: number) => string): void {
    this.namer = namer;
  }

  private namer: (customerKey: number) => string = String;

  accept(agent: number, offerId: number): CctwinError | null {
    const a = this.agentAt(agent);
    return a === null ? this.refused : this.finish(acceptBy(this.core, a, offerId));
  }

  end(agent: number, conversationId: number): CctwinError | null {
    const a = this.agentAt(agent);
    return a === null ? this.refused : this.finish(endBy(this.core, a, conversationId));
  }

  wrapUp(agent: number, conversationId: number, reason: string): CctwinError | null {
    const a = this.agentAt(agent);
    return a === null ? this.refused : this.finish(wrapUpBy(this.core, a, conversationId, reason));
  }

  endSession(agent: number, conversationId: number): CctwinError | null {
    if (!this.core.tenant.agentsCanEndSessions) return this.core.refuse('E_SESSION_END_DISABLED');
    const a = this.agentAt(agent);
    return a === null ? this.refused : this.finish(endSessionBy(this.core, a, conversationId));
  }

  setState(agent: number, state: 'available' | 'idle', reason?: string): CctwinError | null {
    const a = this.agentAt(agent);
    return a === null ? this.refused : this.finish(setStateOf(this.core, a, state, reason));
  }

  /** To exactly one of a queue or an agent, by name as in the command. */
  transfer(agent: number, conversationId: number, queue: string | undefined, target: string | undefined): CctwinError | null {
    const a = this.agentAt(agent);
    return a === null ? this.refused : this.finish(transferBy(this.core, a, conversationId, queue, target));
  }

  conference(agent: number, conversationId: number, queue: string | undefined, target: string | undefined): CctwinError | null {
    const a = this.agentAt(agent);
    return a === null ? this.refused : this.finish(conferenceBy(this.core, a, conversationId, queue, target));
  }

  endConference(agent: number, conversationId: number): CctwinError | null {
    const a = this.agentAt(agent);
    return a === null ? this.refused : this.finish(endConferenceBy(this.core, a, conversationId));
  }

  /** The offer's expiry timer fired (stale timers are normal and change nothing). */
  timerFired(offerId: number): CctwinError | null {
    const early = this.start();
    return early ?? this.finish(offerTimerFired(this.core, offerId));
  }

  abandon(conversationId: number): CctwinError | null {
    const early = this.start();
    return early ?? this.finish(abandonOf(this.core, conversationId));
  }

  customerEnd(conversationId: number): CctwinError | null {
    const early = this.start();
    return early ?? this.finish(customerEndOf(this.core, conversationId));
  }

  // ---- as Engine.execute: time only forward, and a refusal changes nothing, not even the clock ----

  private refused: CctwinError | null = null;

  private start(): CctwinError | null {
    const core = this.core;
    const nowMs = this.clock[0]!;
    this.events.count = 0;
    core.recycle();
    if (nowMs < core.nowMs) return core.refuse('E_MALFORMED', `time went backwards: ${nowMs} < ${core.nowMs}`);
    this.before = core.nowMs;
    core.nowMs = nowMs;
    core.sink = this.events;
    return null;
  }

  private finish(refusal: CctwinError | null): CctwinError | null {
    if (refusal !== null) {
      this.core.nowMs = this.before;
      this.events.count = 0;
    }
    return refusal;
  }

  /** start(), then the agent of a handle; null (with `refused` set) when either fails. */
  private agentAt(handle: number): Agent | null {
    const early = this.start();
    if (early !== null) {
      this.refused = early;
      return null;
    }
    const a = this.core.agentList[handle];
    if (a === undefined) {
      this.refused = this.finish(this.core.refuse('E_UNKNOWN_AGENT', `handle ${handle}`));
      return null;
    }
    return a;
  }
}
