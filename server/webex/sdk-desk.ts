// One agent's desk as the SDK sees it: the server's agent frames in (the
// same masked frames a native desktop gets), the SDK's events out. It keeps
// what the frames do not repeat (the task of each conversation, what the SDK
// waits for on it) and tells the gateway which engine commands the vendor's
// flow implies where the twin's protocol asks for one more step:
//
// - a customer ending a Livechat chat (or a deleted channel asset) ends the
//   contact in the vendor's flow; in the twin the owner still sends `end`,
//   so the desk sends it for the owner (as the server's disconnect release
//   does for an agent who never came back);
// - a consulted agent whose consult ends loses the task in the SDK (it drops
//   consulted tasks), so the desk wraps it up with the reason "Other".
import type { AgentCommand } from '../frames.js';
import { agentEvent, taskEvent, type TaskView, type WebexMessage } from './webex-events.js';
import { buddyList, type TargetsAgent } from './buddy-agents.js';
import { LOGGED_OUT_REASON, RONA_REASON, type TenantDirectory } from './tenant-directory.js';

/** What the SDK waits for on a task, set when a request was carried out. */
export type Expectation = 'end' | 'transferQueue' | 'transferAgent' | 'consult' | 'consultEnd' | 'consultEndConference' | 'exitConference' | 'consultTransfer' | 'conferenceTransfer' | 'customerEnded';

interface Task extends TaskView {
  offerId: number | undefined;
  expect: Expectation | undefined;
  /** The customer ended it (or its asset went): only end remains. */
  over: boolean;
}

/** Where the desk's output goes: messages to the SDK, commands to the engine. */
export interface DeskOutput {
  send(msg: WebexMessage): void;
  command(cmd: AgentCommand): void;
  /** The agent that asked for a consult on this conversation, if known. */
  ownerOf(conversationId: number): string | undefined;
}

type Frame = Record<string, unknown> & { type: string };

export class SdkDesk {
  stationLoggedIn = false;
  teamId: string;
  private readonly tasks = new Map<number, Task>();
  private state: { state: string; reason: string | undefined; sinceMs: number } = { state: 'idle', reason: undefined, sinceMs: Date.now() };
  /** The state filter of the buddy list asked for last (the SDK asks one at a time). */
  private buddyFilter: string | undefined;

  constructor(readonly agentId: string, private readonly dir: TenantDirectory, private readonly out: DeskOutput) {
    this.teamId = dir.agents.get(agentId)!.team;
  }

  /** A new notification socket: the server resends the desk, so forget what the frames will tell again. */
  reset(): void {
    this.tasks.clear();
  }

  task(interactionId: string): Task | undefined {
    const id = Number(interactionId);
    return Number.isSafeInteger(id) ? this.tasks.get(id) : undefined;
  }

  expect(t: Task, e: Expectation): void {
    t.expect = e;
  }

  forget(t: Task): void {
    this.tasks.delete(t.conversationId);
  }

  /** A buddy list request is going to the engine as listTargets: its `targets` frame is read with this filter. */
  askBuddies(state: string | undefined): void {
    this.buddyFilter = state;
  }

  /** The state events' common fields. */
  stateFields(): Record<string, unknown> {
    const s = this.state;
    const available = s.state === 'available';
    return {
      status: this.stationLoggedIn ? 'LoggedIn' : 'LoggedOut', subStatus: available ? 'Available' : 'Idle',
      auxCodeId: available ? '0' : this.dir.idleCodeIdOf(s.state === 'rona' ? RONA_REASON : s.reason),
      lastStateChangeReason: s.reason ?? '', lastStateChangeTimestamp: s.sinceMs, lastIdleCodeChangeTimestamp: s.sinceMs,
      agentSessionId: `session-${this.agentId}`, teamId: this.teamId,
    };
  }

  /** The station login's answer: capacity per digital channel, as the SDK's multimedia profile counts it. */
  loginFields(): Record<string, unknown> {
    const capacity = this.dir.agents.get(this.agentId)!.capacity;
    const slots = Array.from({ length: capacity }, (_, i) => `${this.agentId}-slot-${i + 1}`);
    return {
      ...this.stateFields(), siteId: 'site-1', profileType: 'BLENDED', roles: ['agent'], deviceType: 'BROWSER', deviceId: `webrtc-${this.agentId}`, dialNumber: this.agentId,
      channelsMap: { chat: slots, social: slots, email: [], telephony: [] },
    };
  }

