// `cctwin serve [scenario]`: the twin as a server (HTTP + WebSocket) until
// SIGTERM or SIGINT, which drain it; exit 0 after a clean stop, 2 for a bad
// scenario or usage, 3 (internal) if the engine failed, 4 when the drain
// reached --drain-timeout and closed the connections left forcibly.
//
// Secrets: the admin token and the agent-token secret come from options or,
// better (options show in `ps`), the environment: CCTWIN_ADMIN_TOKEN and
// CCTWIN_SECRET. Neither is ever printed, except a secret generated for this
// run when asked with --print-tokens.
import { randomBytes } from 'node:crypto';
import { loadScenario } from '../../scenarios/load.js';
import type { Scenario } from '../../scenarios/scenario.js';
import { ScenarioError } from '../../scenarios/scenario-error.js';
import { parseDurationMs } from '../../scenarios/units.js';
import { DrainForced, startServer, SERVER_DEFAULTS, type RunningServer } from '../../server/index.js';
import { EXIT_BAD_INPUT, EXIT_DRAIN_FORCED, EXIT_INTERNAL, EXIT_OK } from '../exit-codes.js';
import { defaultScenario } from './default-scenario.js';
import { seconds } from './serve.command.js';
import { printScenarioError, printUsageError, processOutput, type Output } from '../output.js';

export interface ServeArgs {
  scenario?: string;
  set: string[];
  port: number;
  host: string;
  adminToken?: string;
  secret?: string;
  engineThread: 'worker' | 'main';
  printTokens?: boolean;
  reconnectGrace: string;
  rateLimit: number;
  rateBurst: number;
  /** Durations; absent means the server's default. */
  drainTimeout?: string;
  heartbeatInterval?: string;
  heartbeatTimeout?: string;
  /** Also serve the vendor's agent SDK (docs/webex.md). */
  webex?: boolean;
}

// The definition lives in serve.command.ts, so that the CLI loads this file only to run.
export { serveCommand } from './serve.command.js';

export const TOKEN_RECIPE = 'agentId + "." + base64url(HMAC-SHA256(secret, "cctwin-agent:" + agentId))';

/** Starts the server and returns it, or the exit status when it cannot start. */
export async function startServe(args: ServeArgs, env: NodeJS.ProcessEnv = process.env, out: Output = processOutput): Promise<RunningServer | number> {
  const file = args.scenario ?? defaultScenario();
  let scenario: Scenario;
  try {
    scenario = loadScenario(file, args.set);
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    printScenarioError(out, file, err);
    return EXIT_BAD_INPUT;
  }
  const durations: Record<string, number> = {};
  for (const [option, given] of [
    ['reconnect-grace', args.reconnectGrace], ['drain-timeout', args.drainTimeout ?? seconds(SERVER_DEFAULTS.drainTimeoutMs)],
    ['heartbeat-interval', args.heartbeatInterval ?? seconds(SERVER_DEFAULTS.heartbeatIntervalMs)],
    ['heartbeat-timeout', args.heartbeatTimeout ?? seconds(SERVER_DEFAULTS.heartbeatTimeoutMs)],
  ] as const) {
    const parsed = parseDurationMs(given);
    if (!parsed.ok || (option === 'heartbeat-timeout' && parsed.value === 0)) {
      printUsageError(out, 'serve', `--${option}: ${parsed.ok ? 'must be more than 0' : parsed.message}`);
      return EXIT_BAD_INPUT;
    }
    durations[option] = parsed.value;
  }
  const givenSecret = args.secret ?? nonEmpty(env.CCTWIN_SECRET);
  const secret = givenSecret ?? randomBytes(32).toString('base64url');
  const adminToken = args.adminToken ?? nonEmpty(env.CCTWIN_ADMIN_TOKEN);
  let server: RunningServer;
  try {
    server = await startServer({
      scenario, host: args.host, port: args.port, secret, engineThread: args.engineThread,
      reconnectGraceMs: durations['reconnect-grace']!, rateLimit: { perSecond: args.rateLimit, burst: args.rateBurst },
      drainTimeoutMs: durations['drain-timeout']!, heartbeatIntervalMs: durations['heartbeat-interval']!, heartbeatTimeoutMs: durations['heartbeat-timeout']!,
      ...(adminToken === undefined ? {} : { adminToken }),
      webex: args.webex === true,
      log: (line) => out.stderr(`${line}\n`),
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE' || e.code === 'EACCES' || e.code === 'EADDRNOTAVAIL') {
      printUsageError(out, 'serve', `cannot listen on ${args.host}:${args.port} (${e.code})`);
      return EXIT_BAD_INPUT;
    }
    throw err;
  }
  out.stderr(`agents: ${server.directory.agentIds.length}; connect at ${server.wsUrl}/agent?token=TOKEN, customers at ${server.wsUrl}/customer?channel=CHANNEL&customerId=ID\n`);
  if (givenSecret !== undefined) out.stderr(`agent tokens: derive with ${TOKEN_RECIPE}\n`);
  else if (!args.printTokens) out.stderr('agent tokens: the secret was generated for this run and is not shown; pass CCTWIN_SECRET (or --secret), or ask with --print-tokens\n');
  if (args.webex) out.stderr(`agent SDK: U2C catalog at ${server.url}/u2c/api/v1 (config.services.discovery.u2c); access tokens: cctwin token AGENT, with the same secret\n`);
  out.stderr(adminToken === undefined ? 'admin API: off (no CCTWIN_ADMIN_TOKEN or --admin-token)\n' : 'admin API: on (Authorization: Bearer <admin token>)\n');
  if (args.printTokens) {
    if (givenSecret === undefined) out.stdout(`secret\t${secret}\n`);
    for (const agentId of server.directory.agentIds) out.stdout(`${agentId}\t${server.agentToken(agentId)}\n`);
  }
  return server;
}

/** Serves until a signal drains the server; returns the exit status. */
export async function runServe(args: ServeArgs): Promise<number> {
  const started = await startServe(args);
  if (typeof started === 'number') return started;
  const server = started;
  const stop = (): void => void server.drain();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  const outcome = await server.stopped;
  process.off('SIGTERM', stop);
  process.off('SIGINT', stop);
  return exitStatusOf(outcome);
}

/** 0 for a clean stop, 4 when the drain's bound closed connections, 3 when the engine failed. */
export function exitStatusOf(outcome: Error | null): number {
  if (outcome === null) return EXIT_OK;
  return outcome instanceof DrainForced ? EXIT_DRAIN_FORCED : EXIT_INTERNAL;
}

function nonEmpty(s: string | undefined): string | undefined {
  return s === undefined || s === '' ? undefined : s;
}
