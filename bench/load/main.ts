// How many concurrent connections (agents + customers) and chat messages a
// second this machine sustains with p99 customer-to-agent delivery under
// 50 ms: a stepped ramp. Each step starts a fresh server in a child process
// (bench/load/serve-child.ts, loopback only) and runs `cctwin load` against
// it from this process with a center sized for the step's connection count
// (bench-center.ts). The p99 that decides is from the scheduled moment
// (coordinated omission corrected), over the step after its ramp-up (the
// intervals of its load.hlog from --ramp on); the whole step's is shown too.
// The generator's CPU (process.cpuUsage) and the server's (/proc) are
// reported. The ramp stops at the first step over the limit (--keep-going
// runs them all); every step is bounded by --seconds.
//
// Run: npx tsc -p tsconfig.json && node dist/bench/load/main.js [--steps 1000,2000,5000,10000] [--seconds 50] [--ramp 25] [--runs 1] [--limit-ms 50] [--replies 3] [--transfer 0.02] [--conference 0.02] [--json] [--keep-going]
// (--replies N: each conversation has 1..N agent replies, each answered: raise it for a message-heavier chat.
// --transfer/--conference: shares of conversations transferred and conferenced; each first asks for the
// list of targets, a frame naming every agent, which dominates the cost with thousands of agents.)
// Each connection is a file descriptor in this process and one in the server's: check `ulimit -n`
// (the default 1024 is too few; 10,000 connections need about 10,100: `ulimit -n 20000` first).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HistogramLogReader, type JsHistogram } from 'hdr-histogram-js';
import { createLatencyHistogram, summarize, type HistogramSummary } from '../../reports/histogram.js';
import { loadScenario } from '../../scenarios/load.js';
import { runLoad, tagOf, type LoadReport } from '../../load/index.js';
import { benchCenter } from './bench-center.js';
import { cpuSecondsOf, spawnServerChild } from '../server/child-server.js';

const { values } = parseArgs({
  options: {
    steps: { type: 'string', default: '1000,2000,5000,10000' },
    seconds: { type: 'string', default: '50' },
    ramp: { type: 'string', default: '25' },
    runs: { type: 'string', default: '1' },
    'limit-ms': { type: 'string', default: '50' },
    json: { type: 'boolean', default: false },
    'keep-going': { type: 'boolean', default: false },
    replies: { type: 'string', default: '3' },
    transfer: { type: 'string', default: '0.02' },
    conference: { type: 'string', default: '0.02' },
  },
});
const steps = values.steps.split(',').map(Number);
const seconds = Number(values.seconds);
const rampSeconds = Number(values.ramp);
const runs = Number(values.runs);
const limitMs = Number(values['limit-ms']);
const maxReplies = Number(values.replies);
const mix = { transfer: Number(values.transfer), conference: Number(values.conference) };
const SECRET = 'load-bench-secret-not-for-production';

interface StepFigures {
  connections: number;
  agents: number;
  peakConnections: number;
  conversations: number;
  messagesPerSecond: number;
  framesPerSecond: number;
  c2aP50Ms: number;
  c2aP99Ms: number;
  c2aP99SentMs: number;
  c2aP99WholeMs: number;
  a2cP99Ms: number;
  ackP99Ms: number;
  offerP99Ms: number;
  generatorCpu: number;
  serverCpu: number;
  lagMaxMs: number;
  /** The server's event-loop delay (whole step), socket thread and engine thread, p99 and max. */
  serverLoopP99Ms: number;
  serverLoopMaxMs: number;
  engineLoopP99Ms: number;
  engineLoopMaxMs: number;
  balanced: boolean;
  leaks: number;
  loadAverage: number;
  pass: boolean;
}

function startChild(scenarioFile: string): Promise<{ child: ChildProcess; port: number }> {
  return spawnServerChild(fileURLToPath(new URL('./serve-child.js', import.meta.url)), [scenarioFile], { ...process.env, CCTWIN_SECRET: SECRET });
}

