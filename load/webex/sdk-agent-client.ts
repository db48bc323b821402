// One simulated agent driven through the vendor's agent SDK instead of the
// twin's own protocol (`cctwin load --agent-client webex-sdk`). Its
// decisions are the same behaviour model's (sim/behaviour) as the native
// load agent's: accept after the drawn delay or let the offer ring out into
// RONA, available again after the drawn recovery; as first owner, the
// stream's outcome; wrap-up after the drawn time. Every SDK call is timed
// into commandAck (from its scheduled moment and from its send, to the
// SDK's promise settling, i.e. the event that answers it on the socket);
// the first offer's arrival into `offer`. What the SDK cannot do it does not
// do: it sends no chat replies (the SDK has no text API).
//
// Transfer and conference targets are the native agent's: chooseTarget with
// the stream's draw over the SDK's buddy list (getBuddyAgents, which the
// gateway serves from the engine's targets answer: the same agents, order
// and "can take work now") and the queues, so a transfer goes to an agent
// (destinationType agent) or a queue as the draw says, an agent taken
// meanwhile sending it to the queue the same draw picks. A conference is the
// vendor's consult, then consultConference once the invited agent accepted
// (not after a consult to a queue: the SDK needs the accepting agent's id,
// which the owner's desk does not learn; the twin's conference is live
// anyway once that agent accepts); the invited SDK agent stays its drawn turn, then leaves (exitConference) or
// takes the chat over while the owner hands it on (transferConference), at
// the behaviour model's odds.
import {
  agentsFromTargets, agentsMatter, chooseTarget, conferenceCandidates, transferCandidates,
  type AgentModel, type Target,
} from '../../sim/behaviour/index.js';
import type { Rng } from '../../sim/random/prng.js';
import type { ConversationRecord } from '../conversation-ledger.js';
import type { LoadWorld, StreamPlan } from '../load-world.js';
import type { Task } from '../scheduler.js';
import { createSdkAgent, type SdkAgent } from './sdk-agent.js';
import type { SdkBuddyAgent } from './sdk-runtime.js';

/** The part of the SDK's task object this client uses. */
interface SdkTask {
  data: { interactionId: string; type?: string; isConsulted?: boolean; interaction: { callProcessingDetails: Record<string, unknown> } };
  accept(): Promise<unknown>;
  end(): Promise<unknown>;
  wrapup(p: { wrapUpReason: string; auxCodeId: string }): Promise<unknown>;
  transfer(p: { to: string; destinationType: string }): Promise<unknown>;
  consult(p: { to: string; destinationType: string }): Promise<unknown>;
  consultConference(): Promise<unknown>;
  exitConference(): Promise<unknown>;
  transferConference(): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): void;
}

interface Held {
  task: SdkTask;
  conversationId: number;
  rec: ConversationRecord | undefined;
  /** Invited to a conference (a consult offer) rather than offered the conversation. */
  role: 'owner' | 'conference';
  /** A consult this owner asked for: once the invited agent accepted, it confirms the conference. */
  consulting: boolean;
  phase: 'offered' | 'active' | 'wrapUp' | 'gone';
  tasks: Task[];
  held: boolean;
  wrapUpSinceMs: number;
}

export interface SdkAgentClientConfig {
  /** http://host:port of the server (`serve --webex`). */
  baseUrl: string;
  accessToken: string;
  team: string;
}

export class SdkAgentClient {
  private sdk: SdkAgent | undefined;
  private readonly desk = new Map<number, Held>();
  private ronaCode = '';
  private resolvedCode = '';
  private inRona = false;
  /** The agent's last SDK call of each kind (calls of a kind go one at a time). */
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(readonly id: string, private readonly model: AgentModel, private readonly world: LoadWorld, private readonly rng: Rng, private readonly config: SdkAgentClientConfig) {}

  /** Registers, logs in to a station and goes available. */
  async connect(): Promise<void> {
    // A short log history: the SDK uploads it after every refused request, and a load run has hundreds of agents.
    const sdk = await createSdkAgent({ baseUrl: this.config.baseUrl, accessToken: this.config.accessToken, logHistoryLength: 200 });
    this.sdk = sdk;
    sdk.cc.on('task:incoming', ((task: SdkTask) => this.onIncoming(task)) as (p: never) => void);
    sdk.cc.on('agent:stateChange', ((s: Record<string, unknown>) => this.onState(s)) as (p: never) => void);
    const profile = await sdk.register();
    this.ronaCode = codeId(profile.idleCodes, 'RONA');
    this.resolvedCode = codeId(profile.wrapupCodes, 'Resolved');
    await sdk.cc.stationLogin({ teamId: this.config.team, loginOption: 'BROWSER' });
    await sdk.cc.setAgentState({ state: 'Available', auxCodeId: '0' });
    this.world.agentOpened();
  }

