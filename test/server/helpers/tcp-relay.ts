// A TCP relay between a test's client and the server, which can freeze: it
// stops forwarding in both directions without closing anything (no FIN, no
// RST), as a network does when a laptop sleeps or a NAT mapping expires.
// Once frozen it does not pass on closes either: the client never learns
// that the server dropped the connection, and the server never hears from
// the client again.
import { connect, createServer, type Server, type Socket } from 'node:net';

export class TcpRelay {
  private frozen = false;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server, readonly port: number) {}

  /** A relay on a free loopback port to `targetPort`. */
  static async start(targetPort: number, host = '127.0.0.1'): Promise<TcpRelay> {
    let relay!: TcpRelay;
    const server = createServer((client) => relay.pair(client, connect(targetPort, host)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    relay = new TcpRelay(server, (server.address() as { port: number }).port);
    return relay;
  }

  /** The server's ws:// URL, through this relay (same path and query). */
  wsUrl(path: string): string {
    return `ws://127.0.0.1:${this.port}${path}`;
  }

  /** Stop forwarding: bytes are dropped from now on, in both directions, and closes are not passed on. */
  freeze(): void {
    this.frozen = true;
  }

  /** Destroy every relayed connection and stop listening. */
  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private pair(client: Socket, upstream: Socket): void {
    for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
      this.sockets.add(from);
      from.on('data', (chunk) => {
        if (!this.frozen) to.write(chunk);
      });
      from.on('error', () => {});
      from.on('close', () => {
        this.sockets.delete(from);
        if (!this.frozen) to.destroy();
      });
    }
  }
}
