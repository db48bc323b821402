// A TCP relay in front of the server whose connections can be cut (every
// relayed socket destroyed, as a dropped network does) while it keeps
// listening, so a client that reconnects gets through again.
import { connect, createServer, type Server, type Socket } from 'node:net';

export class CuttableRelay {
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server, readonly port: number) {}

  static async start(targetPort: number): Promise<CuttableRelay> {
    let relay!: CuttableRelay;
    const server = createServer((client) => relay.pair(client, connect(targetPort, '127.0.0.1')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    relay = new CuttableRelay(server, (server.address() as { port: number }).port);
    return relay;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Destroy every connection relayed so far; new ones are relayed as before. */
  cut(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private pair(client: Socket, upstream: Socket): void {
    for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
      this.sockets.add(from);
      from.on('data', (chunk) => to.write(chunk));
      from.on('error', () => {});
      from.on('close', () => {
        this.sockets.delete(from);
        to.destroy();
      });
    }
  }
}
