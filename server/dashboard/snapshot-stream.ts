// GET /api/stream: server-sent events, one `snapshot` at once and then one a
// period to every open stream. One timer for all streams, running only while
// one is open, so an idle server samples nothing; a tick still waiting for
// its snapshot is not overlapped. closeAll() ends every stream (the server's
// drain calls it: an open stream is an in-flight response that would
// otherwise hold the HTTP server open).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StreamSnapshot } from './stream-snapshot.js';

export interface SnapshotStreamOptions {
  periodMs?: number;
  /** A stream whose unsent bytes pass this (a client that stopped reading) is dropped. */
  maxBufferedBytes?: number;
  /** Told when taking a snapshot failed; the stream goes on. */
  onError?: (err: Error) => void;
}

const RETRY_MS = 2000;

export class SnapshotStream {
  private readonly clients = new Set<ServerResponse>();
  private readonly periodMs: number;
  private readonly maxBufferedBytes: number;
  private readonly onError: (err: Error) => void;
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private closed = false;
  private nextId = 1;

  constructor(private readonly take: () => Promise<StreamSnapshot>, options: SnapshotStreamOptions = {}) {
    this.periodMs = options.periodMs ?? 1000;
    this.maxBufferedBytes = options.maxBufferedBytes ?? 1024 * 1024;
    this.onError = options.onError ?? (() => {});
  }

  /** Open streams. */
  get size(): number {
    return this.clients.size;
  }

  /** Whether the periodic timer is set (only while a stream is open). */
  get timerSet(): boolean {
    return this.timer !== undefined;
  }

  /** Turns the response into an event stream; its first snapshot is sent at once. */
  open(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // The stream is the connection's last response, so ending it on drain closes the socket too.
      connection: 'close',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: ${RETRY_MS}\n\n`);
    if (this.closed) {
      res.end();
      return;
    }
    this.clients.add(res);
    const drop = (): void => this.drop(res);
    req.once('close', drop);
    res.once('close', drop);
    res.once('error', drop);
    void this.send([res]);
    if (this.timer === undefined) {
      this.timer = setInterval(() => void this.tick(), this.periodMs);
      this.timer.unref();
    }
  }

  /** Ends every stream and stops the timer; later streams end at once. */
  closeAll(): void {
    this.closed = true;
    this.stopTimer();
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private drop(res: ServerResponse): void {
    if (!this.clients.delete(res)) return;
    if (!res.writableEnded) res.destroy();
    if (this.clients.size === 0) this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      await this.send([...this.clients]);
    } finally {
      this.ticking = false;
    }
  }

  private async send(targets: ServerResponse[]): Promise<void> {
    let snapshot: StreamSnapshot;
    try {
      snapshot = await this.take();
    } catch (err) {
      if (!this.closed) this.onError(err as Error);
      return;
    }
    const frame = `event: snapshot\nid: ${this.nextId++}\ndata: ${JSON.stringify(snapshot)}\n\n`;
    for (const res of targets) {
      if (!this.clients.has(res)) continue;
      if (res.writableLength > this.maxBufferedBytes) {
        this.drop(res);
        continue;
      }
      res.write(frame);
    }
  }
}
