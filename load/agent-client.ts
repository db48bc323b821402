// One simulated agent as a real WebSocket client. Its decisions are the
// behaviour model's (sim/behaviour), the same the virtual-time runner calls:
// it accepts an offer after a drawn delay or lets it ring out (RONA) and
// makes itself available again after a drawn recovery; its turn on a
// conversation (handle time and, as first owner, where the conversation goes
// and when: end, transfer, conference, the Livechat customer ending, a
// session end) comes from the customer's stream; transfer and conference
// targets from chooseTarget over the server's `targets` frame; it replies a
// few times with faker-made text; every conversation it leaves goes through
// wrap-up. Every frame it receives is checked for unmasked sensitive data.
import {
  agentsFromTargets, agentsMatter, chooseTarget, conferenceCandidates, replyPlan, transferCandidates,
  type AgentModel, type Target,
} from '../sim/behaviour/index.js';
import type { Rng } from '../sim/random/prng.js';
import type { Task } from './scheduler.js';
import { ClientConnection, type Frame, type Refusal } from './client-connection.js';
import type { ConversationRecord } from './conversation-ledger.js';
import { idOfText, tagText } from './message-tag.js';
import { pickText } from './text-pools.js';
import type { LoadAgent, LoadWorld, StreamPlan } from './load-world.js';

interface DeskEntry {
  conversationId: number;
  rec: ConversationRecord | undefined;
  role: 'owner' | 'conference';
  phase: 'active' | 'wrapUp' | 'released';
  /** Between `conversation` and the accept's ack the transcript is replayed: those messages are not deliveries. */
  replaying: boolean;
  tasks: Task[];
  /** The slot counts as held (SlotMeter) until wrap-up or a capacity-freeing session end. */
  held: boolean;
  wrapUpSinceMs: number;
}

interface TargetsFrame {
  queues: { name: string; waiting: number; availableAgents: number }[];
  agents: { agentId: string; state: string; canTake: boolean }[];
}

type Finish = 'end' | 'session';

export class AgentClient implements LoadAgent {
  readonly conn: ClientConnection;
  private readonly desk = new Map<number, DeskEntry>();
  private readonly acceptTasks = new Map<number, Task>();
  private lastTargets: TargetsFrame | null = null;
  /** The agent's state as its last `state` frame said. */
  private state = 'idle';

  constructor(readonly id: string, private readonly model: AgentModel, private readonly world: LoadWorld, private readonly rng: Rng) {
    this.conn = new ClientConnection(world, (f, at) => this.onFrame(f, at), () => world.agentClosed());
  }

  /** Connects and makes itself available; resolves once the server acknowledged. */
  async connect(): Promise<void> {
    await this.conn.open(`${this.world.wsUrl}/agent?token=${encodeURIComponent(this.world.agentToken(this.id))}`, `agent ${this.id}`);
    this.world.agentOpened();
    await new Promise<void>((resolve, reject) => {
      const sent = this.conn.send({ type: 'setState', state: 'available' }, this.world.now(), (refusal) => (refusal === null ? resolve() : reject(new Error(`${this.id}: setState refused (${refusal.code})`))));
      if (!sent) reject(new Error(`${this.id}: socket closed before it was made available`));
    });
  }

  close(): void {
    this.conn.close();
  }

  /** The owner hands a conference over to the invited agent: it ends the conference and wraps up. */
  handOver(conversationId: number, dueMs: number): boolean {
    const entry = this.desk.get(conversationId);
    if (entry === undefined || entry.phase !== 'active' || entry.role !== 'owner') return false;
    this.cancelTasks(entry);
    return this.conn.send({ type: 'endConference', conversationId }, dueMs);
  }

