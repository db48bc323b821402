// The SDK desk on its own, no SDK needed: the server's agent frames in, the
// SDK's events out, and the engine commands the vendor's flow implies.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../scenarios/scenario.js';
import type { AgentCommand } from '../frames.js';
import { SdkDesk } from './sdk-desk.js';
import { TenantDirectory } from './tenant-directory.js';
import type { WebexMessage } from './webex-events.js';

const scenario = {
  orgId: 'org-1', queues: [{ name: 'support', routing: 'longest-available' }],
  agents: [{ group: 'desk', count: 2, queues: ['support'], capacity: 2 }],
  customers: [{ channel: 'livechat', queue: 'support' }],
} as unknown as Scenario;

function desk(agentId = 'desk-1', owners: Record<number, string> = {}) {
  const sent: WebexMessage[] = [];
  const commands: AgentCommand[] = [];
  const d = new SdkDesk(agentId, new TenantDirectory(scenario), {
    send: (m) => sent.push(m), command: (c) => commands.push(c), ownerOf: (id) => owners[id],
  });
  const types = () => sent.splice(0).map((m) => `${m.type}/${String(m.data.type)}`);
  return { d, sent, commands, types };
}

const offer = (kind = 'new', conversationId = 7) => ({
  type: 'offer', offerId: 3, conversationId, kind, channel: 'livechat', queue: 'support',
  customer: { name: 'Ann Lee', number: '*********7542' }, source: 'Chat widget: support', receivedAt: 1, expiresAt: Date.now() + 20_000, proactive: false,
});
const conversation = (role = 'owner', conversationId = 7) => ({ type: 'conversation', conversationId, role, channel: 'livechat', queue: 'support', customer: { name: 'Ann Lee', number: '*********7542' }, source: 'x' });

describe('the SDK desk', () => {
  it('an offer is reserved then offered; the accepted conversation is assigned; an end the agent asked for is its wrap-up', () => {
    const { d, types, sent } = desk();
    d.onFrame(offer());
    expect(types()).toEqual(['RoutingMessage/AgentContactReserved', 'RoutingMessage/AgentOfferContact']);
    d.onFrame(conversation());
    d.onFrame({ type: 'message', conversationId: 7, from: 'customer', text: 'hi', at: 1 });
    expect(types()).toEqual(['RoutingMessage/AgentContactAssigned']);
    d.expect(d.task('7')!, 'end');
    d.onFrame({ type: 'wrapUpRequired', conversationId: 7, reasons: ['Resolved'] });
    expect(sent[0]!.data).toMatchObject({ type: 'AgentWrapup', interactionId: '7', agentsPendingWrapUp: ['desk-1'] });
  });

  it('carries the masked customer as the frames gave it', () => {
    const { d, sent } = desk();
    d.onFrame(offer());
    const details = (sent[0]!.data.interaction as { callProcessingDetails: Record<string, unknown> }).callProcessingDetails;
    expect(details).toMatchObject({ customerName: 'Ann Lee', ani: '*********7542', QueueId: 'support' });
  });

  it('RONA rescinds the offer as AgentOfferContactRona and reports the state with the RONA code', () => {
    const { d, types, sent } = desk();
    d.onFrame(offer());
    types();
    d.onFrame({ type: 'state', state: 'rona' });
    d.onFrame({ type: 'offerRescinded', offerId: 3, conversationId: 7, reason: 'rona' });
    expect(sent[0]!.data).toMatchObject({ type: 'AgentStateChangeSuccess', subStatus: 'Idle', auxCodeId: 'idle-8' });
    expect(types()).toEqual(['AgentStateChange/AgentStateChangeSuccess', 'RoutingMessage/AgentOfferContactRona']);
    expect(d.task('7')).toBeUndefined();
  });

  it('a customer ending the chat: the desk ends it for the owner, then the contact ended with the agent pending wrap-up', () => {
    const { d, types, commands } = desk();
    d.onFrame(offer());
    d.onFrame(conversation());
    types();
    d.onFrame({ type: 'customerEnded', conversationId: 7 });
    expect(commands).toEqual([{ type: 'end', agentId: 'desk-1', conversationId: 7 }]);
    d.onFrame({ type: 'wrapUpRequired', conversationId: 7, reasons: ['Resolved'] });
    expect(types()).toEqual(['RoutingMessage/ContactEnded']);
  });

  it('consult: created for the owner, offered to the consulted agent with its owner, consulting for both once accepted', () => {
    const a = desk('desk-1');
    a.d.onFrame(offer());
    a.d.onFrame(conversation());
    a.types();
    const t = a.d.task('7')!;
    a.d.expect(t, 'consult');
    t.consultAgent = 'desk-2';
    a.d.onFrame({ type: 'conferenceStatus', conversationId: 7, status: 'requested' });
    expect(a.types()).toEqual(['RoutingMessage/AgentConsultCreated']);
    const b = desk('desk-2', { 7: 'desk-1' });
    b.d.onFrame(offer('conference'));
    expect(b.sent[1]!.data).toMatchObject({ type: 'AgentOfferConsult', owner: 'desk-1', isConsulted: true });
    b.types();
    b.d.onFrame({ type: 'conferenceStatus', conversationId: 7, status: 'active' });
    b.d.onFrame(conversation('conference'));
    expect(b.types()).toEqual(['RoutingMessage/AgentConsulting', 'RoutingMessage/AgentContactAssigned']);
    a.d.onFrame({ type: 'conferenceStatus', conversationId: 7, status: 'active' });
    const consulting = a.sent[0]!.data.interaction as { media: Record<string, { mType: string; participants: string[] }> };
    expect(Object.values(consulting.media).find((m) => m.mType === 'consult')?.participants).toEqual(['desk-1', 'desk-2']);
  });

  it('a consulted agent whose consult ends is wrapped up by the desk (the SDK drops its task)', () => {
    const b = desk('desk-2', { 7: 'desk-1' });
    b.d.onFrame(offer('conference'));
    b.d.onFrame({ type: 'conferenceStatus', conversationId: 7, status: 'active' });
    b.d.onFrame(conversation('conference'));
    b.types();
    b.d.expect(b.d.task('7')!, 'consultEnd');
    b.d.onFrame({ type: 'conferenceStatus', conversationId: 7, status: 'ended' });
    b.d.onFrame({ type: 'wrapUpRequired', conversationId: 7, reasons: ['Resolved', 'Other'] });
    expect(b.types()).toEqual(['RoutingMessage/AgentConsultEnded']);
    expect(b.commands).toEqual([{ type: 'wrapUp', agentId: 'desk-2', conversationId: 7, reason: 'Other' }]);
  });

  it('on reconnecting, a conversation it holds comes back as AgentContact in its phase', () => {
    const { d, sent } = desk();
    d.onFrame({ ...conversation(), phase: 'wrapUp' });
    expect(sent[0]!.data).toMatchObject({ type: 'AgentContact', interaction: { state: 'wrapUp' } });
  });
});