/** The server's event-loop delays from its /metrics page, in ms. */
async function loopDelaysMs(port: number): Promise<{ socketP99: number; socketMax: number; engineP99: number; engineMax: number }> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const read = (thread: string, stat: string): number => {
    const line = text.split('\n').find((l) => l.startsWith(`cctwin_event_loop_delay_seconds{thread="${thread}",stat="${stat}"} `));
    return line === undefined ? NaN : Math.round(Number(line.split(' ')[1]) * 1e5) / 100;
  };
  return { socketP99: read('socket', 'p99'), socketMax: read('socket', 'max'), engineP99: read('engine', 'p99'), engineMax: read('engine', 'max') };
}

/** One tag's intervals from `fromSeconds` on, merged. */
function steadySummary(hlogFile: string, tag: string, fromSeconds: number): HistogramSummary {
  const reader = new HistogramLogReader(readFileSync(hlogFile, 'utf8'));
  const merged = createLatencyHistogram('us');
  for (let h = reader.nextIntervalHistogram(); h !== null; h = reader.nextIntervalHistogram()) {
    const hdr = h as JsHistogram;
    if (hdr.tag === tag && (hdr.startTimeStampMsec - reader.baseTimeSec * 1000) / 1000 >= fromSeconds) merged.hdr.add(hdr);
  }
  return summarize(merged);
}

