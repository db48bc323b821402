// One simulated customer as a real WebSocket client, one socket per
// conversation: it opens the widget just before its scheduled moment, writes
// its first message (from sim/messages, some holding PII) when due, gives up
// (`abandon {}`) when its patience runs out before an agent has it, answers
// each agent reply after a think time, and on Livechat may end the chat
// (`end {}`). It closes when the conversation ends.
import { customerNumber, pickText } from './text-pools.js';
import { ClientConnection, type Frame } from './client-connection.js';
import type { ConversationRecord } from './conversation-ledger.js';
import { idOfText, tagText } from './message-tag.js';
import type { LoadWorld, StreamPlan } from './load-world.js';
import type { EndState } from '../engine/events.js';
import { thinkMs } from '../sim/behaviour/index.js';

const END_STATES: readonly string[] = ['completed', 'abandoned', 'droppedOnTransfer', 'interrupted'];

export class CustomerClient {
  readonly conn: ClientConnection;
  readonly rec: ConversationRecord;
  private firstSettled = false;

  constructor(private readonly world: LoadWorld, readonly stream: StreamPlan, readonly customerId: string, readonly dueMs: number) {
    this.rec = world.ledger.create(customerId, stream.index, stream.spec.queue, dueMs);
    this.conn = new ClientConnection(world, (f, at) => this.onFrame(f, at), () => this.closedByServer());
  }

  /** Opens the socket now and writes the first message when due. */
  start(): void {
    const q = new URLSearchParams({ channel: this.stream.spec.channel, customerId: this.customerId, queue: this.stream.spec.queue, name: this.customerId });
    // What the customer connects with is injected too: the leak check searches agent frames for it.
    this.world.leaks.injectIdentity(this.customerId);
    if (this.stream.spec.channel === 'sms' || this.stream.spec.channel === 'whatsapp') {
      const number = customerNumber(this.stream.rng);
      this.world.leaks.inject(number, 'phone');
      q.set('number', number);
    }
    this.conn.open(`${this.world.wsUrl}/customer?${q}`, `customer ${this.customerId}`).then(() => this.world.customerOpened(this), () => this.settleFirst());
    this.world.scheduler.at(this.dueMs, (due) => this.writeFirst(due));
  }

  /** The Livechat customer ends the chat from the widget. */
  endChat(dueMs: number): void {
    const rec = this.rec;
    if (rec.endState !== null || rec.customerEnded || rec.sessionEnded || rec.closing) return;
    rec.customerEnded = true;
    this.sendCounted({ type: 'end' }, dueMs);
  }

  /** Stops: closes the socket (the conversation may go on without it, as messaging allows). */
  close(): void {
    if (this.conn.closed) return;
    this.conn.close();
    this.world.customerClosed(this);
    this.settleFirst();
  }

  private writeFirst(dueMs: number): void {
    const model = this.stream.model;
    const frame: Record<string, unknown> = { type: 'message', text: pickText(this.world.texts.customer, this.stream.rng) };
    if (this.stream.spec.channel === 'livechat' && model.proactive()) frame.proactive = true;
    const sent = this.conn.send(frame, dueMs, (refusal) => {
      this.world.ledger.customerAcked(this.rec);
      if (refusal === null) this.world.ledger.markArrived(this.rec);
      this.settleFirst();
      if (refusal !== null && this.rec.conversationId === null) this.close();
    }, (sentMs) => {
      this.rec.sentMs = sentMs;
      this.world.ledger.customerSent(this.rec);
    });
    if (!sent) return this.settleFirst();
    const patienceMs = model.patienceMs();
    if (patienceMs >= 0) this.world.scheduler.at(dueMs + patienceMs, (due) => this.loseTemper(due));
  }

  /** Patience runs from the arrival to the first answer; a later wait (after a transfer) is not abandonment. */
  private loseTemper(dueMs: number): void {
    const rec = this.rec;
    if (rec.answeredAtMs >= 0 || rec.endState !== null || this.conn.closed) return;
    this.sendCounted({ type: 'abandon' }, dueMs);
  }

  private onFrame(f: Frame, receivedMs: number): void {
    const conversationId = typeof f.conversationId === 'number' ? f.conversationId : null;
    const rec = conversationId === null ? this.rec : this.world.customerSaw(this, conversationId);
    switch (f.type) {
      case 'message':
        this.world.delivered('agentToCustomer', idOfText(String(f.text)), receivedMs);
        if (rec === this.rec) this.planAnswer(receivedMs);
        return;
      case 'ended':
        if (END_STATES.includes(String(f.reason))) this.world.ended(rec, f.reason as EndState, receivedMs);
        if (rec === this.rec) this.close();
        return;
      default:
        return;
    }
  }

  private planAnswer(receivedMs: number): void {
    const rec = this.rec;
    if (rec.thinkGapMs <= 0) return;
    this.world.scheduler.at(receivedMs + thinkMs(rec.thinkGapMs, this.stream.rng), (due) => {
      if (rec.closing || rec.transferring || rec.customerEnded || rec.sessionEnded || rec.interrupted || rec.endState !== null || this.conn.closed) return;
      const id = this.world.messages.register('customerToAgent', due, this.world.now());
      if (!this.sendCounted({ type: 'message', text: tagText(pickText(this.world.texts.customer, this.stream.rng), id) }, due)) this.world.messages.forget(id);
    });
  }

  /** Sends a frame the agents must see before they end the conversation (ledger's in-flight count). */
  private sendCounted(frame: Record<string, unknown>, dueMs: number): boolean {
    const sent = this.conn.send(frame, dueMs, () => this.world.ledger.customerAcked(this.rec));
    if (sent) this.world.ledger.customerSent(this.rec);
    return sent;
  }

  private settleFirst(): void {
    if (this.firstSettled) return;
    this.firstSettled = true;
    this.world.firstSettled();
  }

  private closedByServer(): void {
    this.world.customerClosed(this);
    this.settleFirst();
  }
}
