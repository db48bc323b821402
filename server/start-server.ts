// Starts a twin server: the engine (on a worker thread, or in-process), the
// fastify app and the WebSocket endpoints on one HTTP server. Returns a
// handle with the address, agent tokens, the state, and drain() for a clean
// stop: stop accepting, finish what is in flight, close sockets with 1001.
//
// The drain is bounded (drainTimeoutMs). Every TCP connection is tracked from
// the HTTP server's 'connection' event: when the drain starts, one that holds
// no work (nothing sent, part of a request, idle between keep-alive requests)
// is closed at once; one with a request in flight answers it and closes; a
// WebSocket gets its close frame. At the bound, whatever is left is destroyed
// and `stopped` resolves to a DrainForced. Without this a client that sent
// half a request kept the process alive: fastify closes only idle keep-alive
// connections, and Node's header timeouts stop once the server closes.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import Fastify from 'fastify';
import WebSocket, { WebSocketServer } from 'ws';
import type { Scenario } from '../scenarios/scenario.js';
import { engineConfigOf, setupCommands } from '../sim/runner/world.js';
import { agentToken } from './agent-tokens.js';
import { CommandBatcher } from './command-batcher.js';
import { directoryOf, type Directory } from './directory.js';
import { InlineEngineLink, type EngineLink, type EngineThread, type LinkHandlers } from './engine-link.js';
import { Heartbeat } from './heartbeat.js';
import type { EngineHostConfig } from './host-ops.js';
import type { HostState } from './host-snapshot.js';
import { httpErrorOptions, registerRoutes } from './http-routes.js';
import { ServerMetrics } from './server-metrics.js';
import { resolveOptions, type ServerOptions } from './server-options.js';
import type { SessionContext } from './session-context.js';
import { SocketHub } from './socket-hub.js';
import { handleUpgrade } from './upgrade.js';
import { WebexGateway } from './webex/webex-gateway.js';
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
  /**
   * Stop: resolves once every socket is closed (by the drainTimeoutMs bound at
   * the latest) and the engine stopped. Safe to call twice.
   */
  drain(): Promise<void>;
  /**
   * Resolves when the server stopped, by drain() or because the engine failed:
   * null for a clean stop (every connection closed within the bound, the engine
   * flushed); a DrainForced when the bound closed connections still open; the
   * engine's error when it failed (whether or not the bound was reached).
   */
  readonly stopped: Promise<StopOutcome>;
}

/** The drain reached its bound and destroyed the connections still open, whatever they were doing. */
export class DrainForced extends Error {
  override readonly name = 'DrainForced';
  constructor(readonly connections: number, readonly afterMs: number) {
    super(`the drain took longer than ${afterMs} ms: ${connections} connection${connections === 1 ? '' : 's'} forcibly closed`);
  }
}

/** How a server stopped: null (clean), DrainForced (the bound closed connections), or the engine's error. */
export type StopOutcome = null | DrainForced | Error;

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
  const hub = new SocketHub(metrics, opts);
  let draining = false;
  let batcher: CommandBatcher | undefined;
  let resolveStopped!: (outcome: StopOutcome) => void;
  const stopped = new Promise<StopOutcome>((resolve) => (resolveStopped = resolve));
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

  const app = Fastify({
    logger: false, bodyLimit: opts.maxFrameBytes, forceCloseConnections: 'idle',
    // Node's header and request timeouts, in force while serving (fastify's default turns the request timeout off).
    requestTimeout: opts.requestTimeoutMs,
    http: { headersTimeout: opts.headersTimeoutMs, requestTimeout: opts.requestTimeoutMs, connectionsCheckingInterval: checkingIntervalMs(opts.headersTimeoutMs) },
    // Calls that arrive while draining answer 503 {code, message} (http-routes.ts), not fastify's own shape.
    return503OnClosing: false,
    ...httpErrorOptions(ctx),
  });
  registerRoutes(app, ctx, link);
  // The vendor's agent API beside the native protocol: the same engine, sessions and masking.
  const webex = opts.webex ? new WebexGateway(ctx, opts.scenario, link) : undefined;
  webex?.register(app);
  const connections = new ConnectionTracker(app.server, () => draining);
  const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxPayloadBytes, perMessageDeflate: false });
  const heartbeat = new Heartbeat(opts.heartbeatIntervalMs, opts.heartbeatTimeoutMs, () => metrics.closed('heartbeat'));
  app.server.on('upgrade', (req, socket, head) => {
    if (webex?.upgrade(wss, heartbeat, req, socket, head)) return;
    handleUpgrade(ctx, wss, heartbeat, directory, agents, req, socket, head);
  });
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
      heartbeat.stop();
      let forced = 0;
      const bound = setTimeout(() => {
        forced = connections.destroyAll();
        if (forced > 0) opts.log(`drain: ${forced} connection${forced === 1 ? '' : 's'} still open after ${opts.drainTimeoutMs} ms, closed forcibly`);
      }, opts.drainTimeoutMs);
      // Stop accepting: no new connections, no new frames (each answered E_BAD_STATE).
      const httpClosed = app.close();
      // Connections that hold no work go now; in-flight requests close once answered.
      connections.closeIdle();
      if (fatal === null) await batcher!.idle();
      await closeSockets(hub.connections().map((c) => c.ws), fatal === null ? 1001 : 1011);
      await httpClosed;
      clearTimeout(bound);
      wss.close();
      // The engine's state is flushed here; a stop is clean only if this succeeds too.
      let flushFailed: Error | null = null;
      try {
        await link.close();
      } catch (err) {
        flushFailed = err instanceof Error ? err : new Error(String(err));
        opts.log(`engine failed to stop: ${flushFailed.message}`);
      }
      metrics.loop.stop();
      opts.log('stopped');
      resolveStopped(fatal ?? flushFailed ?? (forced > 0 ? new DrainForced(forced, opts.drainTimeoutMs) : null));
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

