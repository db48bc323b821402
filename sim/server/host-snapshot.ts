// The engine host's state as plain data: a summary for /metrics, and the
// full view for /api/state. Customer name and number are masked as agents
// see them (masking applies when the tenant says so).
import type { EngineCore } from '../../engine/core.js';
import type { TenantSettings } from '../../engine/model/tenant.js';
import type { HistogramSummary } from '../../reports/histogram.js';
import type { HostCounts } from './host-counts.js';

export interface QueueView {
  name: string;
  waiting: number;
  availableAgents: number;
}

export interface AgentView {
  agentId: string;
  name: string;
  state: string;
  reason?: string;
  load: number;
  capacity: number;
  offers: number;
  conversations: number;
  connected: boolean;
}

export interface ConversationView {
  conversationId: number;
  state: string;
  channel: string;
  queue: string;
  assetId: string;
  customer: { name: string; number: string };
  ownerId: string | null;
  conferenceAgentId: string | null;
  arrivedAt: number;
  answeredAt: number | null;
}

/** Event-loop delay of a thread, in milliseconds. */
export interface LoopDelay {
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface HostSummary {
  atMs: number;
  tenant: TenantSettings;
  queues: QueueView[];
  agentsByState: Record<string, number>;
  agentsConnected: number;
  slotsHeld: number;
  slotsTotal: number;
  conversationsByState: Record<string, number>;
  counts: HostCounts;
  /** Time per engine command, by command type, in nanoseconds. */
  engineLatency: Record<string, HistogramSummary>;
  /** Commands the host itself ran to release disconnected agents and the engine refused (should stay 0). */
  releaseRefusals: number;
  /** Commands that threw inside the engine (bugs), answered E_INTERNAL. */
  internalErrors: number;
  /** The engine thread's own event-loop delay, when it runs on a worker. */
  engineLoopDelay?: LoopDelay;
}

export interface AssetView {
  assetId: string;
  channel: string;
  queue: string;
  /** Conversations on it not yet ended. */
  open: number;
}

export interface HostState extends HostSummary {
  assets: AssetView[];
  agents: AgentView[];
  conversations: ConversationView[];
}

export function assetViews(core: EngineCore): AssetView[] {
  return [...core.assets.values()].map((a) => ({ assetId: a.id, channel: a.channel, queue: a.queue.name, open: a.open.size }));
}

export function queueViews(core: EngineCore): QueueView[] {
  return [...core.queues.values()].map((q) => ({ name: q.name, waiting: q.waiting.size, availableAgents: q.pool.size }));
}

export function agentViews(core: EngineCore, connected: ReadonlySet<string>): AgentView[] {
  return [...core.agents.values()].map((a) => ({
    agentId: a.id, name: a.name, state: a.state, ...(a.idleReason ? { reason: a.idleReason } : {}),
    load: a.load, capacity: a.capacity, offers: a.offers.size, conversations: a.assignments.size, connected: connected.has(a.id),
  }));
}

export function conversationViews(core: EngineCore): ConversationView[] {
  return [...core.conversations.values()].map((c) => ({
    conversationId: c.id, state: c.state, channel: c.asset.channel, queue: c.queue.name, assetId: c.asset.id,
    customer: core.customerView(c), ownerId: c.owner?.id ?? null, conferenceAgentId: c.conferenceAgent?.id ?? null,
    arrivedAt: c.arrivedAtMs, answeredAt: c.answeredAtMs < 0 ? null : c.answeredAtMs,
  }));
}

export function agentsByState(core: EngineCore): { byState: Record<string, number>; slotsTotal: number } {
  const byState: Record<string, number> = { available: 0, idle: 0, rona: 0 };
  let slotsTotal = 0;
  for (const a of core.agents.values()) {
    byState[a.state] = (byState[a.state] ?? 0) + 1;
    slotsTotal += a.capacity;
  }
  return { byState, slotsTotal };
}

export function conversationsByState(core: EngineCore): Record<string, number> {
  const byState: Record<string, number> = { queued: 0, offered: 0, active: 0, ended: 0 };
  for (const c of core.conversations.values()) byState[c.state] = (byState[c.state] ?? 0) + 1;
  return byState;
}
