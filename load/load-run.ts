// `cctwin load`: a real-time load run. Starts the twin server (or uses
// `target`), connects every agent of the scenario as its own WebSocket
// client, then lets customers arrive on the scenario's Poisson schedule
// (compressed `speed` times), each on its own socket. While it runs, the
// latency histograms go to `outDir/load.hlog` interval by interval. It stops
// when every conversation has ended after the last arrival, at the
// wall-clock cap, or when `signal` aborts (SIGINT): then arrivals stop,
// answers in flight settle briefly, and the counts are set against the
// server's before the report is made. The scenario's budgets are judged on
// the report; with `outDir`, report.json and report.html are written last.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ORG_ID, type Scenario } from '../scenarios/scenario.js';
import type { Budget } from '../reports/budgets/parse-budget.js';
import { renderLoadHtml } from './html/load-page.js';
import { createRng, deriveSeed } from '../sim/random/prng.js';
import { AgentModel, CustomerModel } from '../sim/behaviour/index.js';
import { agentIdOf, assetIdOf } from '../sim/runner/world.js';
import { agentToken, startServer, type HostCounts, type RunningServer } from '../server/index.js';
import { AgentClient } from './agent-client.js';
import { ConnectRefused } from './client-connection.js';
import { scheduleArrivals } from './arrivals.js';
import { clientBalanceCounts, compareBalance, countsDelta, serverBalanceCounts, type Balance, type BalanceCounts } from './balance.js';
import { IntervalLogFile } from './interval-log.js';
import { buildLoadReport, type LoadReport, type StopReason } from './load-report.js';
import { LoadWorld, type LoadAgent, type StreamPlan } from './load-world.js';
import { LATENCY_BASES, LOAD_MEASURES, type LatencyBase, type LoadMeasure } from './load-histograms.js';
import type { LatencyHistogram } from '../reports/histogram.js';
import { TimelineRecorder } from './load-timeline.js';
import { scaleScenario } from './scale-scenario.js';
import { Scheduler } from './scheduler.js';
import { createTextPools } from './text-pools.js';
import { mintAccessToken } from '../server/webex/access-tokens.js';
import { checkSdkMessage } from './webex/sdk-message-check.js';
import { tapSdkSockets } from './webex/sdk-runtime.js';
import { containSdkRejections } from './webex/sdk-rejections.js';
import { SdkAgentClient } from './webex/sdk-agent-client.js';

export interface LoadOptions {
  /** As loaded (not yet scaled). */
  scenario: Scenario;
  /** Scenario seconds per wall-clock second. Default 1. */
  speed?: number;
  /** Wall-clock cap from the first arrival. Default: the scaled duration plus the scaled `drainMs`. */
  durationMs?: number;
  /** Scenario time allowed after arrivals stop for conversations to end (when `durationMs` is not given). Default 1 h. */
  drainMs?: number;
  /** ws://host:port of a running server; without it an embedded server is started on a free loopback port. */
  target?: string;
  /** The secret agent tokens derive from: required with `target`; generated (and never shown) otherwise. */
  secret?: string;
  /** Default: the scenario's seed. */
  seed?: number;
  /** Writes load.hlog (streamed), report.json and report.html here. */
  outDir?: string;
  /** Length of one interval of load.hlog. Default 1 s. */
  hlogIntervalMs?: number;
  /** Share of customer messages holding sensitive data. Default 0.2. */
  piiShare?: number;
  /** Aborting stops the run early (SIGINT); the report still comes. */
  signal?: AbortSignal;
  /** Called every second with the wall-clock ms into the run and when arrivals end (progress bars). */
  onProgress?: (elapsedMs: number, arrivalsEndMs: number) => void;
  /** Progress lines (start, every few seconds, stop). */
  log?: (line: string) => void;
  /** The embedded server's engine thread. Default worker. */
  engineThread?: 'worker' | 'main';
  /** Agents connecting at once. Default 100. */
  connectConcurrency?: number;
  /** How early a customer opens its socket before its first message is due (wall ms). Default 200. */
  customerLeadMs?: number;
  /** Longest wait at the end for answers to frames in flight (wall ms). Default 2000. */
  settleMs?: number;
  /** An agent replies 1 to this many times per conversation, each answered by the customer. Default 3. */
  maxReplies?: number;
  /** The scenario's budgets (loadScenarioWithBudgets), judged on the report. */
  budgets?: readonly Budget[];
  /**
   * What the simulated agents speak: the twin's own protocol (default), or
   * the vendor's agent SDK against the server's `webex` API (load/webex/;
   * the embedded server then serves it; a target must be `serve --webex`).
   */
  agentClient?: 'native' | 'webex-sdk';
}

