// GET /metrics: this server's prom-client registry (server-metrics.ts) with
// the engine host's state copied in at each scrape, followed by the process
// and Node runtime metrics (collectDefaultMetrics). Metric names are listed in
// server/README.md.
import { Counter, Gauge, Registry } from 'prom-client';
import type { HostState, LoopDelay } from './host-snapshot.js';
import { processRegistry, type Role, type ServerMetrics } from './server-metrics.js';
import type { SocketHub } from './socket-hub.js';

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

/**
 * Agent states as operators count them: `engaged` is available and holding
 * a slot (a conversation, or an offer still pending), `available` available
 * with none, as the live dashboard and the runner's time series count; every
 * other engine state (idle, rona) as it is. They add up to all agents.
 */
export const AGENT_STATES = ['available', 'engaged', 'idle', 'rona'] as const;

const ROLES: readonly Role[] = ['agent', 'customer'];

export async function renderMetrics(host: HostState, m: ServerMetrics, hub: SocketHub): Promise<string> {
  pageOf(m).update(host, m, hub);
  const own = await m.registry.metrics();
  return `${own}\n${await processRegistry().metrics()}`;
}

/** Agents per state as /metrics counts them, from the state view's agents. */
export function agentsPerState(agents: HostState['agents']): Record<string, number> {
  const byState: Record<string, number> = {};
  for (const s of AGENT_STATES) byState[s] = 0;
  for (const a of agents) {
    const state = a.state === 'available' && a.load > 0 ? 'engaged' : a.state;
    byState[state] = (byState[state] ?? 0) + 1;
  }
  return byState;
}

const pages = new WeakMap<ServerMetrics, MetricsPage>();

function pageOf(m: ServerMetrics): MetricsPage {
  let page = pages.get(m);
  if (page === undefined) pages.set(m, (page = new MetricsPage(m.registry)));
  return page;
}

type Labels = Record<string, string>;

/** The families set from the engine host's state and the socket thread's plain counts, scrape by scrape. */
class MetricsPage {
  private readonly gauges: Record<string, Gauge>;
  private readonly counters: Record<string, Counter>;

  constructor(registry: Registry) {
    const registers = [registry];
    const gauge = (name: string, help: string, labelNames: string[] = []): Gauge => new Gauge({ name, help, labelNames, registers });
    const counter = (name: string, help: string, labelNames: string[] = []): Counter => new Counter({ name, help, labelNames, registers });
    this.gauges = {
      queueDepth: gauge('cctwin_queue_depth', 'Conversations waiting in the queue', ['queue']),
      queueAvailable: gauge('cctwin_queue_available_agents', 'Agents of the queue that could take an offer now', ['queue']),
      agents: gauge('cctwin_agents', 'Agents per state: available (with no conversation or offer), engaged (available and holding one), idle, rona', ['state']),
      agentsConnected: gauge('cctwin_agents_connected', 'Agents with an open desktop connection'),
      slotsHeld: gauge('cctwin_agent_slots_held', 'Conversations held by agents (active or in wrap-up)'),
      slots: gauge('cctwin_agent_slots', 'Capacity of all agents, in conversations'),
      conversations: gauge('cctwin_conversations', "Conversations per state (ended: ended but still in an agent's wrap-up)", ['state']),
      inProgress: gauge('cctwin_conversations_in_progress', 'Conversations arrived and not yet in an end state'),
      connections: gauge('cctwin_connections', 'Open WebSocket connections', ['role']),
      loopDelay: gauge('cctwin_event_loop_delay_seconds', 'Event-loop delay per thread since start (perf_hooks.monitorEventLoopDelay)', ['thread', 'stat']),
    };
    this.counters = {
      arrived: counter('cctwin_conversations_arrived_total', 'Conversations that arrived'),
      answered: counter('cctwin_conversations_answered_total', 'Conversations accepted by a first agent'),
      ended: counter('cctwin_conversations_ended_total', 'Conversations per end state', ['end_state']),
      transferred: counter('cctwin_transfers_total', 'Transfers (including re-queues of agents that did not reconnect)'),
      conferenced: counter('cctwin_conferences_total', 'Conferences joined'),
      rona: counter('cctwin_rona_total', 'Offers not accepted in time (RONA)'),
      wrapUps: counter('cctwin_wrap_ups_total', 'Wrap-ups submitted'),
      internalErrors: counter('cctwin_internal_errors_total', 'Commands that failed inside the engine (bugs)'),
      releaseRefusals: counter('cctwin_release_refusals_total', 'Release commands for disconnected agents the engine refused (bugs)'),
      framesIn: counter('cctwin_frames_in_total', 'Frames received', ['role']),
      framesOut: counter('cctwin_frames_out_total', 'Frames sent', ['role']),
      framesUndelivered: counter('cctwin_frames_undelivered_total', 'Frames for a participant with no open connection'),
      batches: counter('cctwin_batches_total', 'Batches sent to the engine'),
      batchedOps: counter('cctwin_batched_ops_total', 'Operations in those batches'),
    };
  }

