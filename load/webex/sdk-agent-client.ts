// One simulated agent driven through the vendor's agent SDK instead of the
// twin's own protocol (`cctwin load --agent-client webex-sdk`). Its
// decisions are the same behaviour model's (sim/behaviour) as the native
// load agent's: accept after the drawn delay or let the offer ring out into
// RONA, available again after the drawn recovery; as first owner, the
// stream's outcome; wrap-up after the drawn time. Every SDK call is timed
// into commandAck (from its scheduled moment and from its send, to the
// SDK's promise settling, i.e. the event that answers it on the socket);
// the first offer's arrival into `offer`. What the SDK cannot do it does not
// do: it sends no chat replies (the SDK has no text API), and it neither
// lists targets nor confers (a transfer goes to a queue; a conference
// outcome ends the conversation).
import { chooseTarget, transferCandidates, type AgentModel } from '../../sim/behaviour/index.js';
import type { Rng } from '../../sim/random/prng.js';
import type { ConversationRecord } from '../conversation-ledger.js';
import type { LoadWorld } from '../load-world.js';
import type { Task } from '../scheduler.js';
import { createSdkAgent, type SdkAgent } from './sdk-agent.js';

/** The part of the SDK's task object this client uses. */
interface SdkTask {
  data: { interactionId: string; type?: string; interaction: { callProcessingDetails: Record<string, unknown> } };
  accept(): Promise<unknown>;
  end(): Promise<unknown>;
  wrapup(p: { wrapUpReason: string; auxCodeId: string }): Promise<unknown>;
  transfer(p: { to: string; destinationType: string }): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): void;
}

interface Held {
  task: SdkTask;
  conversationId: number;
  rec: ConversationRecord | undefined;
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

  /** The SDK agent takes no conference over: it never confers. */
  handOver(): boolean {
    return false;
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
    const h: Held = { task, conversationId, rec: this.world.ledger.get(conversationId), phase: 'offered', tasks: [], held: false, wrapUpSinceMs: -1 };
    this.desk.set(conversationId, h);
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
    const rec = h.rec;
    if (rec !== undefined) {
      rec.ownerAgentId = this.id;
      rec.transferring = false;
      if (rec.answeredAtMs < 0) this.world.answered(rec, now);
    }
    this.plan(h, now);
  }

  /** The stream's outcome for this turn, drawn as for every driver; what the SDK cannot do falls back to an end. */
  private plan(h: Held, nowMs: number): void {
    const rec = h.rec;
    const stream = this.world.streamOf(rec);
    const firstOwner = rec !== undefined && !rec.planned;
    const turn = stream.model.turn('owner', firstOwner);
    const { handleMs, midMs, outcome } = turn;
    if (rec !== undefined && firstOwner) rec.planned = true;
    if (rec !== undefined && firstOwner && outcome === 'transfer') {
      const u = stream.model.targetDraw();
      h.tasks.push(this.world.scheduler.at(nowMs + midMs, (due) => this.transfer(h, rec, u, due)));
      return;
    }
    if (rec !== undefined && firstOwner && outcome === 'customerEnds' && this.world.scenario.channels[stream.spec.channel].customerCanEnd) {
      h.tasks.push(this.world.scheduler.at(nowMs + midMs, (due) => this.world.customerEnds(rec, due)));
    }
    this.finishAt(h, nowMs + handleMs);
  }

  private transfer(h: Held, rec: ConversationRecord, u: number, dueMs: number): void {
    if (h.phase !== 'active' || rec.closing || rec.customerEnded) return;
    const target = chooseTarget(transferCandidates(this.world.scenario.queues, rec.queue, null), u);
    if (target?.queue === undefined) return this.finishAt(h, dueMs);
    rec.transferring = true;
    this.call('transfer', dueMs, () => h.task.transfer({ to: target.queue!, destinationType: 'queue' }), () => rec.transfers++, () => {
      rec.transferring = false;
    });
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
  private call(what: string, dueMs: number, run: () => Promise<unknown>, ok?: () => void, failed?: () => void): void {
    if (this.world.stopped) return;
    const stats = this.world.stats;
    stats.outstanding++;
    const next = (this.inFlight.get(what) ?? Promise.resolve()).then(() => this.send(what, dueMs, run, ok, failed));
    this.inFlight.set(what, next);
    void next.then(() => {
      if (this.inFlight.get(what) === next) this.inFlight.delete(what);
    });
  }

  private send(what: string, dueMs: number, run: () => Promise<unknown>, ok?: () => void, failed?: () => void): Promise<void> {
    const stats = this.world.stats;
    if (this.world.stopped) {
      stats.outstanding--;
      return Promise.resolve();
    }
    const sentMs = this.world.now();
    stats.framesSent++;
    return run().then(() => {
      stats.outstanding--;
      stats.framesReceived++;
      this.world.histograms.record('commandAck', dueMs, sentMs, this.world.now());
      ok?.();
    }, (err: unknown) => {
      stats.outstanding--;
      const code = /^(E_[A-Z_]+)/.exec(err instanceof Error ? err.message : '')?.[1] ?? 'E_SDK';
      stats.errorsByCode[code] = (stats.errorsByCode[code] ?? 0) + 1;
      stats.errorsByFrame[`${what} ${code}`] = (stats.errorsByFrame[`${what} ${code}`] ?? 0) + 1;
      failed?.();
    });
  }

  private cancelTasks(h: Held): void {
    for (const t of h.tasks) t.cancelled = true;
    h.tasks.length = 0;
  }
}

function codeId(codes: unknown, name: string): string {
  return Array.isArray(codes) ? String((codes as { id: string; name: string }[]).find((c) => c.name === name)?.id ?? '') : '';
}
