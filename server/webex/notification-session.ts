// The notification socket of one SDK agent, seen from the server's hub as
// that agent's connection: the hub writes the agent's frames (the native
// protocol's, masked as for any desktop) into it, the desk turns them into
// the SDK's events, and those leave on the real socket. So an SDK agent is
// an agent like any other for the engine host (desk resent on connect, idle
// on disconnect, reconnection grace, replaced by a newer connection), and
// its payloads pass the same masking path.
import type WebSocket from 'ws';
import { agentTarget } from '../deliveries.js';
import type { Heartbeat } from '../heartbeat.js';
import type { SessionContext } from '../session-context.js';
import { CLOSE_REPLACED, protocolErrorName, type Connection } from '../socket-hub.js';
import type { AgentCommand } from '../frames.js';
import type { SdkDesk } from './sdk-desk.js';
import type { WebexMessage } from './webex-events.js';

/** The SDK declares a silent server lost after about 8 s: keepalives every 4 s. */
const KEEPALIVE_MS = 4_000;

/**
 * What the hub needs of a connection's socket (readyState, bufferedAmount,
 * send with a callback, close, terminate, once('close'), the raw socket for
 * corking), with every frame translated on the way out.
 */
export class TranslatingSocket {
  private batch: string[] | null = null;

  /** `onError`: a translation that failed (a bug here) is reported, and the hub's delivery to everyone else goes on. */
  constructor(private readonly ws: WebSocket, private readonly desk: SdkDesk, private readonly onError: (err: unknown) => void = () => {}) {}

  get readyState(): number {
    return this.ws.readyState;
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  get _socket(): unknown {
    return (this.ws as unknown as { _socket?: unknown })._socket;
  }

  /** One native frame in; its events out, `done` once the last has left (or at once if none). */
  send(frame: string, done?: (err?: Error | null) => void): void {
    this.batch = [];
    try {
      this.desk.onFrame(JSON.parse(frame) as { type: string });
    } catch (err) {
      this.onError(err);
    } finally {
      const out = this.batch;
      this.batch = null;
      for (let i = 0; i < out.length; i++) this.ws.send(out[i]!, i === out.length - 1 ? done : undefined);
      if (out.length === 0 && done !== undefined) setImmediate(done);
    }
  }

  /** An SDK message: within a frame's translation it leaves with the frame's others. */
  emit(msg: WebexMessage | Record<string, unknown>): void {
    const text = JSON.stringify(msg);
    if (this.batch !== null) this.batch.push(text);
    else if (this.ws.readyState === 1) this.ws.send(text);
  }

  close(code?: number, reason?: string): void {
    // Another desktop took over this agent: the SDK expects to be told so before the close.
    if (code === CLOSE_REPLACED && this.ws.readyState === 1) this.ws.send(JSON.stringify({ type: 'AGENT_MULTI_LOGIN', data: { type: 'AGENT_MULTI_LOGIN', agentId: this.desk.agentId, reason: 'another desktop logged in as this agent' } }));
    this.ws.close(code, reason);
  }

  terminate(): void {
    this.ws.terminate();
  }

  once(event: 'close', listener: () => void): this {
    this.ws.once(event, listener);
    return this;
  }
}

/** Open a notification session on an upgraded socket whose ticket named `desk`'s agent. */
export interface SocketSlot {
  attach(socket: TranslatingSocket): void;
  /** Only if it is still the agent's current socket. */
  detach(socket: TranslatingSocket): void;
}

export function openNotificationSession(ctx: SessionContext, heartbeat: Heartbeat, ws: WebSocket, desk: SdkDesk, slot: SocketSlot): void {
  const agentId = desk.agentId;
  const socket = new TranslatingSocket(ws, desk, (err) => {
    ctx.metrics.error('E_INTERNAL');
    ctx.options.log(`agent SDK desk of ${agentId}: a frame could not be translated: ${(err as Error).message}`);
  });
  const conn: Connection = { ws: socket as unknown as WebSocket, role: 'agent', target: agentTarget(agentId) };
  heartbeat.watch(ws);
  desk.reset();
  slot.attach(socket);
  // The agent's identity comes from the first frame; the desk (state, offers, conversations) follows it.
  ws.send(JSON.stringify({ type: 'Welcome', data: { agentId } }));
  ctx.hub.add(conn);
  ctx.batcher.push({ op: 'agentConnected', agentId, atMs: Date.now() }, () => {});
  const keepalive = setInterval(() => {
    if (ws.readyState === 1) ws.send('{"keepalive":"true"}');
  }, KEEPALIVE_MS);
  keepalive.unref();
  ws.on('message', () => {
    // The SDK sends only keepalives here; its requests come over HTTP.
    ctx.metrics.framesIn.agent++;
  });
  ws.on('error', (err) => ctx.metrics.closed(protocolErrorName(err)));
  ws.on('close', () => {
    clearInterval(keepalive);
    slot.detach(socket);
    if (ctx.hub.remove(conn) && !ctx.draining()) ctx.batcher.push({ op: 'agentDisconnected', agentId, atMs: Date.now() }, () => {});
  });
}

/** Carry out an engine command for the desk (the steps the vendor's flow implies); a refusal is counted, never sent. */
export function runDeskCommand(ctx: SessionContext, cmd: AgentCommand): void {
  ctx.batcher.push({ op: 'engine', cmd, atMs: Date.now() }, (refusal) => {
    if (refusal !== null) ctx.metrics.error(refusal.code);
  });
}
