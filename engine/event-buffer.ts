// The core's events as rows of numbers in reusable typed arrays: the
// virtual-time runner's form (lean.ts). One row per event, in the order they
// happened; agents by integer handle (their place in the order they were
// added), conversations and offers by their numeric ids; no strings and no
// display payloads (customer view, source, history), which only a person's
// screen reads. Rows are overwritten by the next command, so a reader takes
// what it needs before sending another. Writing a row allocates nothing
// once the arrays have grown to the largest command's events.
import type { EndState, EngineEvent } from './events.js';
import type { EventSink } from './event-sink.js';
import type { Agent, Conversation, Offer } from './state/types.js';
import type { EngineCore } from './core.js';

// Row types.
export const EV_AGENT_STATE = 1;
export const EV_OFFER = 2;
export const EV_TIMER = 3;
export const EV_CONVERSATION = 4;
export const EV_WRAP_UP_REQUIRED = 5;
export const EV_CUSTOMER_ENDED = 6;
export const EV_INTERRUPTED = 7;
export const EV_SESSION_ENDED = 8;
export const EV_ARRIVED = 9;
export const EV_ANSWERED = 10;
export const EV_TRANSFERRED = 11;
export const EV_CONFERENCED = 12;
export const EV_RONA = 13;
export const EV_WRAP_UP_DONE = 14;
export const EV_ENDED = 15;
/** Any other event: the object is in `objects` at the row's index. */
export const EV_OTHER = 16;

/** `code` of an agentState row. */
export const AGENT_STATE_CODES = ['available', 'idle', 'rona'] as const;
/** `code` of an ended row. */
export const END_STATE_CODES: readonly EndState[] = ['completed', 'abandoned', 'droppedOnTransfer', 'interrupted'];
/** `code` of an offer row. */
export const OFFER_KIND_CODES = ['new', 'transfer', 'conference'] as const;
/** `code` of a conversation row: the agent's role. */
export const ROLE_OWNER = 0;
export const ROLE_CONFERENCE = 1;

const END_CODE: Record<EndState, number> = { completed: 0, abandoned: 1, droppedOnTransfer: 2, interrupted: 3 };
const KIND_CODE = { new: 0, transfer: 1, conference: 2 } as const;

/**
 * Columns, by row type (-1 or 0 where a column means nothing):
 *
 * | types             | agents| conversations| offers| atMs      | arrivedAtMs | values       | codes           |
 * |-------------------|-------|--------------|-------|-----------|-------------|--------------|-----------------|
 * | agentState        | yes   |              |       |           |             |              | state           |
 * | offer             | yes   | yes          | yes   | expiresAt | arrived     |              | kind            |
 * | timer             |       |              | ref   | atMs      |             |              |                 |
 * | conversation      | yes   | yes          |       |           |             |              | role            |
 * | wrapUpRequired    | yes   | yes          |       |           |             |              |                 |
 * | customerEnded     | yes   | yes          |       |           |             |              |                 |
 * | interrupted       | yes   | yes          |       |           |             |              |                 |
 * | sessionEnded      |       | yes          |       | now       |             |              |                 |
 * | arrived           |       | yes          |       | now       |             |              |                 |
 * | answered          | yes   | yes          |       | now       | arrived     |              |                 |
 * | transferred       |       | yes          |       | now       |             |              | 0 queue 1 agent |
 * | conferenced       |       | yes          |       | now       |             |              |                 |
 * | rona              | yes   |              | yes   | now       |             |              |                 |
 * | wrapUpDone        | yes   | yes          |       |           |             | durationMs   |                 |
 * | ended             |       | yes          |       | now       | arrived     | answeredAtMs | endState        |
 */
export class EventBuffer implements EventSink {
  count = 0;
  types: Uint8Array;
  agents: Int32Array;
  /** Int32: ids stay below 2^31 (EngineCore refuses to hand out more), and an int32 read is a small integer, never a boxed double. */
  conversations: Int32Array;
  offers: Int32Array;
  atMs: Float64Array;
  arrivedAtMs: Float64Array;
  values: Float64Array;
  codes: Int32Array;
  /** EV_OTHER rows' events, at their row index (stale entries are left behind, never read). */
  readonly objects: (EngineEvent | undefined)[] = [];

  constructor(private readonly core: EngineCore, capacity = 64) {
    this.types = new Uint8Array(capacity);
    this.agents = new Int32Array(capacity);
    this.conversations = new Int32Array(capacity);
    this.offers = new Int32Array(capacity);
    this.atMs = new Float64Array(capacity);
    this.arrivedAtMs = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
    this.codes = new Int32Array(capacity);
  }

  /** A new row of `type`, every column cleared; returns its index. */
  private row(type: number): number {
    if (this.count === this.types.length) this.grow();
    const i = this.count++;
    this.types[i] = type;
    this.agents[i] = -1;
    this.conversations[i] = -1;
    this.offers[i] = -1;
    this.atMs[i] = 0;
    this.arrivedAtMs[i] = 0;
    this.values[i] = 0;
    this.codes[i] = 0;
    return i;
  }

