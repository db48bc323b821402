// The checks every incoming frame passes before it is decoded: text, not too
// large, within the connection's rate, server not draining. Each failure is
// answered with an error frame (or, for a persistent flood, a close) on this
// connection only.
import type WebSocket from 'ws';
import type { SessionContext } from './session-context.js';
import type { Connection } from './socket-hub.js';
import { TokenBucket } from './token-bucket.js';
import { refOf } from './frame-shape.js';

export class FrameIntake {
  private readonly bucket: TokenBucket;

  constructor(private readonly ctx: SessionContext, private readonly conn: Connection) {
    this.bucket = new TokenBucket(ctx.options.rateLimit, Date.now());
  }

  /** The frame's text, or null when it was answered (or the connection closed) here. */
  accept(data: WebSocket.RawData, isBinary: boolean): string | null {
    const { ctx, conn } = this;
    ctx.metrics.framesIn[conn.role]++;
    const verdict = this.bucket.take(Date.now());
    if (verdict === 'close') {
      ctx.hub.close(conn, 1008, 'rate limit exceeded', 'rateLimited');
      return null;
    }
    const bytes = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data instanceof ArrayBuffer ? data.byteLength : data.length;
    if (bytes > ctx.options.maxFrameBytes) {
      ctx.hub.error(conn, 'E_FRAME_TOO_LARGE', `${bytes} bytes; at most ${ctx.options.maxFrameBytes}`, undefined);
      return null;
    }
    if (isBinary) {
      ctx.hub.error(conn, 'E_MALFORMED', 'frames are JSON text, not binary', undefined);
      return null;
    }
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
    if (verdict === 'refuse') {
      ctx.hub.error(conn, 'E_RATE_LIMITED', `at most ${ctx.options.rateLimit.perSecond} frames per second`, refOf(text));
      return null;
    }
    if (ctx.draining()) {
      ctx.hub.error(conn, 'E_BAD_STATE', 'the server is shutting down', refOf(text));
      return null;
    }
    return text;
  }
}
