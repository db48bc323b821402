// Commands in: what an agent desktop, a customer widget, an administrator or
// a timer says. Every driver (virtual time, real time, tests) speaks these.
import type { TenantSettings } from './model/tenant.js';
import type { Channel } from './model/channel.js';

export type AgentStateRequest = 'available' | 'idle';

export type Command =
  // Agent desktop
  | { type: 'setState'; agentId: string; state: AgentStateRequest; reason?: string }
  | { type: 'accept'; agentId: string; offerId: number }
  | { type: 'reply'; agentId: string; conversationId: number; text: string }
  | { type: 'transfer'; agentId: string; conversationId: number; queue?: string; agent?: string }
  | { type: 'conference'; agentId: string; conversationId: number; queue?: string; agent?: string }
  | { type: 'endConference'; agentId: string; conversationId: number }
  | { type: 'end'; agentId: string; conversationId: number }
  | { type: 'wrapUp'; agentId: string; conversationId: number; reason: string }
  | { type: 'endSession'; agentId: string; conversationId: number }
  | { type: 'note'; agentId: string; conversationId: number; text: string }
  | { type: 'listTargets'; agentId: string }
  // Customer widget
  | { type: 'customerMessage'; assetId: string; customerId: string; text: string; name?: string; number?: string; proactive?: boolean }
  | { type: 'customerEnd'; conversationId: number }
  | { type: 'abandon'; conversationId: number }
  // Administrator
  | { type: 'addAgent'; agentId: string; name?: string; queues: string[]; capacity: number }
  | { type: 'addAsset'; assetId: string; channel: Channel; queue: string; label: string }
  | { type: 'deleteAsset'; assetId: string }
  | { type: 'setTenant'; settings: Partial<TenantSettings> }
  // Timers the engine asked for
  | { type: 'timerFired'; timerKind: TimerKind; ref: number };

export type CommandType = Command['type'];

export type TimerKind = 'offerExpiry';
