// The notification socket's messages, in the envelopes the SDK matches on:
// agent events `{type: <envelope>, data: {type: <event>, ...}}` and task
// events `{type: 'RoutingMessage', data: {type: <event>, interactionId,
// interaction, ...}}`. The SDK resolves a request's promise on the first
// message whose `type`, `data.type` (and for tasks `data.interactionId`)
// match what it waits for. Every agent-facing value here comes from the
// server's own agent frames, which carry masked text only.
import { randomBytes } from 'node:crypto';
import type { Channel } from '../../engine/model/channel.js';

export type WebexMessage = { type: string; data: Record<string, unknown> } | { type: string; data: Record<string, unknown>; orgId: string; trackingId: string; body?: Record<string, unknown> };

export interface TaskView {
  conversationId: number;
  interactionId: string;
  channel: Channel;
  queue: string;
  customer: { name: string; number: string };
  source: string;
  receivedAtMs: number;
  /** The agent owning the conversation, as far as this desk knows. */
  owner: string;
  /** The agent invited to (or in) a conference on it, if any. */
  consultAgent: string | undefined;
  conference: 'none' | 'requested' | 'active';
  /** Joined as a conference agent rather than owner. */
  consulted: boolean;
  phase: 'offered' | 'active' | 'wrapUp';
  held: boolean;
  ronaTimeoutS: number;
}

/** The SDK's media type per twin channel (its MEDIA_CHANNEL values). */
const MEDIA_TYPE: Record<Channel, string> = { livechat: 'chat', facebook: 'social', whatsapp: 'social', sms: 'social' };

/** Letters only: a run of digits in an id would read as a card or phone number to a leak detector. */
export function trackingId(): string {
  const bytes = randomBytes(16);
  let id = 'cctwin_';
  for (const b of bytes) id += LETTERS[b % LETTERS.length];
  return id;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function agentEvent(envelope: string, type: string, orgId: string, agentId: string, fields: Record<string, unknown> = {}): WebexMessage {
  const id = trackingId();
  return { type: envelope, orgId, trackingId: id, data: { eventType: 'AgentDesktopMessage', type, agentId, orgId, trackingId: id, ...fields } };
}

/** A task event for `selfId`'s desk; `state` is the interaction's state as the SDK reads it. */
export function taskEvent(type: string, orgId: string, selfId: string, t: TaskView, state: string, fields: Record<string, unknown> = {}): WebexMessage {
  const id = trackingId();
  return {
    type: 'RoutingMessage', orgId, trackingId: id,
    data: {
      type, eventType: 'RoutingMessage', agentId: selfId, orgId, trackingId: id, interactionId: t.interactionId, mediaResourceId: t.interactionId,
      queueMgr: 'aqm', owner: t.owner, isConsulted: t.consulted, interaction: interactionOf(orgId, selfId, t, state), ...fields,
    },
  };
}

/** A failure event: `reason` names the twin's error code and message, `reasonCode` the HTTP status answered. */
export function failureEvent(envelope: string, type: string, orgId: string, agentId: string, interactionId: string | undefined, reason: string, status: number): WebexMessage {
  const id = trackingId();
  const colon = reason.indexOf(': ');
  return {
    type: envelope, orgId, trackingId: id,
    // The SDK builds a task action's error from the failed message's `body`: with it the twin's code reaches the caller.
    body: { errorType: colon < 0 ? reason : reason.slice(0, colon), errorMessage: colon < 0 ? reason : reason.slice(colon + 2) },
    data: { type, eventType: envelope === 'RoutingMessage' ? 'RoutingMessage' : 'AgentDesktopMessage', agentId, orgId, trackingId: id, reason, reasonCode: status, ...(interactionId === undefined ? {} : { interactionId }) },
  };
}

function interactionOf(orgId: string, selfId: string, t: TaskView, state: string): Record<string, unknown> {
  const ix = t.interactionId;
  const mediaType = MEDIA_TYPE[t.channel];
  const agents = [t.owner, ...(t.consultAgent === undefined ? [] : [t.consultAgent])].filter((a) => a !== '');
  if (!agents.includes(selfId)) agents.push(selfId);
  const participants: Record<string, unknown> = {
    customer: { id: 'customer', pType: 'Customer', type: 'Customer', name: t.customer.name, hasLeft: false, isWrapUp: false },
  };
  for (const a of agents) {
    participants[a] = { id: a, pType: 'Agent', type: 'Agent', name: a, hasJoined: true, hasLeft: false, isWrapUp: a === selfId && t.phase === 'wrapUp', consultState: null };
  }
  // The conference agent joins the main media once the conference is on; before that it sits on a consult leg.
  const inMain = t.conference === 'active' ? agents : [t.owner].filter((a) => a !== '');
  const media: Record<string, unknown> = {
    [ix]: { mediaResourceId: ix, mediaType, mediaMgr: 'digitalmm', participants: ['customer', ...inMain], mType: 'mainCall', isHold: t.held, holdTimestamp: null },
  };
  if (t.consultAgent !== undefined && t.conference !== 'none') {
    media[`${ix}-consult`] = { mediaResourceId: `${ix}-consult`, mediaType, mediaMgr: 'digitalmm', participants: [t.owner, t.consultAgent], mType: 'consult', isHold: false, holdTimestamp: null };
  }
  return {
    interactionId: ix, orgId, mediaType, mediaChannel: t.channel, channelType: mediaType, state, owner: t.owner,
    contactDirection: { type: 'INBOUND' }, outboundType: null, isFcManaged: false, isTerminated: false, isMediaForked: false,
    createdTimestamp: t.receivedAtMs, participants, media, previousVTeams: [],
    callProcessingDetails: {
      QueueId: t.queue, virtualTeamName: t.queue, customerName: t.customer.name, ani: t.customer.number, dnis: t.source,
      ronaTimeout: String(t.ronaTimeoutS), channel: t.channel, isPaused: 'false',
      ...(t.consulted ? { relationshipType: 'consult', parentInteractionId: ix } : {}),
    },
  };
}