  private onFrame(f: Frame, receivedMs: number): void {
    this.world.leaks.check(f);
    switch (f.type) {
      case 'state': {
        const was = this.state;
        this.state = String(f.state);
        // A RONA is the move into `rona`: the state is resent unchanged, e.g. after a wrap-up while still in RONA.
        if (this.state === 'rona' && was !== 'rona') {
          this.world.ledger.rona++;
          this.world.scheduler.at(receivedMs + this.model.ronaRecoveryMs(), (due) => this.conn.send({ type: 'setState', state: 'available' }, due));
        }
        return;
      }
      case 'offer':
        return this.onOffer(f, receivedMs);
      case 'offerRescinded': {
        const task = this.acceptTasks.get(f.offerId as number);
        if (task !== undefined) task.cancelled = true;
        this.acceptTasks.delete(f.offerId as number);
        return;
      }
      case 'conversation':
        return this.onConversation(f, receivedMs);
      case 'message':
        if (f.from === 'customer') {
          const entry = this.desk.get(f.conversationId as number);
          if (entry !== undefined && !entry.replaying) this.world.delivered('customerToAgent', idOfText(String(f.text)), receivedMs);
        }
        return;
      case 'wrapUpRequired':
        return this.onWrapUpRequired(f, receivedMs);
      case 'customerEnded':
      case 'interrupted': {
        const entry = this.desk.get(f.conversationId as number);
        if (entry === undefined) return;
        if (entry.rec !== undefined) {
          if (f.type === 'customerEnded') entry.rec.customerEnded = true;
          else entry.rec.interrupted = true;
        }
        this.cancelTasks(entry);
        entry.tasks.push(this.world.scheduler.at(receivedMs + this.model.reactAfterMs(), (due) => this.sendEnd(entry, due)));
        return;
      }
      case 'targets':
        this.lastTargets = f as unknown as TargetsFrame;
        return;
      default:
        return;
    }
  }

  private onOffer(f: Frame, receivedMs: number): void {
    const offerId = f.offerId as number;
    const customer = f.customer as { name?: unknown } | undefined;
    this.world.offered(f.conversationId as number, String(customer?.name ?? ''), String(f.queue), receivedMs);
    const delay = this.model.acceptAfterMs();
    if (delay < 0) return; // lets it ring out: RONA
    this.acceptTasks.set(offerId, this.world.scheduler.at(receivedMs + delay, (due) => {
      this.acceptTasks.delete(offerId);
      const conversationId = f.conversationId as number;
      this.conn.send({ type: 'accept', offerId }, due, () => {
        const entry = this.desk.get(conversationId);
        if (entry !== undefined) entry.replaying = false;
      });
    }));
  }

  private onConversation(f: Frame, receivedMs: number): void {
    const conversationId = f.conversationId as number;
    const role = f.role === 'conference' ? 'conference' : 'owner';
    const rec = this.world.ledger.get(conversationId);
    const entry: DeskEntry = { conversationId, rec, role, phase: 'active', replaying: true, tasks: [], held: true, wrapUpSinceMs: -1 };
    this.desk.set(conversationId, entry);
    this.world.slots.change(receivedMs, +1);
    if (rec !== undefined) {
      rec.queue = String(f.queue);
      if (role === 'owner') {
        rec.ownerAgentId = this.id;
        rec.transferring = false;
        if (rec.answeredAtMs < 0) this.world.answered(rec, receivedMs);
      } else {
        rec.conferences++;
      }
    }
    this.plan(entry, receivedMs);
  }

  private onWrapUpRequired(f: Frame, receivedMs: number): void {
    const entry = this.desk.get(f.conversationId as number);
    if (entry === undefined) return;
    this.cancelTasks(entry);
    entry.phase = 'wrapUp';
    entry.wrapUpSinceMs = receivedMs;
    const reasons = Array.isArray(f.reasons) ? (f.reasons as string[]) : [];
    const reason = reasons.includes('Resolved') ? 'Resolved' : reasons[0] ?? 'Resolved';
    entry.tasks.push(this.world.scheduler.at(receivedMs + this.model.wrapUpMs(), (due) => {
      this.conn.send({ type: 'wrapUp', conversationId: entry.conversationId, reason }, due, (refusal) => {
        if (refusal !== null) return;
        const now = this.world.now();
        if (entry.rec === undefined || this.world.counted(entry.rec)) this.world.recordSim('wrapUp', now - entry.wrapUpSinceMs);
        this.leave(entry, now);
      });
    }));
  }

  /** What this agent will do with a conversation it just took: its turn, drawn by the behaviour model as for the virtual runner. */
  private plan(entry: DeskEntry, nowMs: number): void {
    const stream = this.world.streamOf(entry.rec);
    const rec = entry.rec;
    const firstOwner = entry.role === 'owner' && rec !== undefined && !rec.planned;
    // The stream's turn object is reused: read it at once.
    const turn = stream.model.turn(entry.role, firstOwner);
    const handleMs = turn.handleMs;
    const midMs = turn.midMs;
    const outcome = turn.outcome;
    const at = (ms: number, run: (due: number) => void): void => {
      entry.tasks.push(this.world.scheduler.at(ms, run));
    };
    if (outcome === 'leaveConference') {
      at(nowMs + handleMs, (due) => this.leaveConference(entry, stream, due));
      return;
    }
    this.planReplies(entry, nowMs, handleMs);
    if (rec === undefined || !firstOwner) {
      this.finishAt(entry, nowMs + handleMs, 'end');
      return;
    }
    rec.planned = true;
    switch (outcome) {
      case 'transfer':
        at(nowMs + midMs, (due) => this.transfer(entry, stream, due));
        return;
      case 'conference':
        at(nowMs + midMs, (due) => this.conference(entry, stream, due));
        this.finishAt(entry, nowMs + handleMs, 'end');
        return;
      case 'customerEnds':
        if (this.world.scenario.channels[stream.spec.channel].customerCanEnd) {
          at(nowMs + midMs, (due) => this.world.customerEnds(rec, due));
        }
        // Ends it as usual if the customer's end never comes (its customerEnded cancels this).
        this.finishAt(entry, nowMs + handleMs, 'end');
        return;
      case 'sessionEnd':
        this.finishAt(entry, nowMs + handleMs, 'session');
        return;
      case 'end':
        this.finishAt(entry, nowMs + handleMs, 'end');
        return;
    }
  }