  /** The owner hands a conference over to the invited agent: it leaves the conference (the vendor's conference transfer) and wraps up. */
  handOver(conversationId: number, dueMs: number): boolean {
    const h = this.desk.get(conversationId);
    if (h === undefined || h.phase !== 'active' || h.role !== 'owner' || this.world.stopped) return false;
    this.cancelTasks(h);
    // Refused (the conference ended meanwhile): the owner ends it as planned, at once.
    this.call('conferenceTransfer', dueMs, () => h.task.transferConference(), undefined, () => this.finishAt(h, this.world.now()));
    return true;
  }

  close(): void {
    for (const h of this.desk.values()) this.cancelTasks(h);
    void this.sdk?.close().catch(() => {});
  }

  private onState(s: Record<string, unknown>): void {
    const rona = s.auxCodeId === this.ronaCode && this.ronaCode !== '';
    if (rona && !this.inRona) {
      this.world.ledger.rona++;
      this.world.scheduler.at(this.world.now() + this.model.ronaRecoveryMs(), (due) => this.call('setState', due, () => this.sdk!.cc.setAgentState({ state: 'Available', auxCodeId: '0' })));
    }
    this.inRona = rona;
  }

  private onIncoming(task: SdkTask): void {
    const receivedMs = this.world.now();
    const conversationId = Number(task.data.interactionId);
    const details = task.data.interaction.callProcessingDetails;
    this.world.offered(conversationId, String(details.customerName ?? ''), String(details.QueueId ?? ''), receivedMs);
    const h: Held = { task, conversationId, rec: this.world.ledger.get(conversationId), role: 'owner', consulting: false, phase: 'offered', tasks: [], held: false, wrapUpSinceMs: -1 };
    this.desk.set(conversationId, h);
    task.on('task:consulting', () => this.onConsulting(h));
    task.on('task:rejected', () => this.gone(h));
    task.on('task:end', () => (h.phase === 'offered' ? this.gone(h) : this.onWrapUp(h)));
    const delay = this.model.acceptAfterMs();
    if (delay < 0) return; // lets it ring out: RONA
    h.tasks.push(this.world.scheduler.at(receivedMs + delay, (due) => {
      if (h.phase !== 'offered') return;
      this.call('accept', due, () => task.accept(), () => this.onAssigned(h));
    }));
  }

  private onAssigned(h: Held): void {
    if (h.phase !== 'offered') return;
    const now = this.world.now();
    h.phase = 'active';
    h.held = true;
    this.world.slots.change(now, +1);
    // The SDK marks a consult offer on the task after `task:incoming`: read once it is taken.
    if (h.task.data.isConsulted === true) h.role = 'conference';
    const rec = h.rec;
    if (rec !== undefined && h.role === 'conference') rec.conferences++;
    else if (rec !== undefined) {
      rec.ownerAgentId = this.id;
      rec.transferring = false;
      if (rec.answeredAtMs < 0) this.world.answered(rec, now);
    }
    this.plan(h, now);
  }

  /** The invited agent accepted this owner's consult: make it a conference. */
  private onConsulting(h: Held): void {
    if (!h.consulting || h.phase !== 'active') return;
    h.consulting = false;
    this.call('consultConference', this.world.now(), () => h.task.consultConference());
  }

  /** The stream's outcome for this turn, drawn as for every driver; what the SDK cannot do falls back to an end. */
  private plan(h: Held, nowMs: number): void {
    const rec = h.rec;
    const stream = this.world.streamOf(rec);
    const firstOwner = h.role === 'owner' && rec !== undefined && !rec.planned;
    // The stream's turn object is reused: read it at once.
    const turn = stream.model.turn(h.role, firstOwner);
    const { handleMs, midMs, outcome } = turn;
    if (outcome === 'leaveConference') {
      h.tasks.push(this.world.scheduler.at(nowMs + handleMs, (due) => this.leaveConference(h, stream, due)));
      return;
    }
    if (rec !== undefined && firstOwner) rec.planned = true;
    if (rec !== undefined && firstOwner && outcome === 'transfer') {
      h.tasks.push(this.world.scheduler.at(nowMs + midMs, (due) => this.transfer(h, rec, stream, due)));
      return;
    }
    if (rec !== undefined && firstOwner && outcome === 'conference') {
      h.tasks.push(this.world.scheduler.at(nowMs + midMs, (due) => this.conference(h, rec, stream, due)));
    }
    if (rec !== undefined && firstOwner && outcome === 'customerEnds' && this.world.scenario.channels[stream.spec.channel].customerCanEnd) {
      h.tasks.push(this.world.scheduler.at(nowMs + midMs, (due) => this.world.customerEnds(rec, due)));
    }
    this.finishAt(h, nowMs + handleMs);
  }