/** The run could not start: the target refused or did not answer the agents. */
export class LoadSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoadSetupError';
  }
}

const HOUR_MS = 3600_000;
/** The embedded server measures the clients, not its own rate limit. */
const UNLIMITED = { perSecond: 1e9, burst: 1e9, closeAfterRefused: 1e9 };

interface ServerState {
  counts: HostCounts;
  connections: { agents: number; customers: number };
}

export async function runLoad(o: LoadOptions): Promise<LoadReport> {
  const speed = o.speed ?? 1;
  const seed = o.seed ?? o.scenario.seed;
  const scenario = scaleScenario(o.scenario, speed);
  const log = o.log ?? (() => {});
  if (o.target !== undefined && (o.secret === undefined || o.secret === '')) throw new Error('a load run against --target needs the server\'s --secret (or CCTWIN_SECRET) to make agent tokens');
  const secret = o.secret ?? randomBytes(24).toString('base64url');
  const sdkAgents = o.agentClient === 'webex-sdk';
  const server: RunningServer | null = o.target === undefined
    ? await startServer({ scenario, secret, port: 0, engineThread: o.engineThread ?? 'worker', rateLimit: UNLIMITED, maxBufferedBytes: 64 * 1024 * 1024, webex: sdkAgents })
    : null;
  const wsUrl = server?.wsUrl ?? o.target!.replace(/\/+$/, '');
  const httpUrl = wsUrl.replace(/^ws/, 'http');
  const readState = async (): Promise<ServerState | null> => {
    try {
      if (server !== null) return await server.state();
      const res = await fetch(`${httpUrl}/api/state`);
      return res.ok ? ((await res.json()) as ServerState) : null;
    } catch {
      return null;
    }
  };

  let origin = performance.now();
  const scheduler = new Scheduler(() => performance.now() - origin);
  const streams: StreamPlan[] = scenario.customers.map((spec, i) => ({
    index: i, spec,
    model: new CustomerModel(spec, i, assetIdOf(spec.channel, spec.queue), createRng(deriveSeed(seed, 'customers', i))),
    rng: createRng(deriveSeed(seed, 'load-customers', i)),
  }));
  const world = new LoadWorld({
    scenario, speed, wsUrl, scheduler, streams,
    agentToken: (id) => agentToken(secret, id),
    texts: createTextPools(seed, o.piiShare ?? 0.2),
    customerLeadMs: o.customerLeadMs ?? 200,
    quietWaitMaxMs: 2000,
    maxReplies: o.maxReplies ?? 3,
  });
  let log$: IntervalLogFile | null = null;
  const intervalTimers: NodeJS.Timeout[] = [];
  try {
    let slots = 0;
    const agents: LoadAgent[] = [];
    // Every message an SDK agent receives is checked like a native agent frame.
    if (sdkAgents) {
      tapSdkSockets((text) => checkSdkMessage(world, text));
      containSdkRejections(() => {
        world.stats.errorsByCode.E_SDK_UNHANDLED = (world.stats.errorsByCode.E_SDK_UNHANDLED ?? 0) + 1;
      });
    }
    for (const group of scenario.agents) {
      const model = new AgentModel(group, createRng(deriveSeed(seed, 'agents', group.group)));
      for (let i = 0; i < group.count; i++) {
        const id = agentIdOf(group.group, i);
        const rng = createRng(deriveSeed(seed, 'load-agent', id));
        const agent: LoadAgent = sdkAgents
          ? new SdkAgentClient(id, model, world, rng, { baseUrl: httpUrl, accessToken: await mintAccessToken(secret, id, scenario.orgId ?? DEFAULT_ORG_ID), team: group.group })
          : new AgentClient(id, model, world, rng);
        agents.push(agent);
        world.agents.set(id, agent);
        world.agentQueues.set(id, group.queues);
      }
      slots += group.count * group.capacity;
    }
    const connectStarted = performance.now();
    try {
      // An SDK agent's registration is about a dozen requests and a plugin load: fewer at once.
      await inBatches(agents, o.connectConcurrency ?? (sdkAgents ? 20 : 100), (a) => a.connect());
    } catch (err) {
      const hint = err instanceof ConnectRefused && err.status === 401 ? ' (is --secret the server\'s?)' : '';
      throw new LoadSetupError(`cannot connect the agents to ${wsUrl}: ${(err as Error).message}${hint}`);
    }
    log(`load: ${agents.length} ${sdkAgents ? 'SDK ' : ''}agents connected to ${server === null ? wsUrl : `an embedded server at ${wsUrl}`} in ${((performance.now() - connectStarted) / 1000).toFixed(1)} s`);
    const baseline = await readState();
    // On a target, connections that are not this run's show that others share it: then the balance cannot be exact.
    const others = new OtherTraffic(agents.length);
    if (server === null && baseline !== null) others.sawAtStart(baseline.connections);

    // Scenario time 0: the arrivals start. Nothing is scheduled yet, so the clock may move.
    origin = performance.now();
    const startedAtMs = Date.now();
    const cpuStart = process.cpuUsage();
    const intervalMs = o.hlogIntervalMs ?? 1000;
    if (o.outDir !== undefined) {
      mkdirSync(o.outDir, { recursive: true });
      log$ = new IntervalLogFile(join(o.outDir, 'load.hlog'), startedAtMs,
        `[cctwin load ${scenario.name}: wall-clock latencies in us; Interval_Max in ms; tags are measure.fromScheduled|fromSent]`);
    }
    let intervalsWritten = 0;
    const timeline = new TimelineRecorder(intervalMs);
    let lastPollMs = -Infinity;
    const rollInterval = (): void => {
      const endSec = scheduler.now() / 1000;
      const startSec = (intervalsWritten * intervalMs) / 1000;
      const conns = world.connections;
      const mark = {
        frames: world.stats.framesSent + world.stats.framesReceived,
        messages: world.messages.delivered.customerToAgent + world.messages.delivered.agentToCustomer,
        connections: conns.agents + conns.customers,
      };
      world.histograms.rollInterval((hs) => {
        log$?.writeInterval(startSec, Math.max(startSec, endSec), hs);
        timeline.add(startSec, Math.max(startSec, endSec), hs, mark);
      });
      intervalsWritten++;
      world.messages.purge(scheduler.now() - 120_000);
      // A target's connections, at most once a second whatever --interval is.
      if (server === null && scheduler.now() - lastPollMs >= 1000) {
        lastPollMs = scheduler.now();
        void readConnections(httpUrl).then((c) => c && others.sawDuring(c));
      }
    };
    intervalTimers.push(setInterval(rollInterval, intervalMs));
    intervalTimers.push(setInterval(() => log(progressLine(world)), 5000));
    if (o.onProgress) intervalTimers.push(setInterval(() => o.onProgress!(scheduler.now(), scenario.durationMs), 1000));

    let arrivalsDone = false;
    scheduleArrivals(scenario.customers, scheduler, { endMs: scenario.durationMs, originMs: 0, leadMs: world.customerLeadMs, seed },
      (i, dueMs) => world.spawnCustomer(streams[i]!, streams[i]!.model.nextCustomerId(), dueMs),
      () => (arrivalsDone = true));

    const capMs = o.durationMs ?? scenario.durationMs + (o.drainMs ?? HOUR_MS) / speed;
    const stoppedBy = await new Promise<StopReason>((resolve) => {
      const onAbort = (): void => finish('signal');
      const timer = setInterval(() => {
        if (arrivalsDone && world.pendingFirst === 0 && world.pendingReturns === 0 && world.ledger.open === 0) finish('completed');
        else if (scheduler.now() >= capMs) finish('duration');
      }, 25);
      const finish = (why: StopReason): void => {
        clearInterval(timer);
        o.signal?.removeEventListener('abort', onAbort);
        resolve(why);
      };
      if (o.signal?.aborted) return finish('signal');
      o.signal?.addEventListener('abort', onAbort, { once: true });
    });
    const wallMs = scheduler.now();
    log(`load: stopping (${stoppedBy}) after ${(wallMs / 1000).toFixed(1)} s; settling`);

    // Stop acting; let the answers to frames already sent come in.
    world.stopped = true;
    scheduler.stop();
    await waitUntil(() => world.stats.outstanding === 0, o.settleMs ?? 2000);
    const balance = await settleBalance(world, baseline?.counts ?? null, readState, others);
    const cpu = process.cpuUsage(cpuStart);

    for (const t of intervalTimers) clearInterval(t);
    intervalTimers.length = 0;
    rollInterval();
    log$?.close();
    const report = buildLoadReport({
      world, seed, target: server === null ? wsUrl : 'embedded', startedAtMs, stoppedBy, wallMs,
      cpuMicros: cpu.user + cpu.system, includesServer: server !== null, balance, agentCount: agents.length, slots,
      timeline: timeline.result(), budgets: o.budgets ?? [],
    });
    if (o.outDir !== undefined) {
      writeFileSync(join(o.outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
      const whole = {} as Record<LoadMeasure, Record<LatencyBase, LatencyHistogram>>;
      for (const m of LOAD_MEASURES) {
        whole[m] = {} as Record<LatencyBase, LatencyHistogram>;
        for (const b of LATENCY_BASES) whole[m][b] = world.histograms.whole(m, b);
      }
      writeFileSync(join(o.outDir, 'report.html'), renderLoadHtml(report, whole));
    }
    log(`load: ${progressLine(world)}; balance ${balance.checked ? (balance.balanced ? 'ok' : `OFF (${balance.differences.join('; ')})`) : 'not checked'}`);
    return report;
  } finally {
    for (const t of intervalTimers) clearInterval(t);
    log$?.close();
    world.stopped = true;
    scheduler.stop();
    for (const a of world.agents.values()) a.close();
    for (const c of world.customersOpen()) c.close();
    if (sdkAgents) tapSdkSockets(undefined);
    if (server !== null) await server.drain();
    // The containment of the SDK's own rejections stays: requests the SDK still has in flight (log uploads after a
    // refusal, timeouts of 20 s) settle after the run, and the server they went to may be gone.
  }
}

/**
 * Reads the server's counts until they match the clients' (frames the
 * server sent may still be on their way, and its own timers, RONA of a
 * transfer offer for one, can end a conversation meanwhile): up to a second.
 */
async function settleBalance(world: LoadWorld, baseline: HostCounts | null, readState: () => Promise<ServerState | null>, others: OtherTraffic): Promise<Balance> {
  const base: BalanceCounts | null = baseline === null ? null : serverBalanceCounts(baseline);
  let balance = compareBalance(clientBalanceCounts(world.ledger.counts()), null, 0);
  for (let attempt = 0; attempt < 10; attempt++) {
    const now = await readState();
    if (now !== null) others.sawAtEnd(now.connections);
    const ledger = world.ledger.counts();
    const server = now === null || base === null ? null : countsDelta(serverBalanceCounts(now.counts), base);
    balance = compareBalance(clientBalanceCounts(ledger), server, ledger.stray, ledger.foreign, others.evidence());
    if (balance.balanced || server === null) return balance;
    await sleep(100);
  }
  return balance;
}

/**
 * What a target's connection counts give away about traffic that is not
 * this run's. This run's agents are all connected from before the baseline
 * to the end, so more agent connections than that are someone else's; before
 * the first arrival, every customer connection is someone else's. (Customer
 * connections later are not compared: this run's own open and close in
 * flight, and the two sides see that at different moments.)
 */
class OtherTraffic {
  private agentsAtStart = 0;
  private customersAtStart = 0;
  private agentsLater = 0;

  constructor(private readonly ownAgents: number) {}

  sawAtStart(c: { agents: number; customers: number }): void {
    this.agentsAtStart = Math.max(0, c.agents - this.ownAgents);
    this.customersAtStart = c.customers;
  }

  sawDuring(c: { agents: number }): void {
    this.agentsLater = Math.max(this.agentsLater, c.agents - this.ownAgents);
  }

  sawAtEnd(c: { agents: number }): void {
    this.sawDuring(c);
  }

  evidence(): string[] {
    const out: string[] = [];
    if (this.agentsAtStart > 0) out.push(`${this.agentsAtStart} agent connection(s) besides this run's were open on the target when it started`);
    else if (this.agentsLater > 0) out.push(`up to ${this.agentsLater} agent connection(s) besides this run's were open on the target during the run`);
    if (this.customersAtStart > 0) out.push(`${this.customersAtStart} customer connection(s) were open on the target before this run's first arrival`);
    return out;
  }
}

/** The target's open connections (GET /health), or null when it does not answer. */
async function readConnections(httpUrl: string): Promise<{ agents: number; customers: number } | null> {
  try {
    const res = await fetch(`${httpUrl}/health`);
    return res.ok ? ((await res.json()) as { connections: { agents: number; customers: number } }).connections : null;
  } catch {
    return null;
  }
}

function progressLine(world: LoadWorld): string {
  const c = world.ledger.counts().conversations;
  const conns = world.connections;
  const c2a = world.histograms.summaries().customerToAgent.fromScheduled;
  return `t=${(world.now() / 1000).toFixed(0)}s arrived ${c.arrived}, open ${world.ledger.open}, ended ${c.arrived - c.inProgressAtEnd}; connections ${conns.agents}+${conns.customers}; customer->agent p99 ${(c2a.p99 / 1000).toFixed(1)} ms (from schedule); leaks ${world.leaks.result().count}`;
}

async function inBatches<T>(items: readonly T[], size: number, f: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(f));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitUntil(done: () => boolean, maxMs: number): Promise<void> {
  const until = performance.now() + maxMs;
  while (!done() && performance.now() < until) await sleep(10);
}
