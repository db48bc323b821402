// Records every destination this process opens a connection to or looks up,
// so a test can assert it never left loopback. Installed before the SDK
// loads: net.Socket.prototype.connect (every TCP client, fetch and ws
// included) and dns.lookup (every name resolved).
import dns from 'node:dns';
import net from 'node:net';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

export interface LoopbackGuard {
  /** Every host seen, in order (a Unix socket path as `unix:PATH`). */
  readonly destinations: string[];
  /** The ones that are not loopback. */
  outside(): string[];
}

let guard: { destinations: string[] } | undefined;

export function installLoopbackGuard(): LoopbackGuard {
  if (guard === undefined) {
    const g = { destinations: [] as string[] };
    guard = g;
    const connect = net.Socket.prototype.connect as (...args: unknown[]) => net.Socket;
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]): net.Socket {
      g.destinations.push(destinationOf(args));
      return connect.apply(this, args);
    } as typeof net.Socket.prototype.connect;
    const lookup = dns.lookup as (...args: unknown[]) => void;
    (dns as { lookup: unknown }).lookup = function (hostname: unknown, ...rest: unknown[]): void {
      g.destinations.push(String(hostname));
      lookup.call(dns, hostname, ...rest);
    };
    const lookupPromise = dns.promises.lookup;
    (dns.promises as { lookup: unknown }).lookup = (hostname: string, ...rest: unknown[]) => {
      g.destinations.push(hostname);
      return (lookupPromise as (...a: unknown[]) => unknown)(hostname, ...rest);
    };
  }
  const g = guard;
  return {
    destinations: g.destinations,
    outside: () => g.destinations.filter((d) => !LOOPBACK.has(d) && !d.startsWith('unix:')),
  };
}

function destinationOf(args: unknown[]): string {
  let first = args[0];
  // net.connect passes [options, callback] wrapped in an array (normalized arguments).
  if (Array.isArray(first)) first = first[0];
  if (typeof first === 'object' && first !== null) {
    const o = first as { host?: string; path?: string };
    if (o.path !== undefined) return `unix:${o.path}`;
    return o.host ?? 'localhost';
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) return `unix:${first}`;
  return typeof args[1] === 'string' ? args[1] : 'localhost';
}
