// GET /metrics: the engine host's summary and the socket thread's counters
// in Prometheus text.
import { summarize } from '../../reports/histogram.js';
import type { HostSummary, LoopDelay } from './host-snapshot.js';
import { PrometheusText } from './prometheus-text.js';
import type { ServerMetrics } from './server-metrics.js';
import type { SocketHub } from './socket-hub.js';

export function renderMetrics(host: HostSummary, m: ServerMetrics, hub: SocketHub): string {
  const p = new PrometheusText();
  p.family('cctwin_queue_depth', 'gauge', 'Conversations waiting in the queue').sampleEach(host.queues, (q) => [q.waiting, { queue: q.name }]);
  p.family('cctwin_queue_available_agents', 'gauge', 'Agents of the queue that could take an offer now').sampleEach(host.queues, (q) => [q.availableAgents, { queue: q.name }]);
  p.family('cctwin_agents', 'gauge', 'Agents per state').sampleEach(Object.entries(host.agentsByState), ([state, n]) => [n, { state }]);
  p.family('cctwin_agents_connected', 'gauge', 'Agents with an open desktop connection').sample('cctwin_agents_connected', host.agentsConnected);
  p.family('cctwin_agent_slots_held', 'gauge', 'Conversations held by agents (active or in wrap-up)').sample('cctwin_agent_slots_held', host.slotsHeld);
  p.family('cctwin_agent_slots', 'gauge', 'Capacity of all agents, in conversations').sample('cctwin_agent_slots', host.slotsTotal);
  p.family('cctwin_conversations', 'gauge', 'Conversations per state (ended: ended but still in an agent\'s wrap-up)')
    .sampleEach(Object.entries(host.conversationsByState), ([state, n]) => [n, { state }]);
  const c = host.counts;
  p.family('cctwin_conversations_arrived_total', 'counter', 'Conversations that arrived').sample('cctwin_conversations_arrived_total', c.arrived);
  p.family('cctwin_conversations_answered_total', 'counter', 'Conversations accepted by a first agent').sample('cctwin_conversations_answered_total', c.answered);
  p.family('cctwin_conversations_ended_total', 'counter', 'Conversations per end state').sampleEach(Object.entries(c.ended), ([endState, n]) => [n, { end_state: endState }]);
  p.family('cctwin_conversations_in_progress', 'gauge', 'Conversations arrived and not yet in an end state').sample('cctwin_conversations_in_progress', c.inProgress);
  p.family('cctwin_transfers_total', 'counter', 'Transfers (including re-queues of agents that did not reconnect)').sample('cctwin_transfers_total', c.transferred);
  p.family('cctwin_conferences_total', 'counter', 'Conferences joined').sample('cctwin_conferences_total', c.conferenced);
  p.family('cctwin_rona_total', 'counter', 'Offers not accepted in time (RONA)').sample('cctwin_rona_total', c.rona);
  p.family('cctwin_wrap_ups_total', 'counter', 'Wrap-ups submitted').sample('cctwin_wrap_ups_total', c.wrapUps);
  p.family('cctwin_engine_command_seconds', 'summary', 'Time the engine took per command, by command type (since start)');
  for (const [command, h] of Object.entries(host.engineLatency)) p.summary('cctwin_engine_command_seconds', h, { command });
  p.family('cctwin_command_round_trip_seconds', 'summary', 'Frame arrival to its ack or error: decode, batch, engine, encode (since start)')
    .summary('cctwin_command_round_trip_seconds', summarize(m.roundTrip));
  p.family('cctwin_event_loop_delay_seconds', 'gauge', 'Event-loop delay per thread (perf_hooks.monitorEventLoopDelay)');
  loopDelay(p, 'socket', m.loop.read());
  if (host.engineLoopDelay) loopDelay(p, 'engine', host.engineLoopDelay);
  p.family('cctwin_frames_in_total', 'counter', 'Frames received').sampleEach(Object.entries(m.framesIn), ([role, n]) => [n, { role }]);
  p.family('cctwin_frames_out_total', 'counter', 'Frames sent').sampleEach(Object.entries(m.framesOut), ([role, n]) => [n, { role }]);
  p.family('cctwin_frames_undelivered_total', 'counter', 'Frames for a participant with no open connection').sample('cctwin_frames_undelivered_total', m.framesUndelivered);
  p.family('cctwin_errors_total', 'counter', 'Error answers (frames and refused upgrades and HTTP calls) by code').sampleEach([...m.errors], ([code, n]) => [n, { code }]);
  p.family('cctwin_connections', 'gauge', 'Open WebSocket connections').sample('cctwin_connections', hub.count('agent'), { role: 'agent' }).sample('cctwin_connections', hub.count('customer'), { role: 'customer' });
  p.family('cctwin_connections_closed_total', 'counter', 'Connections the server closed, by reason').sampleEach([...m.closes], ([reason, n]) => [n, { reason }]);
  p.family('cctwin_batches_total', 'counter', 'Batches sent to the engine').sample('cctwin_batches_total', m.batches);
  p.family('cctwin_batched_ops_total', 'counter', 'Operations in those batches').sample('cctwin_batched_ops_total', m.batchedOps);
  p.family('cctwin_internal_errors_total', 'counter', 'Commands that failed inside the engine (bugs)').sample('cctwin_internal_errors_total', host.internalErrors);
  p.family('cctwin_release_refusals_total', 'counter', 'Release commands for disconnected agents the engine refused (bugs)').sample('cctwin_release_refusals_total', host.releaseRefusals);
  return p.text();
}

function loopDelay(p: PrometheusText, thread: string, d: LoopDelay): void {
  for (const [stat, ms] of Object.entries(d)) p.sample('cctwin_event_loop_delay_seconds', ms / 1000, { thread, stat });
}