  private grow(): void {
    const n = this.types.length * 2;
    const grow8 = (a: Uint8Array) => { const b = new Uint8Array(n); b.set(a); return b; };
    const grow32 = (a: Int32Array) => { const b = new Int32Array(n); b.set(a); return b; };
    const grow64 = (a: Float64Array) => { const b = new Float64Array(n); b.set(a); return b; };
    this.types = grow8(this.types);
    this.agents = grow32(this.agents);
    this.conversations = grow32(this.conversations);
    this.offers = grow32(this.offers);
    this.atMs = grow64(this.atMs);
    this.arrivedAtMs = grow64(this.arrivedAtMs);
    this.values = grow64(this.values);
    this.codes = grow32(this.codes);
  }

  agentState(agent: Agent): void {
    const i = this.row(EV_AGENT_STATE);
    this.agents[i] = agent.index;
    this.codes[i] = agent.state === 'available' ? 0 : agent.state === 'idle' ? 1 : 2;
  }

  offer(offer: Offer): void {
    const i = this.row(EV_OFFER);
    this.agents[i] = offer.agent.index;
    this.conversations[i] = offer.conversation.id;
    this.offers[i] = offer.id;
    this.atMs[i] = offer.expiresAtMs;
    this.arrivedAtMs[i] = offer.conversation.arrivedAtMs;
    this.codes[i] = KIND_CODE[offer.kind];
  }

  timer(offer: Offer): void {
    const i = this.row(EV_TIMER);
    this.offers[i] = offer.id;
    this.atMs[i] = offer.expiresAtMs;
  }

  conversation(agent: Agent, c: Conversation, role: 'owner' | 'conference'): void {
    const i = this.row(EV_CONVERSATION);
    this.agents[i] = agent.index;
    this.conversations[i] = c.id;
    this.codes[i] = role === 'owner' ? ROLE_OWNER : ROLE_CONFERENCE;
  }

  wrapUpRequired(agent: Agent, c: Conversation): void {
    const i = this.row(EV_WRAP_UP_REQUIRED);
    this.agents[i] = agent.index;
    this.conversations[i] = c.id;
  }

  customerEnded(agent: Agent, c: Conversation): void {
    const i = this.row(EV_CUSTOMER_ENDED);
    this.agents[i] = agent.index;
    this.conversations[i] = c.id;
  }

  interrupted(agent: Agent, c: Conversation): void {
    const i = this.row(EV_INTERRUPTED);
    this.agents[i] = agent.index;
    this.conversations[i] = c.id;
  }

  sessionEnded(c: Conversation): void {
    const i = this.row(EV_SESSION_ENDED);
    this.conversations[i] = c.id;
    this.atMs[i] = this.core.nowMs;
  }

  arrived(c: Conversation): void {
    const i = this.row(EV_ARRIVED);
    this.conversations[i] = c.id;
    this.atMs[i] = this.core.nowMs;
  }

  answered(c: Conversation, agent: Agent): void {
    const i = this.row(EV_ANSWERED);
    this.agents[i] = agent.index;
    this.conversations[i] = c.id;
    this.atMs[i] = this.core.nowMs;
    this.arrivedAtMs[i] = c.arrivedAtMs;
  }

  transferred(c: Conversation, to: 'queue' | 'agent'): void {
    const i = this.row(EV_TRANSFERRED);
    this.conversations[i] = c.id;
    this.atMs[i] = this.core.nowMs;
    this.codes[i] = to === 'queue' ? 0 : 1;
  }

  conferenced(c: Conversation): void {
    const i = this.row(EV_CONFERENCED);
    this.conversations[i] = c.id;
    this.atMs[i] = this.core.nowMs;
  }

  rona(agent: Agent, offer: Offer): void {
    const i = this.row(EV_RONA);
    this.agents[i] = agent.index;
    this.offers[i] = offer.id;
    this.atMs[i] = this.core.nowMs;
  }

  wrapUpDone(agent: Agent, conversationId: number, _reason: string, durationMs: number): void {
    const i = this.row(EV_WRAP_UP_DONE);
    this.agents[i] = agent.index;
    this.conversations[i] = conversationId;
    this.values[i] = durationMs;
  }

  ended(c: Conversation, endState: EndState): void {
    const i = this.row(EV_ENDED);
    this.conversations[i] = c.id;
    this.atMs[i] = this.core.nowMs;
    this.arrivedAtMs[i] = c.arrivedAtMs;
    this.values[i] = c.answeredAtMs;
    this.codes[i] = END_CODE[endState];
  }

  other(e: EngineEvent): void {
    const i = this.row(EV_OTHER);
    this.objects[i] = e;
  }
}