  update(host: HostState, m: ServerMetrics, hub: SocketHub): void {
    const g = this.gauges;
    const c = this.counters;
    setEach(g.queueDepth, host.queues.map((q) => [q.waiting, { queue: q.name }]));
    setEach(g.queueAvailable, host.queues.map((q) => [q.availableAgents, { queue: q.name }]));
    setEach(g.agents, Object.entries(agentsPerState(host.agents)).map(([state, n]) => [n, { state }]));
    setEach(g.agentsConnected, [[host.agentsConnected, {}]]);
    setEach(g.slotsHeld, [[host.slotsHeld, {}]]);
    setEach(g.slots, [[host.slotsTotal, {}]]);
    setEach(g.conversations, Object.entries(host.conversationsByState).map(([state, n]) => [n, { state }]));
    setEach(g.inProgress, [[host.counts.inProgress, {}]]);
    setEach(g.connections, ROLES.map((role) => [hub.count(role), { role }]));
    const delays = [...loopDelaySamples('socket', m.loop.read()), ...(host.engineLoopDelay ? loopDelaySamples('engine', host.engineLoopDelay) : [])];
    setEach(g.loopDelay, delays);

    const k = host.counts;
    setEach(c.arrived, [[k.arrived, {}]]);
    setEach(c.answered, [[k.answered, {}]]);
    setEach(c.ended, Object.entries(k.ended).map(([endState, n]) => [n, { end_state: endState }]));
    setEach(c.transferred, [[k.transferred, {}]]);
    setEach(c.conferenced, [[k.conferenced, {}]]);
    setEach(c.rona, [[k.rona, {}]]);
    setEach(c.wrapUps, [[k.wrapUps, {}]]);
    setEach(c.internalErrors, [[host.internalErrors, {}]]);
    setEach(c.releaseRefusals, [[host.releaseRefusals, {}]]);
    setEach(c.framesIn, ROLES.map((role) => [m.framesIn[role], { role }]));
    setEach(c.framesOut, ROLES.map((role) => [m.framesOut[role], { role }]));
    setEach(c.framesUndelivered, [[m.framesUndelivered, {}]]);
    setEach(c.batches, [[m.batches, {}]]);
    setEach(c.batchedOps, [[m.batchedOps, {}]]);
  }
}

/**
 * Replace a family's samples. Counters too: their running totals live where
 * they are counted (the engine host, the hub), and a copy is taken per scrape.
 */
function setEach(metric: Gauge | Counter, samples: [number, Labels][]): void {
  metric.reset();
  for (const [value, labels] of samples) {
    if (metric instanceof Gauge) metric.set(labels, value);
    else metric.inc(labels, value);
  }
}

function loopDelaySamples(thread: string, d: LoopDelay): [number, Labels][] {
  return Object.entries(d).map(([stat, ms]) => [ms / 1000, { thread, stat }]);
}