async function runStep(connections: number): Promise<StepFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'cctwin-load-bench-'));
  const center = benchCenter(connections, seconds, mix);
  const scenarioFile = join(dir, 'center.yaml');
  writeFileSync(scenarioFile, center.yaml);
  const loadAverage = loadavg()[0]!;
  const { child, port } = await startChild(scenarioFile);
  try {
    const cpu0 = cpuSecondsOf(child.pid!);
    const t0 = performance.now();
    const report: LoadReport = await runLoad({
      scenario: loadScenario(scenarioFile), speed: 1, target: `ws://127.0.0.1:${port}`, secret: SECRET,
      durationMs: seconds * 1000, outDir: dir, connectConcurrency: 200, maxReplies,
    });
    const serverCpu = (cpuSecondsOf(child.pid!) - cpu0) / ((performance.now() - t0) / 1000);
    const loops = await loopDelaysMs(port);
    const hlog = join(dir, 'load.hlog');
    const c2a = steadySummary(hlog, tagOf('customerToAgent', 'fromScheduled'), rampSeconds);
    const c2aSent = steadySummary(hlog, tagOf('customerToAgent', 'fromSent'), rampSeconds);
    const a2c = steadySummary(hlog, tagOf('agentToCustomer', 'fromScheduled'), rampSeconds);
    const ack = steadySummary(hlog, tagOf('commandAck', 'fromScheduled'), rampSeconds);
    const offer = steadySummary(hlog, tagOf('offer', 'fromScheduled'), rampSeconds);
    const ms = (us: number): number => Math.round(us / 10) / 100;
    return {
      connections, agents: center.agents, peakConnections: report.traffic.peakConnections,
      conversations: report.balance.client.arrived,
      messagesPerSecond: Math.round(report.traffic.messagesPerSecond), framesPerSecond: report.traffic.framesPerSecond,
      c2aP50Ms: ms(c2a.p50), c2aP99Ms: ms(c2a.p99), c2aP99SentMs: ms(c2aSent.p99), c2aP99WholeMs: ms(report.latency.customerToAgent.fromScheduled.p99),
      a2cP99Ms: ms(a2c.p99), ackP99Ms: ms(ack.p99), offerP99Ms: ms(offer.p99),
      generatorCpu: report.generator.cpuCores, serverCpu: Math.round(serverCpu * 100) / 100, lagMaxMs: Math.round(report.generator.schedulerMaxLagMs),
      serverLoopP99Ms: loops.socketP99, serverLoopMaxMs: loops.socketMax, engineLoopP99Ms: loops.engineP99, engineLoopMaxMs: loops.engineMax,
      balanced: report.balance.balanced, leaks: report.maskingLeaks.count, loadAverage: Math.round(loadAverage * 100) / 100,
      pass: c2a.count > 0 && ms(c2a.p99) < limitMs,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const COLUMNS: [string, keyof StepFigures][] = [
  ['target', 'connections'], ['agents', 'agents'], ['peak conns', 'peakConnections'], ['convs', 'conversations'],
  ['msgs/s', 'messagesPerSecond'], ['frames/s', 'framesPerSecond'],
  ['c2a p50', 'c2aP50Ms'], ['c2a p99', 'c2aP99Ms'], ['p99 sent', 'c2aP99SentMs'], ['p99 whole', 'c2aP99WholeMs'],
  ['a2c p99', 'a2cP99Ms'], ['ack p99', 'ackP99Ms'], ['offer p99', 'offerP99Ms'],
  ['gen CPU', 'generatorCpu'], ['srv CPU', 'serverCpu'], ['gen lag max', 'lagMaxMs'],
  ['srv loop p99', 'serverLoopP99Ms'], ['srv loop max', 'serverLoopMaxMs'], ['engine loop p99', 'engineLoopP99Ms'], ['engine loop max', 'engineLoopMaxMs'],
  ['load avg', 'loadAverage'],
];

const all: StepFigures[][] = steps.map(() => []);
for (let r = 0; r < runs; r++) {
  for (let i = 0; i < steps.length; i++) {
    const figures = await runStep(steps[i]!);
    all[i]!.push(figures);
    if (!values.json) process.stderr.write(`run ${r + 1}/${runs}, ${steps[i]} connections: c2a p99 ${figures.c2aP99Ms} ms (${figures.pass ? 'ok' : 'over'}), peak ${figures.peakConnections}, ${figures.messagesPerSecond} msgs/s, generator ${figures.generatorCpu} cores, server ${figures.serverCpu} cores\n`);
    if (!figures.pass && !values['keep-going']) break;
  }
}
const medians = all.filter((xs) => xs.length > 0).map((xs) => {
  const m = { ...xs[0]! };
  for (const [, key] of COLUMNS) (m as unknown as Record<string, number>)[key] = median(xs.map((x) => x[key] as number));
  m.pass = xs.filter((x) => x.pass).length * 2 > xs.length;
  m.balanced = xs.every((x) => x.balanced);
  m.leaks = Math.max(...xs.map((x) => x.leaks));
  return m;
});
const best = [...medians].reverse().find((m) => m.pass);
if (values.json) {
  process.stdout.write(`${JSON.stringify({ seconds, rampSeconds, runs, limitMs, cores: availableParallelism(), medians, runsByStep: all, sustained: best ?? null }, null, 2)}\n`);
} else {
  process.stdout.write(`load bench: ${seconds} s steps (p99 after ${rampSeconds} s of ramp-up), 1..${maxReplies} replies per conversation, transfer ${mix.transfer}, conference ${mix.conference}, median of ${runs} run${runs === 1 ? '' : 's'}, ${availableParallelism()} cores; latencies in ms from the scheduled moment unless noted\n`);
  const rows = [[...COLUMNS.map(([h]) => h), 'balance', 'leaks', `< ${limitMs} ms`], ...medians.map((m) => [...COLUMNS.map(([, k]) => String(m[k])), m.balanced ? 'ok' : 'OFF', String(m.leaks), m.pass ? 'yes' : 'no'])];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const row of rows) process.stdout.write(`${row.map((cell, c) => cell.padStart(widths[c]!)).join('  ')}\n`);
  process.stdout.write(best === undefined
    ? `no step kept customer-to-agent p99 under ${limitMs} ms\n`
    : `sustained: ${best.peakConnections} concurrent connections (${best.agents} agents), ${best.messagesPerSecond} chat messages/s, c2a p99 ${best.c2aP99Ms} ms; generator ${best.generatorCpu} cores, server ${best.serverCpu} cores\n`);
}