  /**
   * Where the transfer goes, as the native agent picks it: the stream's draw
   * over the buddy list (asked only when it could change the pick) and the
   * other queues. An agent taken meanwhile, or no list, leaves the queue the
   * same draw picks among the queues alone.
   */
  private transfer(h: Held, rec: ConversationRecord, stream: StreamPlan, dueMs: number): void {
    if (h.phase !== 'active' || rec.closing || rec.customerEnded) return;
    rec.transferring = true;
    const u = stream.model.targetDraw();
    const queues = this.world.scenario.queues;
    const toQueue = (): void => this.sendTransfer(h, rec, chooseTarget(transferCandidates(queues, rec.queue, null), u)!, dueMs, toQueue);
    if (!agentsMatter(transferCandidates(queues, rec.queue, null).queues, u)) return toQueue();
    this.buddies(dueMs, (list) => {
      const agents = list === null ? null : this.candidateAgents(list, rec.queue);
      this.sendTransfer(h, rec, chooseTarget(transferCandidates(queues, rec.queue, agents), u)!, dueMs, toQueue);
    });
  }

  private sendTransfer(h: Held, rec: ConversationRecord, target: Target, dueMs: number, toQueue: () => void): void {
    if (h.phase !== 'active') return;
    const to = target.agent !== undefined ? { to: target.agent, destinationType: 'agent' } : { to: target.queue!, destinationType: 'queue' };
    this.call('transfer', dueMs, () => h.task.transfer(to), () => rec.transfers++, () => {
      // The agent picked was taken meanwhile: to a queue instead. (The SDK does not always pass the twin's code on, so any refusal.)
      if (target.agent !== undefined) return toQueue();
      // No transfer after all: the owner ends it rather than hold it for ever.
      rec.transferring = false;
      this.finishAt(h, this.world.now());
    });
  }

  /** Whom the conference calls in, as the native agent picks it: the stream's draw over the buddy list and, where the channel allows it, the conversation's queue; then the vendor's consult. */
  private conference(h: Held, rec: ConversationRecord, stream: StreamPlan, dueMs: number): void {
    if (h.phase !== 'active' || rec.closing || rec.customerEnded) return;
    const u = stream.model.targetDraw();
    this.buddies(dueMs, (list) => {
      if (list === null || h.phase !== 'active' || rec.closing || rec.customerEnded) return;
      const toQueue = this.world.scenario.channels[stream.spec.channel].conferenceToQueue;
      const target = chooseTarget(conferenceCandidates(rec.queue, toQueue, this.candidateAgents(list, rec.queue)), u);
      if (target === null) return;
      const to = target.agent !== undefined ? { to: target.agent, destinationType: 'agent' } : { to: target.queue!, destinationType: 'queue' };
      // The twin's conference is live once the invited agent accepts; the vendor's confirmation (consultConference) names
      // the accepted agent from the task, which the owner's desk knows only for a consult to an agent.
      h.consulting = target.agent !== undefined;
      this.call('consult', dueMs, () => h.task.consult(to), undefined, () => {
        h.consulting = false;
      });
    });
  }

  /** The invited agent's turn: leave, or take the chat over while the first agent leaves (the behaviour model's even odds). */
  private leaveConference(h: Held, stream: StreamPlan, dueMs: number): void {
    if (h.phase !== 'active') return;
    const rec = h.rec;
    const invitedLeaves = stream.model.invitedLeaves();
    const owner = rec?.ownerAgentId == null ? undefined : this.world.agents.get(rec.ownerAgentId);
    if (rec !== undefined && !invitedLeaves && owner !== undefined && owner.handOver(h.conversationId, dueMs)) {
      h.role = 'owner';
      rec.ownerAgentId = this.id;
      this.finishAt(h, this.world.now() + stream.model.handleMs());
      return;
    }
    this.call('exitConference', dueMs, () => h.task.exitConference());
  }

  /** The SDK's buddy list (every state: `canTake` says who could take work now); `then(null)` when the request failed. */
  private buddies(dueMs: number, then: (list: readonly SdkBuddyAgent[] | null) => void): void {
    let answered = false;
    const once = (list: readonly SdkBuddyAgent[] | null): void => {
      if (answered) return;
      answered = true;
      then(list);
    };
    this.call('buddyAgents', dueMs, () => this.sdk!.cc.getBuddyAgents({ mediaType: 'chat' }), (resp) => once((resp as { data: { agentList: SdkBuddyAgent[] } }).data.agentList), () => once(null));
  }

