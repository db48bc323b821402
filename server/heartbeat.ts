// WebSocket heartbeats: every agent and customer connection is pinged every
// `intervalMs`; a connection that has left a ping unanswered for `timeoutMs`
// is terminated. A network that dies silently (laptop asleep,
// NAT mapping gone: no FIN, no RST) would otherwise leave its agent
// "connected", holding its conversations forever. Terminating makes ws emit
// 'close', so the session handles it exactly as any other disconnect (an
// agent is set idle, gets its reconnection grace, then its work is released).
//
// One timer serves every connection (thousands of agents): each beat walks
// the set once, terminating the silent and pinging the rest. Time is counted
// in beats, not read from the clock, so timer jitter cannot cost a beat: a
// connection is dead once its oldest unanswered ping is ceil(timeout /
// interval) beats old, i.e. between `timeoutMs` and `timeoutMs + intervalMs`
// after it went silent (timeout a multiple of the interval; otherwise the
// timeout is rounded up to whole intervals).
import WebSocket from 'ws';

interface Beat {
  /** Beats since the oldest ping not answered yet (0: none outstanding). */
  unanswered: number;
}

export class Heartbeat {
  private readonly beats = new Map<WebSocket, Beat>();
  /** Beats a ping may go unanswered. */
  private readonly limit: number;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  /**
   * @param intervalMs how often every connection is pinged; 0 turns heartbeats off.
   * @param timeoutMs how long a ping may go unanswered (rounded up to whole intervals).
   * @param onDead called for each connection about to be terminated for missing its pongs.
   */
  constructor(
    private readonly intervalMs: number,
    timeoutMs: number,
    private readonly onDead: (ws: WebSocket) => void = () => {},
  ) {
    this.limit = intervalMs > 0 ? Math.max(1, Math.ceil(timeoutMs / intervalMs)) : 0;
  }

  /** Watch an open connection until it closes. */
  watch(ws: WebSocket): void {
    if (this.intervalMs <= 0 || this.stopped) return;
    const beat: Beat = { unanswered: 0 };
    this.beats.set(ws, beat);
    ws.on('pong', () => (beat.unanswered = 0));
    ws.once('close', () => this.beats.delete(ws));
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.beat(), this.intervalMs);
      // The listening socket keeps the process alive, not the heartbeat.
      this.timer.unref();
    }
  }

  /** How many connections are watched. */
  get size(): number {
    return this.beats.size;
  }

  /** Stop pinging (the server drains: closing is the drain's business now). */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.beats.clear();
  }

  private beat(): void {
    for (const [ws, beat] of this.beats) {
      if (ws.readyState !== WebSocket.OPEN) continue; // closing: its close handshake (or the hub's terminate) is under way
      if (beat.unanswered >= this.limit) {
        this.beats.delete(ws);
        this.onDead(ws);
        ws.terminate();
        continue;
      }
      // Pinged at every beat, answered or not: the traffic also keeps NAT mappings alive.
      ws.ping();
      beat.unanswered++;
    }
  }
}
