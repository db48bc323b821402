// One customer's connection: a customer on one channel asset. It sends
// `message {text}`, `end {}` (Livechat) and `abandon {}`; it receives only
// the frames of its own conversations (raw text: `message`, `system`, `ended`).
import type WebSocket from 'ws';
import { customerTarget } from './deliveries.js';
import { decodeCustomerFrame } from './customer-frame-decoder.js';
import { FrameIntake } from './frame-intake.js';
import type { HostOp } from './host-ops.js';
import type { SessionContext } from './session-context.js';
import { protocolErrorName, type Connection } from './socket-hub.js';

export interface CustomerIdentity {
  assetId: string;
  customerId: string;
  name?: string;
  number?: string;
}

export function openCustomerSession(ctx: SessionContext, ws: WebSocket, who: CustomerIdentity): void {
  const conn: Connection = { ws, role: 'customer', target: customerTarget(who.assetId, who.customerId) };
  const intake = new FrameIntake(ctx, conn);
  ctx.hub.add(conn);

  ws.on('message', (data, isBinary) => {
    const startedAt = performance.now();
    const text = intake.accept(data, isBinary);
    if (text === null) return;
    const frame = decodeCustomerFrame(text);
    if (!frame.ok) {
      ctx.hub.error(conn, frame.code, frame.message, frame.ref);
      return;
    }
    const ref = frame.ref;
    const action = frame.value;
    const atMs = Date.now();
    const op: HostOp = action.type === 'message'
      ? {
          op: 'engine', atMs,
          cmd: {
            type: 'customerMessage', assetId: who.assetId, customerId: who.customerId, text: action.text,
            ...(who.name === undefined ? {} : { name: who.name }), ...(who.number === undefined ? {} : { number: who.number }),
            ...(action.proactive ? { proactive: true } : {}),
          },
        }
      : { op: action.type === 'end' ? 'customerEnd' : 'customerAbandon', assetId: who.assetId, customerId: who.customerId, atMs };
    ctx.batcher.push(op, (refusal) => {
      ctx.metrics.recordRoundTrip(startedAt);
      if (refusal !== null) ctx.hub.error(conn, refusal.code, refusal.message, ref);
      else if (ref !== undefined) ctx.hub.ack(conn, ref);
    });
  });
  ws.on('error', (err) => ctx.metrics.closed(protocolErrorName(err)));
  ws.on('close', () => {
    // Messaging is asynchronous: a customer who goes away keeps its conversation.
    ctx.hub.remove(conn);
  });
}