/**
 * Close each socket (1001 going away; 1011 when the engine failed) and wait for
 * the close handshakes; the drain's bound destroys the sockets that never finish it.
 */
async function closeSockets(sockets: WebSocket[], code: number): Promise<void> {
  await Promise.all(sockets.map((ws) => new Promise<void>((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) return resolve();
    ws.once('close', () => resolve());
    if (ws.readyState !== WebSocket.CLOSING) ws.close(code, code === 1001 ? 'server shutting down' : 'engine failed');
  })));
}

/** How often Node looks for requests past their headers or request timeout: often enough that a timeout is not overrun by much. */
function checkingIntervalMs(headersTimeoutMs: number): number {
  return Math.min(5000, Math.max(50, Math.round(headersTimeoutMs / 4)));
}

/** What one TCP connection is doing, as far as the drain cares. */
interface Tracked {
  /** Requests received (headers complete) and not answered yet, with their responses. */
  inFlight: Map<IncomingMessage, ServerResponse>;
  /** Handed to the WebSocket server (or refused there): the WebSocket close closes it. */
  upgraded: boolean;
}

/**
 * Every TCP connection of the HTTP server, from its 'connection' event to its
 * close, so the drain can close the ones that hold no work at once and destroy
 * every one left at its bound.
 */
class ConnectionTracker {
  private readonly sockets = new Map<Socket, Tracked>();

  constructor(server: Server, private readonly draining: () => boolean) {
    server.on('connection', (socket: Socket) => {
      this.sockets.set(socket, { inFlight: new Map(), upgraded: false });
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const t = this.sockets.get(req.socket as Socket);
      if (t === undefined) return;
      t.inFlight.set(req, res);
      if (this.draining()) res.shouldKeepAlive = false;
      res.once('close', () => {
        t.inFlight.delete(req);
        // Answered during the drain: nothing more will come on this connection.
        if (this.draining() && t.inFlight.size === 0 && !t.upgraded) endSoon(req.socket as Socket);
      });
    });
    server.on('upgrade', (req: IncomingMessage) => {
      const t = this.sockets.get(req.socket as Socket);
      if (t !== undefined) t.upgraded = true;
    });
  }

  /**
   * The drain starts: close every connection that holds no work (it sent
   * nothing, or part of a request's headers or body, or sits idle between
   * keep-alive requests); the ones answering a request close after the answer.
   */
  closeIdle(): void {
    for (const [socket, t] of this.sockets) {
      if (t.upgraded) continue;
      const requests = [...t.inFlight.keys()];
      if (requests.length === 0 || requests.some((req) => !req.complete)) {
        socket.destroy();
        continue;
      }
      for (const res of t.inFlight.values()) if (!res.headersSent) res.shouldKeepAlive = false;
    }
  }

  /** The drain's bound: destroy every connection left, whatever it is doing; how many there were. */
  destroyAll(): number {
    let n = 0;
    for (const socket of this.sockets.keys()) {
      if (socket.destroyed) continue;
      socket.destroy();
      n++;
    }
    return n;
  }
}

/** End a connection once what was written to it is flushed. */
function endSoon(socket: Socket): void {
  if (socket.destroyed) return;
  socket.end();
  if (socket.writableFinished) socket.destroy();
  else socket.once('finish', () => socket.destroy());
}