  /** One to `maxReplies` replies spread over the handle time; the customer answers each within the gap. */
  private planReplies(entry: DeskEntry, nowMs: number, handleMs: number): void {
    const { count, gapMs } = replyPlan(handleMs, this.world.maxReplies, this.rng);
    if (entry.rec !== undefined) entry.rec.thinkGapMs = gapMs;
    for (let k = 1; k <= count; k++) entry.tasks.push(this.world.scheduler.at(nowMs + k * gapMs, (due) => this.reply(entry, due)));
  }

  private reply(entry: DeskEntry, dueMs: number): void {
    if (!this.mayWrite(entry)) return;
    const id = this.world.messages.register('agentToCustomer', dueMs, this.world.now());
    const text = tagText(pickText(this.world.texts.agent, this.rng), id);
    const sent = this.conn.send({ type: 'reply', conversationId: entry.conversationId, text }, dueMs, (refusal) => {
      if (refusal !== null) this.world.messages.forget(id);
    });
    if (!sent) this.world.messages.forget(id);
  }

  private mayWrite(entry: DeskEntry): boolean {
    const rec = entry.rec;
    return entry.phase === 'active' && entry.role === 'owner' && (rec === undefined
      || (!rec.closing && !rec.transferring && !rec.customerEnded && !rec.sessionEnded && !rec.interrupted && rec.endState === null));
  }

  /**
   * At the planned moment the customer is told to stop writing, and the
   * agent acts once the customer's frames already sent are in: a message
   * arriving after the end would start a new conversation the plan never had.
   */
  private finishAt(entry: DeskEntry, atMs: number, how: Finish): void {
    entry.tasks.push(this.world.scheduler.at(atMs, (due) => {
      const rec = entry.rec;
      if (rec === undefined) return this.finish(entry, how, due);
      rec.closing = true;
      let done = false;
      const go = (): void => {
        if (done) return;
        done = true;
        this.finish(entry, how, due);
      };
      this.world.ledger.whenQuiet(rec, go);
      if (!done) entry.tasks.push(this.world.scheduler.after(this.world.quietWaitMaxMs, go));
    }));
  }

  private finish(entry: DeskEntry, how: Finish, dueMs: number): void {
    if (entry.phase !== 'active' || this.world.stopped) return;
    if (how === 'end') return this.sendEnd(entry, dueMs);
    this.conn.send({ type: 'endSession', conversationId: entry.conversationId }, dueMs, (refusal) => {
      if (refusal === null && entry.rec !== undefined) {
        entry.rec.sessionEnded = true;
        if (this.world.scenario.tenant.releaseCapacityOnSessionEnd) {
          entry.phase = 'released';
          this.releaseSlot(entry, this.world.now());
          this.world.ended(entry.rec, 'completed', this.world.now());
        }
        this.world.sessionEnded(entry.rec);
      }
      this.sendEnd(entry, dueMs);
    });
  }

  private sendEnd(entry: DeskEntry, dueMs: number): void {
    if (entry.phase === 'wrapUp' || this.world.stopped) return;
    this.conn.send({ type: 'end', conversationId: entry.conversationId }, dueMs, (refusal) => {
      if (refusal !== null) return;
      const rec = entry.rec;
      // After a session end the customer hears nothing: the end state is known here.
      if (rec !== undefined && rec.sessionEnded) this.world.ended(rec, rec.interrupted ? 'interrupted' : 'completed', this.world.now());
      // A released conversation closes without wrap-up.
      if (entry.phase === 'released') this.leave(entry, this.world.now());
    });
  }