  /** The buddies that could take a conversation of `queue` (the list's order, as the native agent reads its targets frame). */
  private candidateAgents(list: readonly SdkBuddyAgent[], queue: string): string[] {
    return agentsFromTargets(sdkTargets(list), queue, this.id, (id, q) => this.world.agentQueues.get(id)?.includes(q) ?? false);
  }

  /** At the planned moment the customer stops writing, and the end goes once its frames in flight are in (as the native agent does). */
  private finishAt(h: Held, atMs: number): void {
    h.tasks.push(this.world.scheduler.at(atMs, (due) => {
      const rec = h.rec;
      let done = false;
      const go = (): void => {
        if (done) return;
        done = true;
        if (h.phase === 'active' && !this.world.stopped) this.call('end', due, () => h.task.end());
      };
      if (rec === undefined) return go();
      rec.closing = true;
      this.world.ledger.whenQuiet(rec, go);
      if (!done) h.tasks.push(this.world.scheduler.after(this.world.quietWaitMaxMs, go));
    }));
  }

  private onWrapUp(h: Held): void {
    if (h.phase !== 'active') return;
    this.cancelTasks(h);
    const now = this.world.now();
    h.phase = 'wrapUp';
    h.wrapUpSinceMs = now;
    if (h.rec !== undefined && h.task.data.type === 'ContactEnded') h.rec.customerEnded = true;
    h.tasks.push(this.world.scheduler.at(now + this.model.wrapUpMs(), (due) => {
      this.call('wrapUp', due, () => h.task.wrapup({ wrapUpReason: 'Resolved', auxCodeId: this.resolvedCode }), () => {
        const t = this.world.now();
        if (h.rec === undefined || this.world.counted(h.rec)) this.world.recordSim('wrapUp', t - h.wrapUpSinceMs);
        this.gone(h);
      });
    }));
  }

  private gone(h: Held): void {
    if (h.phase === 'gone') return;
    h.phase = 'gone';
    this.cancelTasks(h);
    if (h.held) {
      h.held = false;
      this.world.slots.change(this.world.now(), -1);
    }
    if (this.desk.get(h.conversationId) === h) this.desk.delete(h.conversationId);
  }

  /**
   * One SDK call, timed and counted like a native frame and its ack (the
   * SDK resolves on the event that answers it). An agent's calls of one
   * kind go one at a time: the SDK refuses a second request while one
   * waiting on the same failure event is pending (every accept of an agent
   * shares one, every end, every wrap-up), which a desktop taking two offers
   * at once would hit; the wait counts from the due time. Calls of different
   * kinds do not wait for each other.
   */
  private call(what: string, dueMs: number, run: () => Promise<unknown>, ok?: (result: unknown) => void, failed?: (code: string) => void): void {
    if (this.world.stopped) return;
    const stats = this.world.stats;
    stats.outstanding++;
    const next = (this.inFlight.get(what) ?? Promise.resolve()).then(() => this.send(what, dueMs, run, ok, failed));
    this.inFlight.set(what, next);
    void next.then(() => {
      if (this.inFlight.get(what) === next) this.inFlight.delete(what);
    });
  }

  private send(what: string, dueMs: number, run: () => Promise<unknown>, ok?: (result: unknown) => void, failed?: (code: string) => void): Promise<void> {
    const stats = this.world.stats;
    if (this.world.stopped) {
      stats.outstanding--;
      return Promise.resolve();
    }
    const sentMs = this.world.now();
    stats.framesSent++;
    return run().then((result) => {
      stats.outstanding--;
      stats.framesReceived++;
      this.world.histograms.record('commandAck', dueMs, sentMs, this.world.now());
      ok?.(result);
    }, (err: unknown) => {
      stats.outstanding--;
      const code = /^(E_[A-Z_]+)/.exec(err instanceof Error ? err.message : '')?.[1] ?? 'E_SDK';
      stats.errorsByCode[code] = (stats.errorsByCode[code] ?? 0) + 1;
      stats.errorsByFrame[`${what} ${code}`] = (stats.errorsByFrame[`${what} ${code}`] ?? 0) + 1;
      failed?.(code);
    });
  }

  private cancelTasks(h: Held): void {
    for (const t of h.tasks) t.cancelled = true;
    h.tasks.length = 0;
  }
}

/** The buddy list read as a targets frame's agents: the twin's `canTake`, or (from a gateway without it) the agent's Available state. */
export function sdkTargets(list: readonly SdkBuddyAgent[]): { agentId: string; canTake: boolean }[] {
  return list.map((b) => ({ agentId: b.agentId, canTake: b.canTake ?? b.state === 'Available' }));
}

function codeId(codes: unknown, name: string): string {
  return Array.isArray(codes) ? String((codes as { id: string; name: string }[]).find((c) => c.name === name)?.id ?? '') : '';
}
