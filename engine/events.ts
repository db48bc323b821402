// Events out: what each participant should now see, which timers to set and
// what to count. Agent-facing text is already masked when the tenant says so;
// customer-facing text never is.
import type { Channel } from './model/channel.js';
import type { TimerKind } from './commands.js';

export type AgentState = 'available' | 'idle' | 'rona';
export type OfferKind = 'new' | 'transfer' | 'conference';
export type EndState = 'completed' | 'abandoned' | 'droppedOnTransfer' | 'interrupted';
export type RescindReason = 'rona' | 'abandoned' | 'interrupted' | 'customerEnded' | 'cancelled';
export type ConferenceStatus = 'requested' | 'active' | 'ended';

export interface CustomerView {
  name: string;
  number: string;
}

export interface TranscriptEntry {
  from: 'customer' | 'agent' | 'system';
  agentId?: string;
  text: string;
  atMs: number;
}

export type EngineEvent =
  // To one agent
  | { type: 'agentState'; agentId: string; state: AgentState; reason?: string }
  | {
      type: 'offer'; agentId: string; offerId: number; conversationId: number; kind: OfferKind;
      channel: Channel; queue: string; customer: CustomerView; source: string;
      receivedAtMs: number; expiresAtMs: number; proactive: boolean;
    }
  | { type: 'offerRescinded'; agentId: string; offerId: number; conversationId: number; reason: RescindReason }
  | {
      type: 'conversation'; agentId: string; conversationId: number; role: 'owner' | 'conference';
      channel: Channel; queue: string; customer: CustomerView; source: string; transcript: TranscriptEntry[];
    }
  | { type: 'wrapUpRequired'; agentId: string; conversationId: number; reasons: readonly string[] }
  | { type: 'interrupted'; agentId: string; conversationId: number; reason: string }
  | { type: 'customerEnded'; agentId: string; conversationId: number }
  | { type: 'targets'; agentId: string; queues: TargetQueue[]; agents: TargetAgent[] }
  // To every agent on a conversation (and, for messages, the customer)
  | {
      type: 'message'; conversationId: number; customerId: string; from: 'customer' | 'agent' | 'system';
      fromAgentId?: string; text: string; maskedText: string; atMs: number; agentIds: string[];
    }
  | { type: 'note'; conversationId: number; agentId: string; maskedText: string; atMs: number; agentIds: string[] }
  | { type: 'conferenceStatus'; conversationId: number; status: ConferenceStatus; agentIds: string[] }
  | { type: 'sessionEnded'; conversationId: number; agentIds: string[]; atMs: number }
  // To the customer
  | { type: 'closed'; conversationId: number; customerId: string; reason: EndState }
  | { type: 'csatSurvey'; conversationId: number; customerId: string }
  // Timers
  | { type: 'timer'; timerKind: TimerKind; ref: number; atMs: number }
  // For recorders (metrics come from these, never from inside the engine)
  | { type: 'arrived'; conversationId: number; customerId: string; assetId: string; channel: Channel; queue: string; atMs: number }
  | { type: 'answered'; conversationId: number; agentId: string; arrivedAtMs: number; atMs: number }
  | { type: 'transferred'; conversationId: number; to: 'queue' | 'agent'; atMs: number }
  | { type: 'conferenced'; conversationId: number; atMs: number }
  | { type: 'rona'; agentId: string; offerId: number; atMs: number }
  | { type: 'wrapUpDone'; agentId: string; conversationId: number; reason: string; durationMs: number }
  | {
      type: 'ended'; conversationId: number; endState: EndState; arrivedAtMs: number;
      answeredAtMs: number; atMs: number;
    };

export interface TargetQueue {
  name: string;
  waiting: number;
  availableAgents: number;
}

export interface TargetAgent {
  agentId: string;
  name: string;
  state: AgentState;
  /** Available with spare capacity: a transfer or conference to it would be offered now. */
  canTake: boolean;
}

export type EventOf<T extends EngineEvent['type']> = Extract<EngineEvent, { type: T }>;
