// The server's engine-thread design, measured: the engine on its own worker
// thread (batches cross threads, one in flight at a time) against the engine
// on the socket thread (`--engine-thread main`). The server runs in a child
// process; this process is the load client (its CPU is reported too). Each
// reply is one frame in and three out (ack, the agent's masked echo, the
// customer's copy). Phases: closed loop with chat-sized replies, closed loop
// with long masking-heavy replies, open loop at a fixed rate (latency from
// when each reply was due). Figures are medians of runs, the two designs
// interleaved so drift on a shared machine hits both alike.
// Run: npx tsc -p tsconfig.json && node dist/bench/server/main.js [--agents N] [--runs R] [--seconds S] [--rate R] [--json]
import type { ChildProcess } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { summarize } from '../../reports/histogram.js';
import { cpuSecondsOf, spawnServerChild } from './child-server.js';
import { closedLoop, connectCenter, HEAVY_TEXTS, openLoop, type LoadResult } from './bench-client.js';

type Thread = 'worker' | 'main';

interface RunFigures {
  chatRepliesPerSecond: number;
  chatFramesPerSecond: number;
  chatP50Ms: number;
  chatP99Ms: number;
  chatServerCpu: number;
  chatClientCpu: number;
  heavyRepliesPerSecond: number;
  heavyP99Ms: number;
  heavyServerCpu: number;
  openP50Ms: number;
  openP99Ms: number;
  openP99SinceSentMs: number;
  socketLoopP99Ms: number;
  engineLoopP99Ms: number;
}

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '200' },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '3' },
    rate: { type: 'string', default: '2000' },
    json: { type: 'boolean', default: false },
  },
});
const agents = Number(values.agents);
const runs = Number(values.runs);
const seconds = Number(values.seconds);
const rate = Number(values.rate);

function startChild(thread: Thread): Promise<{ child: ChildProcess; port: number }> {
  return spawnServerChild(fileURLToPath(new URL('./serve-child.js', import.meta.url)), [thread, String(agents)]);
}

async function measure(pid: number, f: () => Promise<LoadResult>): Promise<LoadResult & { serverCpu: number; clientCpu: number }> {
  const s0 = cpuSecondsOf(pid);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await f();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  if (result.errors > 0) throw new Error(`${result.errors} replies refused`);
  return { ...result, serverCpu: round2((cpuSecondsOf(pid) - s0) / wall), clientCpu: round2((c.user + c.system) / 1e6 / wall) };
}

async function loopDelaysMs(port: number): Promise<{ socket: number; engine: number }> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const p99 = (thread: string): number => {
    const line = text.split('\n').find((l) => l.startsWith(`cctwin_event_loop_delay_seconds{thread="${thread}",stat="p99"} `));
    return line === undefined ? 0 : round2(Number(line.split(' ')[1]) * 1000);
  };
  return { socket: p99('socket'), engine: p99('engine') };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const ms = (us: number): number => round2(us / 1000);

async function runOnce(thread: Thread): Promise<RunFigures> {
  const { child, port } = await startChild(thread);
  const center = await connectCenter(port, agents);
  try {
    await closedLoop(center, 0.5); // warm-up
    const chat = await measure(child.pid!, () => closedLoop(center, seconds));
    const heavy = await measure(child.pid!, () => closedLoop(center, seconds, HEAVY_TEXTS));
    const open = await openLoop(center, rate, seconds);
    const loops = await loopDelaysMs(port);
    const c = summarize(chat.sinceSent);
    const h = summarize(heavy.sinceSent);
    const od = summarize(open.sinceDue);
    const os = summarize(open.sinceSent);
    return {
      chatRepliesPerSecond: Math.round(chat.commands / chat.seconds), chatFramesPerSecond: Math.round((chat.commands * 4) / chat.seconds),
      chatP50Ms: ms(c.p50), chatP99Ms: ms(c.p99), chatServerCpu: chat.serverCpu, chatClientCpu: chat.clientCpu,
      heavyRepliesPerSecond: Math.round(heavy.commands / heavy.seconds), heavyP99Ms: ms(h.p99), heavyServerCpu: heavy.serverCpu,
      openP50Ms: ms(od.p50), openP99Ms: ms(od.p99), openP99SinceSentMs: ms(os.p99),
      socketLoopP99Ms: loops.socket, engineLoopP99Ms: loops.engine,
    };
  } finally {
    center.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const THREADS = ['worker', 'main'] as const;
const load = loadavg()[0]!;
const results: Record<Thread, RunFigures[]> = { worker: [], main: [] };
for (let r = 0; r < runs; r++) for (const thread of THREADS) results[thread].push(await runOnce(thread));
const medians = {} as Record<Thread, RunFigures>;
for (const t of THREADS) {
  const m = {} as RunFigures;
  for (const k of Object.keys(results[t][0]!) as (keyof RunFigures)[]) m[k] = median(results[t].map((x) => x[k]));
  medians[t] = m;
}

if (values.json) {
  process.stdout.write(`${JSON.stringify({ agents, runs, seconds, rate, loadAverageAtStart: load, medians, runsByThread: results }, null, 2)}\n`);
} else {
  const rows: [string, keyof RunFigures][] = [
    ['chat replies, closed loop: replies/s', 'chatRepliesPerSecond'], ['  frames/s (1 in, 3 out each)', 'chatFramesPerSecond'],
    ['  ack p50 ms', 'chatP50Ms'], ['  ack p99 ms', 'chatP99Ms'], ['  server CPU (cores)', 'chatServerCpu'], ['  client CPU (cores)', 'chatClientCpu'],
    ['4,000-char PII replies, closed: replies/s', 'heavyRepliesPerSecond'], ['  ack p99 ms', 'heavyP99Ms'], ['  server CPU (cores)', 'heavyServerCpu'],
    [`open loop ${rate}/s: ack p50 ms (from due)`, 'openP50Ms'], ['  ack p99 ms (from due)', 'openP99Ms'], ['  ack p99 ms (from send)', 'openP99SinceSentMs'],
    ['socket-thread event-loop delay p99 ms', 'socketLoopP99Ms'], ['engine-thread event-loop delay p99 ms', 'engineLoopP99Ms'],
  ];
  process.stdout.write(`server engine thread: ${agents} agents + ${agents} customers, ${seconds}s phases, median of ${runs} runs (load average ${load.toFixed(2)} at start on ${availableParallelism()} cores)\n`);
  process.stdout.write(`${'figure'.padEnd(44)}${'worker'.padStart(10)}${'main'.padStart(10)}\n`);
  for (const [label, key] of rows) process.stdout.write(`${label.padEnd(44)}${String(medians.worker[key]).padStart(10)}${String(medians.main[key]).padStart(10)}\n`);
}
