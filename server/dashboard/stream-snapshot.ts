// One frame of the live dashboard: what the twin looks like right now, as
// plain data the page can chart without further arithmetic. Built from the
// engine host's state, so it counts what /api/state and /metrics count.
import type { EndState } from '../../engine/events.js';
import type { HistogramSummary } from '../../reports/histogram.js';
import type { HostState, LoopDelay } from '../host-snapshot.js';

export type DashboardAgentState = 'available' | 'engaged' | 'idle' | 'rona';
export const DASHBOARD_AGENT_STATES: readonly DashboardAgentState[] = ['engaged', 'available', 'idle', 'rona'];

export interface StreamSnapshot {
  /** Wall clock of the server when taken, epoch milliseconds. */
  atMs: number;
  uptimeSeconds: number;
  queues: { name: string; waiting: number; availableAgents: number }[];
  queueDepthTotal: number;
  /** Engaged: available and holding a slot (a conversation, or an offer still pending); available: available with none, as the runner's time series counts. */
  agents: Record<DashboardAgentState, number>;
  agentsConnected: number;
  slotsHeld: number;
  slotsTotal: number;
  /** Conversations not yet gone, per state (ended: still in an agent's wrap-up). */
  conversations: Record<string, number>;
  /** Conversations per end state so far. */
  endStates: Record<EndState, number>;
  /** Since the server started: arrived (offered to the centre), answered by a first agent, abandoned, completed. */
  counts: { offered: number; answered: number; abandoned: number; completed: number; inProgress: number; transferred: number; rona: number };
  /** Time per engine command by command type, since start (unit in each summary, nanoseconds today). */
  engineLatency: Record<string, Pick<HistogramSummary, 'count' | 'p50' | 'p90' | 'p99' | 'max' | 'unit'>>;
  /** Event-loop delay in milliseconds: the socket thread, and the engine thread when it runs on a worker. */
  eventLoopDelayMs: { socket: LoopDelay; engine?: LoopDelay };
  connections: { agents: number; customers: number };
}

export interface SnapshotInputs {
  state: HostState & { connections: { agents: number; customers: number } };
  socketLoopDelay: LoopDelay;
  nowMs: number;
  startedAtMs: number;
}

export function streamSnapshot({ state, socketLoopDelay, nowMs, startedAtMs }: SnapshotInputs): StreamSnapshot {
  const agents: Record<DashboardAgentState, number> = { available: 0, engaged: 0, idle: 0, rona: 0 };
  for (const a of state.agents) {
    if (a.state === 'available') agents[a.load > 0 ? 'engaged' : 'available']++;
    else if (a.state === 'idle' || a.state === 'rona') agents[a.state]++;
  }
  const engineLatency: StreamSnapshot['engineLatency'] = {};
  for (const [command, h] of Object.entries(state.engineLatency)) {
    engineLatency[command] = { count: h.count, p50: h.p50, p90: h.p90, p99: h.p99, max: h.max, unit: h.unit };
  }
  const c = state.counts;
  return {
    atMs: nowMs,
    uptimeSeconds: Math.round((nowMs - startedAtMs) / 1000),
    queues: state.queues.map((q) => ({ name: q.name, waiting: q.waiting, availableAgents: q.availableAgents })),
    queueDepthTotal: state.queues.reduce((sum, q) => sum + q.waiting, 0),
    agents,
    agentsConnected: state.agentsConnected,
    slotsHeld: state.slotsHeld,
    slotsTotal: state.slotsTotal,
    conversations: { ...state.conversationsByState },
    endStates: { ...c.ended },
    counts: {
      offered: c.arrived, answered: c.answered, abandoned: c.ended.abandoned, completed: c.ended.completed,
      inProgress: c.inProgress, transferred: c.transferred, rona: c.rona,
    },
    engineLatency,
    eventLoopDelayMs: { socket: socketLoopDelay, ...(state.engineLoopDelay ? { engine: state.engineLoopDelay } : {}) },
    connections: { ...state.connections },
  };
}
