// Starts a twin server: the engine (on a worker thread, or in-process), the
// fastify app and the WebSocket endpoints on one HTTP server. Returns a
// handle with the address, agent tokens, the state, and drain() for a clean
// stop: stop accepting, finish what is in flight, close sockets with 1001.
import Fastify from 'fastify';
import WebSocket, { WebSocketServer } from 'ws';
import type { Scenario } from '../../scenarios/scenario.js';
import { engineConfigOf, setupCommands } from '../runner/world.js';
import { agentToken } from './agent-tokens.js';
import { CommandBatcher } from './command-batcher.js';
import { directoryOf, type Directory } from './directory.js';
import { InlineEngineLink, type EngineLink, type EngineThread, type LinkHandlers } from './engine-link.js';
import type { EngineHostConfig } from './host-ops.js';
import type { HostState } from './host-snapshot.js';
import { registerRoutes } from './http-routes.js';
import { ServerMetrics } from './server-metrics.js';
import { resolveOptions, type ServerOptions } from './server-options.js';
import type { SessionContext } from './session-context.js';
import { SocketHub } from './socket-hub.js';
import { handleUpgrade } from './upgrade.js';
import { WorkerEngineLink } from './worker-engine-link.js';

export interface ServerStateView extends HostState {
  connections: { agents: number; customers: number };
}

export interface RunningServer {
  /** http://host:port */
  readonly url: string;
  /** ws://host:port */
  readonly wsUrl: string;
  readonly host: string;
  readonly port: number;
  readonly engineThread: EngineThread;
  /** Agents and channel assets, as the scenario set them up. */
  readonly directory: Directory;
  /** The token that connects as this agent: `${wsUrl}/agent?token=${encodeURIComponent(token)}`. */
  agentToken(agentId: string): string;
  /** What GET /api/state answers. */
  state(): Promise<ServerStateView>;
  /** Stop cleanly; resolves once every socket is closed and the engine stopped. Safe to call twice. */
  drain(): Promise<void>;
  /** Resolves when the server stopped, by drain() or because the engine failed (then with that error). */
  readonly stopped: Promise<Error | null>;
}

/** The engine host's set-up for a scenario: engine config and the administrator's set-up commands. */
export function hostConfigOf(scenario: Scenario, reconnectGraceMs: number): EngineHostConfig {
  const { mask: _mask, ...engine } = engineConfigOf(scenario);
  return { engine, setup: setupCommands(scenario), reconnectGraceMs };
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const opts = resolveOptions(options);
  const hostConfig = hostConfigOf(opts.scenario, opts.reconnectGraceMs);
  const directory = directoryOf(hostConfig.setup);
  const agents = new Set(directory.agentIds);
  const metrics = new ServerMetrics();
  const hub = new SocketHub(metrics, opts.maxBufferedBytes);
  let draining = false;
  let batcher: CommandBatcher | undefined;
  let resolveStopped!: (err: Error | null) => void;
  const stopped = new Promise<Error | null>((resolve) => (resolveStopped = resolve));
  let drainOnce: Promise<void> | undefined;

  const handlers: LinkHandlers = {
    onSpontaneous: (outcome) => batcher?.deliverSpontaneous(outcome),
    onFatal: (err) => {
      opts.log(`engine failed: ${err.message}`);
      void drain(err);
    },
  };
  const link: EngineLink = opts.engineThread === 'worker' ? await WorkerEngineLink.start(hostConfig, handlers) : new InlineEngineLink(hostConfig, handlers);
  batcher = new CommandBatcher(link, hub, metrics);
  const ctx: SessionContext = { hub, batcher, metrics, options: opts, draining: () => draining };

  const app = Fastify({ logger: false, bodyLimit: opts.maxFrameBytes, forceCloseConnections: 'idle' });
  registerRoutes(app, ctx, link);
  const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxPayloadBytes, perMessageDeflate: false });
  app.server.on('upgrade', (req, socket, head) => handleUpgrade(ctx, wss, directory, agents, req, socket, head));
  try {
    await app.listen({ host: opts.host, port: opts.port });
  } catch (err) {
    await link.close();
    metrics.loop.stop();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : opts.port;
  const hostPart = opts.host.includes(':') ? `[${opts.host}]` : opts.host;

  async function drain(fatal: Error | null = null): Promise<void> {
    drainOnce ??= (async () => {
      draining = true;
      // Stop accepting: no new connections, no new frames (each answered E_BAD_STATE).
      const httpClosed = app.close();
      if (fatal === null) await batcher!.idle();
      await closeSockets(hub.connections().map((c) => c.ws), fatal === null ? 1001 : 1011);
      await httpClosed;
      wss.close();
      await link.close();
      metrics.loop.stop();
      opts.log('stopped');
      resolveStopped(fatal);
    })();
    return drainOnce;
  }

  opts.log(`cctwin serve: ${opts.scenario.name} on http://${hostPart}:${port} (engine on the ${opts.engineThread === 'worker' ? 'worker' : 'main'} thread)`);
  return {
    url: `http://${hostPart}:${port}`,
    wsUrl: `ws://${hostPart}:${port}`,
    host: opts.host,
    port,
    engineThread: link.thread,
    directory,
    agentToken: (agentId) => agentToken(opts.secret, agentId),
    state: async () => ({ ...(await link.state()), connections: { agents: hub.count('agent'), customers: hub.count('customer') } }),
    drain: () => drain(),
    stopped,
  };
}

/** Close each socket (1001 going away; 1011 when the engine failed); terminate the ones that do not finish within a second. */
async function closeSockets(sockets: WebSocket[], code: number): Promise<void> {
  await Promise.all(sockets.map((ws) => new Promise<void>((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) return resolve();
    const timer = setTimeout(() => ws.terminate(), 1000);
    ws.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    if (ws.readyState !== WebSocket.CLOSING) ws.close(code, code === 1001 ? 'server shutting down' : 'engine failed');
  })));
}