  /** One agent frame of the server's own protocol. */
  onFrame(f: Frame): void {
    switch (f.type) {
      case 'state':
        this.state = { state: f.state as string, reason: f.reason as string | undefined, sinceMs: Date.now() };
        if (f.reason === LOGGED_OUT_REASON) return; // the logout answers for itself
        this.out.send(agentEvent('AgentStateChange', 'AgentStateChangeSuccess', this.dir.orgId, this.agentId, this.stateFields()));
        return;
      case 'offer':
        return this.onOffer(f);
      case 'offerRescinded':
        return this.onRescinded(f);
      case 'conversation':
        return this.onConversation(f);
      case 'conferenceStatus':
        return this.onConferenceStatus(f);
      case 'wrapUpRequired':
        return this.onWrapUpRequired(f);
      case 'customerEnded':
      case 'interrupted':
        return this.onOver(f);
      case 'targets':
        this.out.send(agentEvent('BuddyAgents', 'BuddyAgents', this.dir.orgId, this.agentId, {
          agentSessionId: `session-${this.agentId}`, agentList: buddyList(f.agents as TargetsAgent[], this.dir, this.buddyFilter),
        }));
        return;
      default:
        // message, note (the SDK has no chat text API: text stays on the twin's protocol), sessionEnded, ack, error.
        return;
    }
  }

  private onOffer(f: Frame): void {
    const conversationId = f.conversationId as number;
    const kind = f.kind as string;
    const t: Task = {
      conversationId, interactionId: String(conversationId), channel: f.channel as Task['channel'], queue: f.queue as string,
      customer: f.customer as Task['customer'], source: f.source as string, receivedAtMs: f.receivedAt as number,
      owner: kind === 'conference' ? (this.out.ownerOf(conversationId) ?? '') : this.agentId, consultAgent: kind === 'conference' ? this.agentId : undefined,
      conference: kind === 'conference' ? 'requested' : 'none', consulted: kind === 'conference', phase: 'offered', held: false,
      ronaTimeoutS: Math.max(1, Math.round(((f.expiresAt as number) - Date.now()) / 1000)), offerId: f.offerId as number, expect: undefined, over: false,
    };
    this.tasks.set(conversationId, t);
    this.send('AgentContactReserved', t, 'new');
    if (kind === 'conference') this.send('AgentOfferConsult', t, 'consult');
    else this.send('AgentOfferContact', t, 'new');
  }

  private onRescinded(f: Frame): void {
    const t = this.tasks.get(f.conversationId as number);
    if (t === undefined || t.offerId !== f.offerId || t.phase !== 'offered') return;
    this.tasks.delete(t.conversationId);
    if (f.reason === 'rona') this.send('AgentOfferContactRona', t, 'new', { reason: 'RONA', reasonCode: 0 });
    else if (t.consulted) this.send('AgentConsultEnded', t, 'new', { reason: String(f.reason) });
    else this.send('ContactEnded', t, 'new', { reason: String(f.reason), agentsPendingWrapUp: [] });
  }

  private onConversation(f: Frame): void {
    const conversationId = f.conversationId as number;
    const role = f.role as 'owner' | 'conference';
    let t = this.tasks.get(conversationId);
    if (t !== undefined && t.phase === 'offered') {
      t.phase = 'active';
      t.offerId = undefined;
      if (role === 'owner') {
        t.owner = this.agentId;
        t.consulted = false;
        t.consultAgent = undefined;
        t.conference = 'none';
      }
      this.send('AgentContactAssigned', t, 'connected');
      return;
    }
    // Resent on connecting: the SDK re-creates the task (task:hydrate).
    const phase = f.phase === 'wrapUp' ? 'wrapUp' : 'active';
    t = {
      conversationId, interactionId: String(conversationId), channel: f.channel as Task['channel'], queue: f.queue as string,
      customer: f.customer as Task['customer'], source: f.source as string, receivedAtMs: Date.now(),
      owner: role === 'owner' ? this.agentId : '', consultAgent: role === 'conference' ? this.agentId : undefined,
      conference: role === 'conference' ? 'active' : 'none', consulted: role === 'conference', phase, held: false, ronaTimeoutS: 0,
      offerId: undefined, expect: undefined, over: false,
    };
    this.tasks.set(conversationId, t);
    this.send('AgentContact', t, phase === 'wrapUp' ? 'wrapUp' : t.consulted ? 'conference' : 'connected');
  }