  /**
   * Where the transfer goes: chooseTarget with the stream's draw, over the
   * agents the server lists (asked only when they could change the pick) and
   * the other queues. An agent taken meanwhile, or no list, leaves the queue
   * the same draw picks among the queues alone.
   */
  private transfer(entry: DeskEntry, stream: StreamPlan, dueMs: number): void {
    const rec = entry.rec;
    if (rec === undefined || !this.mayWrite(entry)) return;
    rec.transferring = true;
    const u = stream.model.targetDraw();
    const queues = this.world.scenario.queues;
    const toQueue = (): void => this.sendTransfer(entry, chooseTarget(transferCandidates(queues, rec.queue, null), u)!, dueMs, toQueue);
    if (!agentsMatter(transferCandidates(queues, rec.queue, null).queues, u)) return toQueue();
    this.listTargets(dueMs, (targets) => {
      const agents = targets === null ? null : this.candidateAgents(targets, rec.queue);
      this.sendTransfer(entry, chooseTarget(transferCandidates(queues, rec.queue, agents), u)!, dueMs, toQueue);
    });
  }

  private sendTransfer(entry: DeskEntry, target: Target, dueMs: number, toQueue: () => void): void {
    if (entry.phase !== 'active') return;
    this.conn.send({ type: 'transfer', conversationId: entry.conversationId, ...target }, dueMs, (refusal) => {
      const rec = entry.rec!;
      if (refusal === null) {
        rec.transfers++;
        return;
      }
      // The agent picked was taken meanwhile: to a queue instead.
      if (target.agent !== undefined && refusal.code === 'E_TARGET_UNAVAILABLE') return toQueue();
      rec.transferring = false;
    });
  }

  /** Whom the conference calls in: chooseTarget with the stream's draw, over the agents the server lists and, where the channel allows it, the conversation's queue. */
  private conference(entry: DeskEntry, stream: StreamPlan, dueMs: number): void {
    const rec = entry.rec;
    if (rec === undefined || !this.mayWrite(entry)) return;
    const u = stream.model.targetDraw();
    this.listTargets(dueMs, (targets) => {
      if (targets === null || !this.mayWrite(entry)) return;
      const toQueue = this.world.scenario.channels[stream.spec.channel].conferenceToQueue;
      const target = chooseTarget(conferenceCandidates(rec.queue, toQueue, this.candidateAgents(targets, rec.queue)), u);
      if (target !== null) this.conn.send({ type: 'conference', conversationId: entry.conversationId, ...target }, dueMs);
    });
  }

  /** The invited agent's turn: leave, or take the chat over while the first agent leaves (the behaviour model's even odds). */
  private leaveConference(entry: DeskEntry, stream: StreamPlan, dueMs: number): void {
    if (entry.phase !== 'active') return;
    const rec = entry.rec;
    const invitedLeaves = stream.model.invitedLeaves();
    const owner = rec?.ownerAgentId == null ? undefined : this.world.agents.get(rec.ownerAgentId);
    if (rec !== undefined && !invitedLeaves && owner !== undefined && owner.handOver(entry.conversationId, dueMs)) {
      entry.role = 'owner';
      rec.ownerAgentId = this.id;
      this.finishAt(entry, this.world.now() + stream.model.handleMs(), 'end');
      return;
    }
    this.conn.send({ type: 'endConference', conversationId: entry.conversationId }, dueMs);
  }

  /** Asks the server what could take work now; `then(null)` when it refused or the frame did not come. */
  private listTargets(dueMs: number, then: (targets: TargetsFrame | null) => void): void {
    const sent = this.conn.send({ type: 'listTargets' }, dueMs, (refusal: Refusal | null) => {
      // The `targets` frame comes before the ack that answers it.
      then(refusal === null ? this.lastTargets : null);
    });
    if (!sent) then(null);
  }

  /** The agents of a `targets` frame that could take a conversation of `queue` (the frame's order: the protocol gives no routing order). */
  private candidateAgents(targets: TargetsFrame, queue: string): string[] {
    return agentsFromTargets(targets.agents, queue, this.id, (id, q) => this.world.agentQueues.get(id)?.includes(q) ?? false);
  }

  private leave(entry: DeskEntry, nowMs: number): void {
    this.releaseSlot(entry, nowMs);
    this.cancelTasks(entry);
    if (this.desk.get(entry.conversationId) === entry) this.desk.delete(entry.conversationId);
  }

  private releaseSlot(entry: DeskEntry, nowMs: number): void {
    if (!entry.held) return;
    entry.held = false;
    this.world.slots.change(nowMs, -1);
  }

  private cancelTasks(entry: DeskEntry): void {
    for (const t of entry.tasks) t.cancelled = true;
    entry.tasks.length = 0;
  }
}
