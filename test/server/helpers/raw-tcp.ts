// A raw TCP connection to the server, for what an HTTP client library would
// not send: nothing at all, half a request, garbage, huge headers.
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export class RawConnection {
  /** Everything the server sent. */
  received = '';
  /** Resolves when the connection is closed (by either side), with the time it took since it opened. */
  readonly closed: Promise<number>;
  private readonly openedAt = performance.now();

  private constructor(readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (this.received += chunk));
    socket.on('error', () => {});
    this.closed = new Promise((resolve) => socket.once('close', () => resolve(performance.now() - this.openedAt)));
  }

  static open(port: number, host = '127.0.0.1'): Promise<RawConnection> {
    const socket = connect(port, host);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  write(text: string | Buffer): void {
    this.socket.write(text);
  }

  get isClosed(): boolean {
    return this.socket.destroyed;
  }

  /** The first response the server sent (waits for it to be complete or the connection to close). */
  async response(waitMs = 5000): Promise<RawResponse> {
    const deadline = performance.now() + waitMs;
    for (;;) {
      const parsed = parseResponse(this.received);
      if (parsed !== null) return parsed;
      if (this.socket.destroyed || performance.now() > deadline) throw new Error(`no complete response: ${JSON.stringify(this.received.slice(0, 300))}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  destroy(): void {
    this.socket.destroy();
  }
}

function parseResponse(text: string): RawResponse | null {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  const body = text.slice(end + 4);
  if (Buffer.byteLength(body) < length) return null;
  return { status: Number(statusLine!.split(' ')[1]), headers, body: body.slice(0, length) };
}