  private onConferenceStatus(f: Frame): void {
    const t = this.tasks.get(f.conversationId as number);
    if (t === undefined) return;
    const before = t.conference;
    switch (f.status) {
      case 'requested':
        t.conference = 'requested';
        if (t.expect === 'consult') {
          t.expect = undefined;
          this.send('AgentConsultCreated', t, 'consult', { destAgentId: t.consultAgent ?? '' });
        }
        return;
      case 'active':
        t.conference = 'active';
        this.send('AgentConsulting', t, 'conference', { destAgentId: t.consultAgent ?? '' });
        return;
      case 'ended': {
        t.conference = 'none';
        const e = t.expect;
        if (e === 'consultEnd' || e === 'consultEndConference') {
          // The owner withdrew its invitation: answered now. An agent leaving an active conference is answered with its wrap-up.
          if (before === 'requested') {
            t.expect = undefined;
            this.send(e === 'consultEnd' ? 'AgentConsultEnded' : 'AgentConsultConferenceEnded', t, 'connected');
            t.consultAgent = undefined;
          }
          return;
        }
        if (e === 'exitConference' || e === 'consultTransfer' || e === 'conferenceTransfer') return;
        if (before === 'requested') this.send('AgentConsultEnded', t, 'connected');
        else if (before === 'active') {
          // The other agent left; this one keeps the chat (and owns it now).
          t.owner = this.agentId;
          t.consulted = false;
          this.send('ParticipantLeftConference', t, 'connected');
          t.consultAgent = undefined;
        }
        return;
      }
    }
  }

  private onWrapUpRequired(f: Frame): void {
    const t = this.tasks.get(f.conversationId as number);
    if (t === undefined) return;
    t.phase = 'wrapUp';
    t.held = false;
    const e = t.expect;
    t.expect = undefined;
    const pending = { agentsPendingWrapUp: [this.agentId] };
    switch (e) {
      case 'end':
        return this.send('AgentWrapup', t, 'wrapUp', pending);
      case 'transferQueue':
        return this.send('AgentVteamTransferred', t, 'wrapUp', pending);
      case 'transferAgent':
        this.send('AgentBlindTransferred', t, 'wrapUp', pending);
        return this.send('AgentWrapup', t, 'wrapUp', pending);
      case 'consultTransfer':
        this.send('AgentConsultTransferred', t, 'wrapUp', pending);
        return this.send('AgentWrapup', t, 'wrapUp', pending);
      case 'exitConference':
      case 'conferenceTransfer':
        this.send('ParticipantLeftConference', t, 'wrapUp', pending);
        return this.send('AgentWrapup', t, 'wrapUp', pending);
      case 'consultEnd':
      case 'consultEndConference':
        // The SDK drops a consulted task when its consult ends: nothing will wrap it up but this desk.
        this.send(e === 'consultEnd' ? 'AgentConsultEnded' : 'AgentConsultConferenceEnded', t, 'wrapUp', pending);
        this.tasks.delete(t.conversationId);
        this.out.command({ type: 'wrapUp', agentId: this.agentId, conversationId: t.conversationId, reason: this.autoWrapUpReason(f.reasons) });
        return;
      default:
        // Ended by someone else (the customer, the owner of a conference): the contact ended.
        return this.send('ContactEnded', t, 'wrapUp', pending);
    }
  }

  private onOver(f: Frame): void {
    const t = this.tasks.get(f.conversationId as number);
    if (t === undefined) return;
    t.over = true;
    if (t.phase === 'active' && t.owner === this.agentId && !t.consulted) {
      t.expect = 'customerEnded';
      this.out.command({ type: 'end', agentId: this.agentId, conversationId: t.conversationId });
    }
  }

  private autoWrapUpReason(reasons: unknown): string {
    const list = Array.isArray(reasons) ? (reasons as string[]) : [];
    return list.includes('Other') ? 'Other' : (list[list.length - 1] ?? 'Other');
  }

  /** The owner confirmed the conference (consult, then conference): tell this consulted desk too. */
  conferenced(conversationId: number, owner: string): void {
    const t = this.tasks.get(conversationId);
    if (t === undefined || !t.consulted) return;
    if (t.owner === '') t.owner = owner;
    this.send('AgentConsultConferenced', t, 'conference', { destAgentId: this.agentId });
    this.send('ParticipantJoinedConference', t, 'conference', { participantId: this.agentId });
  }

  /** A task event for this desk. */
  send(type: string, t: TaskView, state: string, fields: Record<string, unknown> = {}): void {
    this.out.send(taskEvent(type, this.dir.orgId, this.agentId, t, state, fields));
  }
}
