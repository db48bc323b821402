// A small driver for tests: commands in at a controllable time, events
// collected, timers remembered so a test can let them fire.
import { Engine, type EngineConfig } from '../engine.js';
import type { Command } from '../commands.js';
import type { EngineEvent, EventOf } from '../events.js';
import type { CctwinError } from '../errors.js';

export class Harness {
  readonly engine: Engine;
  nowMs = 0;
  /** Events of the last command. */
  events: EngineEvent[] = [];
  /** Every event since the start. */
  readonly log: EngineEvent[] = [];
  readonly timers: { ref: number; atMs: number }[] = [];

  constructor(config: EngineConfig) {
    this.engine = new Engine(config);
  }

  /** Run a command that must succeed; returns its events. */
  do(cmd: Command): EngineEvent[] {
    const refusal = this.try(cmd);
    if (refusal) throw new Error(`${cmd.type} refused: ${refusal.code} ${refusal.message}`);
    return this.events;
  }

  /** Run a command; returns the refusal or null. */
  try(cmd: Command): CctwinError | null {
    this.events = [];
    const refusal = this.engine.execute(cmd, this.nowMs, this.events);
    for (const e of this.events) {
      this.log.push(e);
      if (e.type === 'timer') this.timers.push({ ref: e.ref, atMs: e.atMs });
    }
    return refusal;
  }

  /** Move the clock forward, firing every timer due on the way. */
  advance(ms: number): EngineEvent[] {
    const until = this.nowMs + ms;
    const fired: EngineEvent[] = [];
    for (;;) {
      this.timers.sort((a, b) => a.atMs - b.atMs || a.ref - b.ref);
      const next = this.timers[0];
      if (next === undefined || next.atMs > until) break;
      this.timers.shift();
      this.nowMs = next.atMs;
      fired.push(...this.do({ type: 'timerFired', timerKind: 'offerExpiry', ref: next.ref }));
    }
    this.nowMs = until;
    this.events = fired;
    return fired;
  }

  of<T extends EngineEvent['type']>(type: T, events: EngineEvent[] = this.events): EventOf<T>[] {
    return events.filter((e): e is EventOf<T> => e.type === type);
  }

  one<T extends EngineEvent['type']>(type: T, events: EngineEvent[] = this.events): EventOf<T> {
    const found = this.of(type, events);
    if (found.length !== 1) throw new Error(`expected one ${type} event, got ${found.length}: ${JSON.stringify(events)}`);
    return found[0]!;
  }

  /** Shortcut: a customer writes on an asset; returns the new conversation's id (or the open one's). */
  arrive(assetId: string, customerId: string, text = 'hello', extra: Partial<Extract<Command, { type: 'customerMessage' }>> = {}): number {
    this.do({ type: 'customerMessage', assetId, customerId, text, ...extra });
    const arrived = this.of('arrived');
    if (arrived.length === 1) return arrived[0]!.conversationId;
    const c = this.engine.core.openConversationOf(assetId, customerId);
    if (!c) throw new Error('no conversation');
    return c.id;
  }

  /** The pending offer event for an agent in the last events. */
  offerFor(agentId: string, events: EngineEvent[] = this.events): EventOf<'offer'> {
    const offers = this.of('offer', events).filter((o) => o.agentId === agentId);
    if (offers.length !== 1) throw new Error(`expected one offer for ${agentId}, got ${offers.length}`);
    return offers[0]!;
  }
}
