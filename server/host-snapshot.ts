// The engine host's state as plain data: a summary for /metrics, and the
// full view for /api/state. Customer name and number are masked as agents
// see them (masking applies when the tenant says so).
import type { EngineView, TenantSettings } from '../engine/index.js';
import type { HistogramSummary } from '../reports/histogram.js';
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

export function assetViews(view: EngineView): AssetView[] {
  return view.assets().map((a) => ({ assetId: a.assetId, channel: a.channel, queue: a.queue, open: a.open }));
}

export function queueViews(view: EngineView): QueueView[] {
  return view.queues().map((q) => ({ name: q.name, waiting: q.waiting, availableAgents: q.availableAgents }));
}

export function agentViews(view: EngineView, connected: ReadonlySet<string>): AgentView[] {
  return view.agents().map((a) => ({
    agentId: a.agentId, name: a.name, state: a.state, ...(a.reason ? { reason: a.reason } : {}),
    load: a.load, capacity: a.capacity, offers: a.offers, conversations: a.conversations, connected: connected.has(a.agentId),
  }));
}

export function conversationViews(view: EngineView): ConversationView[] {
  return view.conversations().map((c) => ({
    conversationId: c.conversationId, state: c.state, channel: c.channel, queue: c.queue, assetId: c.assetId,
    customer: view.customerOf(c.conversationId)!, ownerId: c.ownerId, conferenceAgentId: c.conferenceAgentId,
    arrivedAt: c.arrivedAtMs, answeredAt: c.answeredAtMs < 0 ? null : c.answeredAtMs,
  }));
}

export function agentsByState(view: EngineView): { byState: Record<string, number>; slotsTotal: number } {
  const byState: Record<string, number> = { available: 0, idle: 0, rona: 0 };
  let slotsTotal = 0;
  for (const a of view.agents()) {
    byState[a.state] = (byState[a.state] ?? 0) + 1;
    slotsTotal += a.capacity;
  }
  return { byState, slotsTotal };
}

export function conversationsByState(view: EngineView): Record<string, number> {
  return view.conversationsByState();
}
