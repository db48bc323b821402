// The HTTP side: /health, /metrics in Prometheus text with the figures the
// issue names, /api/state with masked customer views, admin input checks,
// and the placeholder page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/index.js';
import { adminCall, startTestServer } from './helpers/test-server.js';
import { TestClient } from './helpers/ws-client.js';

let server: RunningServer;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const c of clients) c.ws.terminate();
  await server.drain();
});

/** The value of one sample line, e.g. sample(text, 'cctwin_queue_depth{queue="support"}'). */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  if (line === undefined) throw new Error(`no sample ${series}`);
  return Number(line.slice(series.length + 1));
}

async function metrics(): Promise<string> {
  const res = await fetch(`${server.url}/metrics`);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

describe('HTTP', () => {
  it('/health says ok and where the engine runs', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', engineThread: 'worker', connections: { agents: 0, customers: 0 } });
  });

  it('/metrics and /api/state follow the center: queue depth, agents and conversations per state, engine latency, loop lag, frames, errors', async () => {
    const ann = await TestClient.agent(server, 'desk-1');
    clients.push(ann);
    const waiting = await TestClient.customer(server, 'whatsapp', '+447966197542', { queue: 'sales', name: '+447966197542' });
    clients.push(waiting);
    await waiting.ok({ type: 'message', text: 'hello' });
    await ann.refused({ type: 'accept', offerId: 12345 });

    const text = await metrics();
    expect(text).toContain('# TYPE cctwin_queue_depth gauge');
    expect(sample(text, 'cctwin_queue_depth{queue="sales"}')).toBe(1); // sales-1 is not available
    expect(sample(text, 'cctwin_queue_depth{queue="support"}')).toBe(0);
    expect(sample(text, 'cctwin_agents{state="idle"}')).toBe(4);
    expect(sample(text, 'cctwin_agents_connected')).toBe(1);
    expect(sample(text, 'cctwin_conversations{state="queued"}')).toBe(1);
    expect(sample(text, 'cctwin_conversations_arrived_total')).toBe(1);
    expect(sample(text, 'cctwin_errors_total{code="E_UNKNOWN_OFFER"}')).toBe(1);
    expect(sample(text, 'cctwin_frames_in_total{role="customer"}')).toBe(1);
    expect(sample(text, 'cctwin_frames_out_total{role="agent"}')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'cctwin_connections{role="agent"}')).toBe(1);
    expect(text).toContain('# TYPE cctwin_engine_command_duration_seconds histogram');
    expect(sample(text, 'cctwin_engine_command_duration_seconds_count{command="customerMessage"}')).toBe(1);
    expect(sample(text, 'cctwin_engine_command_duration_seconds_bucket{le="+Inf",command="customerMessage"}')).toBe(1);
    expect(sample(text, 'cctwin_command_round_trip_seconds_count')).toBe(2);
    expect(sample(text, 'cctwin_event_loop_delay_seconds{thread="socket",stat="p99"}')).toBeGreaterThan(0);
    expect(sample(text, 'cctwin_event_loop_delay_seconds{thread="engine",stat="p99"}')).toBeGreaterThan(0);
    // Every sample line is `name{labels} number` (blank lines between families are allowed by the format).
    for (const line of text.trim().split('\n')) if (line !== '' && !line.startsWith('#')) expect(line).toMatch(/^[a-z_][a-z0-9_]*(\{[^}]*\})? (-?[0-9.e+-]+|[+-]Inf|NaN|Nan)$/);

    const state = await server.state();
    const http = (await (await fetch(`${server.url}/api/state`)).json()) as typeof state;
    expect(http.queues).toEqual(state.queues);
    expect(http.queues.find((q) => q.name === 'sales')).toEqual({ name: 'sales', waiting: 1, availableAgents: 0 });
    expect(http.agents.find((a) => a.agentId === 'desk-1')).toMatchObject({ state: 'idle', reason: 'Logged in', load: 0, capacity: 2, connected: true });
    const conv = http.conversations[0]!;
    expect(conv).toMatchObject({ state: 'queued', channel: 'whatsapp', queue: 'sales', assetId: 'whatsapp:sales', ownerId: null });
    // The customer view is masked as agents see it.
    expect(conv.customer.name).toBe('*********7542');
    expect(JSON.stringify(http)).not.toContain('+447966197542');
    expect(http.connections).toEqual({ agents: 1, customers: 1 });
  });

  it('admin settings refuse what is not a known boolean setting', async () => {
    expect(await adminCall(server, 'POST', '/api/admin/settings', { bogus: true })).toMatchObject({ status: 400, json: { code: 'E_MALFORMED' } });
    expect(await adminCall(server, 'POST', '/api/admin/settings', { maskSensitiveData: 'no' })).toMatchObject({ status: 400, json: { code: 'E_MALFORMED' } });
    expect(await adminCall(server, 'POST', '/api/admin/settings', '{not json')).toMatchObject({ status: 400, json: { code: 'E_MALFORMED' } });
    expect((await server.state()).tenant.maskSensitiveData).toBe(true);
  });

  it('GET / answers a page', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('/metrics');
  });
});
