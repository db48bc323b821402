// One agent's connection: frames in -> validated commands for the token's
// agent -> the batcher; the answer is an `ack {ref}` (when the frame had a
// ref) or an `error {code, message, ref}`. Connecting and disconnecting are
// ops too: the engine host resends the desk on connect and starts the
// reconnection grace period on disconnect.
import type WebSocket from 'ws';
import { decodeAgentFrame } from './agent-frame-decoder.js';
import { agentTarget } from './deliveries.js';
import { FrameIntake } from './frame-intake.js';
import type { SessionContext } from './session-context.js';
import { protocolErrorName, type Connection } from './socket-hub.js';

export function openAgentSession(ctx: SessionContext, ws: WebSocket, agentId: string): void {
  const conn: Connection = { ws, role: 'agent', target: agentTarget(agentId) };
  const intake = new FrameIntake(ctx, conn);
  ctx.hub.add(conn);
  ctx.batcher.push({ op: 'agentConnected', agentId, atMs: Date.now() }, () => {});

  ws.on('message', (data, isBinary) => {
    const startedAt = performance.now();
    const text = intake.accept(data, isBinary);
    if (text === null) return;
    const frame = decodeAgentFrame(text, agentId);
    if (!frame.ok) {
      ctx.hub.error(conn, frame.code, frame.message, frame.ref);
      return;
    }
    const ref = frame.ref;
    ctx.batcher.push({ op: 'engine', cmd: frame.value, atMs: Date.now() }, (refusal) => {
      ctx.metrics.recordRoundTrip(startedAt);
      if (refusal !== null) ctx.hub.error(conn, refusal.code, refusal.message, ref);
      else if (ref !== undefined) ctx.hub.ack(conn, ref);
    });
  });
  // A protocol error (oversize or bad frame) makes ws close the socket; 'close' follows.
  ws.on('error', (err) => ctx.metrics.closed(protocolErrorName(err)));
  ws.on('close', () => {
    // A replaced connection is not a disconnect: its agent is on the newer one.
    if (ctx.hub.remove(conn) && !ctx.draining()) ctx.batcher.push({ op: 'agentDisconnected', agentId, atMs: Date.now() }, () => {});
  });
}
