// /metrics as operators expect it, scraped from a real server after some
// traffic and read with a strict parser of the text format (0.0.4): every
// sample belongs to the family its TYPE announced, no series twice,
// histograms with ordered buckets whose counts never fall and end in +Inf ==
// _count, the process and Node runtime metrics, and agent state gauges
// (engaged included) that agree with /api/state.
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/index.js';
import { ServerMetrics } from '../../server/server-metrics.js';
import { serverForFile, startTestServer } from './helpers/test-server.js';
import { TestClient } from './helpers/ws-client.js';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

interface Family {
  name: string;
  type: string;
  help: string;
  samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE_LINE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)$`);
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)/y;
const SUFFIXES: Record<string, string[]> = { histogram: ['_bucket', '_sum', '_count'], summary: ['', '_sum', '_count'] };

function parseValue(text: string): number {
  if (/^[+-]?inf$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(text)) return NaN;
  if (!/^-?[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?$/i.test(text)) throw new Error(`bad value ${text}`);
  return Number(text);
}

function parseLabels(text: string | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  if (text === undefined || text === '') return labels;
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const at = LABEL.lastIndex;
    const m = LABEL.exec(text);
    if (m === null || m.index !== at) throw new Error(`bad labels {${text}}`);
    if (m[1]! in labels) throw new Error(`label ${m[1]} twice in {${text}}`);
    labels[m[1]!] = m[2]!;
  }
  return labels;
}

/** Families by name; throws on any line the format does not allow. */
function parseExposition(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const seen = new Set<string>();
  let current: Family | undefined;
  let help = '';
  for (const line of text.split('\n')) {
    if (line === '') continue;
    let m: RegExpMatchArray | null;
    if ((m = line.match(new RegExp(`^# HELP (${NAME}) (.*)$`))) !== null) {
      help = m[2]!;
      continue;
    }
    if ((m = line.match(new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`))) !== null) {
      if (families.has(m[1]!)) throw new Error(`family ${m[1]} twice`);
      current = { name: m[1]!, type: m[2]!, help, samples: [] };
      families.set(current.name, current);
      continue;
    }
    if (line.startsWith('#')) throw new Error(`unexpected comment: ${line}`);
    m = line.match(SAMPLE_LINE);
    if (m === null) throw new Error(`bad sample line: ${line}`);
    if (current === undefined) throw new Error(`sample before any TYPE: ${line}`);
    const name = m[1]!;
    const allowed = (SUFFIXES[current.type] ?? ['']).map((s) => current!.name + s);
    if (!allowed.includes(name)) throw new Error(`${name} is not of family ${current.name} (${current.type})`);
    const sample = { name, labels: parseLabels(m[2]), value: parseValue(m[3]!) };
    const key = `${name}${JSON.stringify(Object.entries(sample.labels).sort())}`;
    if (seen.has(key)) throw new Error(`series twice: ${line}`);
    seen.add(key);
    current.samples.push(sample);
  }
  return families;
}

/** Checks each series of a histogram family: ordered buckets, counts that never fall, +Inf equal to _count, a _sum. */
function checkHistogram(f: Family): number {
  const series = new Map<string, { buckets: [number, number][]; sum?: number; count?: number }>();
  for (const s of f.samples) {
    const { le, ...rest } = s.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    let entry = series.get(key);
    if (entry === undefined) series.set(key, (entry = { buckets: [] }));
    if (s.name.endsWith('_bucket')) entry.buckets.push([parseValue(le!), s.value]);
    else if (s.name.endsWith('_sum')) entry.sum = s.value;
    else entry.count = s.value;
  }
  for (const [key, e] of series) {
    expect(e.buckets.length, `${f.name} ${key}`).toBeGreaterThan(1);
    for (let i = 1; i < e.buckets.length; i++) {
      expect(e.buckets[i]![0], `${f.name} ${key} le order`).toBeGreaterThan(e.buckets[i - 1]![0]);
      expect(e.buckets[i]![1], `${f.name} ${key} counts`).toBeGreaterThanOrEqual(e.buckets[i - 1]![1]);
    }
    expect(e.buckets.at(-1)![0]).toBe(Infinity);
    expect(e.count, `${f.name} ${key} _count`).toBe(e.buckets.at(-1)![1]);
    expect(e.sum, `${f.name} ${key} _sum`).toBeGreaterThanOrEqual(0);
  }
  return series.size;
}

function value(families: Map<string, Family>, name: string, labels: Record<string, string> = {}): number {
  const family = families.get(name) ?? families.get(name.replace(/_(bucket|sum|count)$/, ''));
  const sample = family?.samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v) &&
    Object.keys(s.labels).length === Object.keys(labels).length);
  if (sample === undefined) throw new Error(`no sample ${name} ${JSON.stringify(labels)}`);
  return sample.value;
}

async function scrape(server: RunningServer): Promise<Map<string, Family>> {
  const res = await fetch(`${server.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parseExposition(await res.text());
}

const file = serverForFile();
const track = file.track;

describe('/metrics', () => {
  it('the exposition parser refuses what the format does not allow', () => {
    expect(() => parseExposition('x 1')).toThrow(/before any TYPE/);
    expect(() => parseExposition('# TYPE x gauge\ny 1')).toThrow(/not of family/);
    expect(() => parseExposition('# TYPE x gauge\nx{a="1"} 1\nx{a="1"} 2')).toThrow(/twice/);
    expect(() => parseExposition('# TYPE x gauge\nx{a=1} 1')).toThrow(/bad labels/);
    expect(() => parseExposition('# TYPE x gauge\nx one')).toThrow(/bad value/);
    const h = parseExposition('# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1').get('h')!;
    expect(() => checkHistogram(h)).toThrow();
  });

  it('after traffic: histograms, runtime metrics, counters, and agent state gauges that match /api/state', async () => {
    // desk-1 takes a chat (engaged), desk-2 waits (available), desk-3 stays idle, sales-1 lets an SMS run into RONA.
    const ann = await track(TestClient.agent(file.server, 'desk-1'));
    await ann.ok({ type: 'setState', state: 'available' });
    const cust = await track(TestClient.customer(file.server, 'whatsapp', 'm-1'));
    await cust.ok({ type: 'message', text: 'hello' });
    const offer = await ann.next('offer');
    await ann.ok({ type: 'accept', offerId: offer.offerId });
    const conversationId = offer.conversationId as number;
    await ann.ok({ type: 'reply', conversationId, text: 'hi, how can I help?' });
    await cust.ok({ type: 'message', text: 'my order is late' });
    await ann.ok({ type: 'listTargets' });
    expect(await ann.refused({ type: 'accept', offerId: 999 })).toBe('E_UNKNOWN_OFFER');
    const bob = await track(TestClient.agent(file.server, 'desk-2'));
    await bob.ok({ type: 'setState', state: 'available' });
    await track(TestClient.agent(file.server, 'desk-3'));
    const sam = await track(TestClient.agent(file.server, 'sales-1'));
    await sam.ok({ type: 'setState', state: 'available' });
    const texter = await track(TestClient.customer(file.server, 'sms', 'm-2'));
    await texter.ok({ type: 'message', text: 'anyone?' });
    await sam.next('offerRescinded', { reason: 'rona' }, 3000);
    await sam.next('state', { state: 'rona' });

    const families = await scrape(file.server);
    const state = await file.server.state();

    // Agents by every state: engaged counted apart from available, all of them adding up.
    expect(families.get('cctwin_agents')!.type).toBe('gauge');
    const expected = { available: 0, engaged: 0, idle: 0, rona: 0 } as Record<string, number>;
    for (const a of state.agents) expected[a.state === 'available' && a.load > 0 ? 'engaged' : a.state]! += 1;
    expect(expected).toEqual({ available: 1, engaged: 1, idle: 1, rona: 1 });
    for (const [s, n] of Object.entries(expected)) expect(value(families, 'cctwin_agents', { state: s }), s).toBe(n);
    expect(families.get('cctwin_agents')!.samples.reduce((sum, s) => sum + s.value, 0)).toBe(state.agents.length);
    expect(value(families, 'cctwin_agents_connected')).toBe(state.agentsConnected);
    for (const [s, n] of Object.entries(state.conversationsByState)) expect(value(families, 'cctwin_conversations', { state: s }), s).toBe(n);
    for (const q of state.queues) expect(value(families, 'cctwin_queue_depth', { queue: q.name })).toBe(q.waiting);
    expect(value(families, 'cctwin_agent_slots_held')).toBe(state.slotsHeld);
    expect(value(families, 'cctwin_rona_total')).toBe(1);
    expect(value(families, 'cctwin_conversations_arrived_total')).toBe(2);

    // Counters of the socket thread.
    expect(families.get('cctwin_errors_total')!.type).toBe('counter');
    expect(value(families, 'cctwin_errors_total', { code: 'E_UNKNOWN_OFFER' })).toBe(1);
    expect(value(families, 'cctwin_frames_in_total', { role: 'customer' })).toBe(3);
    expect(value(families, 'cctwin_frames_in_total', { role: 'agent' })).toBe(7);
    expect(value(families, 'cctwin_frames_out_total', { role: 'agent' })).toBeGreaterThan(10);
    expect(value(families, 'cctwin_connections', { role: 'agent' })).toBe(4);
    expect(value(families, 'cctwin_connections', { role: 'customer' })).toBe(2);
    expect(value(families, 'cctwin_batches_total')).toBeGreaterThan(0);
    expect(value(families, 'cctwin_batched_ops_total')).toBeGreaterThanOrEqual(value(families, 'cctwin_batches_total'));

    // Latency histograms: every frame answered is observed once (7 agent frames, 3 customer frames).
    const roundTrip = families.get('cctwin_command_round_trip_seconds')!;
    expect(roundTrip.type).toBe('histogram');
    expect(value(families, 'cctwin_command_round_trip_seconds_count')).toBe(10);
    for (const f of families.values()) if (f.type === 'histogram') checkHistogram(f);
    expect(value(families, 'cctwin_command_round_trip_seconds_bucket', { le: '+Inf' })).toBe(10);
    expect(value(families, 'cctwin_command_round_trip_seconds_sum')).toBeGreaterThan(0);
    // Every batch that went to the engine came back and was observed.
    expect(families.get('cctwin_engine_batch_round_trip_seconds')!.type).toBe('histogram');
    expect(value(families, 'cctwin_engine_batch_round_trip_seconds_count')).toBe(value(families, 'cctwin_batches_total'));

    // The bench and load tools read the event-loop delay per thread.
    expect(value(families, 'cctwin_event_loop_delay_seconds', { thread: 'socket', stat: 'p99' })).toBeGreaterThan(0);
    expect(value(families, 'cctwin_event_loop_delay_seconds', { thread: 'engine', stat: 'p99' })).toBeGreaterThan(0);

    // Process and Node runtime metrics.
    for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'process_start_time_seconds', 'nodejs_heap_size_used_bytes', 'nodejs_eventloop_lag_p99_seconds', 'nodejs_version_info']) {
      expect(families.has(name), name).toBe(true);
    }
    expect(value(families, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(families.get('nodejs_gc_duration_seconds')?.type).toBe('histogram');
  });

  it('each server has its own registry: a second server in the same process counts only its own traffic', async () => {
    const other = await startTestServer();
    try {
      const families = await scrape(other);
      expect(value(families, 'cctwin_frames_in_total', { role: 'agent' })).toBe(0);
      expect(value(families, 'cctwin_command_round_trip_seconds_count')).toBe(0);
      expect(families.get('cctwin_errors_total')!.samples).toEqual([]);
      expect(value(families, 'cctwin_agents', { state: 'idle' })).toBe(4);
      expect(value(await scrape(file.server), 'cctwin_frames_in_total', { role: 'agent' })).toBe(7);
    } finally {
      await other.drain();
    }
  });

  it('the engine batch round trip appears as a histogram once batches are reported', async () => {
    const m = new ServerMetrics();
    try {
      expect(await m.registry.metrics()).not.toContain('cctwin_engine_batch_round_trip_seconds');
      m.recordBatchRoundTrip(performance.now() - 2);
      m.recordBatchRoundTrip(performance.now());
      const family = parseExposition(await m.registry.metrics()).get('cctwin_engine_batch_round_trip_seconds')!;
      expect(family.type).toBe('histogram');
      checkHistogram(family);
      expect(family.samples.find((s) => s.name.endsWith('_count'))!.value).toBe(2);
    } finally {
      m.loop.stop();
    }
  });
});
