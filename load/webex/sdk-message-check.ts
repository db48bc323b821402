// What an SDK agent receives on its notification socket goes through the
// load run's leak checker, as every native agent frame does (keepalives
// carry nothing and are not counted).
import type { LoadWorld } from '../load-world.js';

export function checkSdkMessage(world: LoadWorld, text: string): void {
  if (text === '{"keepalive":"true"}') return;
  let msg: unknown;
  try {
    msg = JSON.parse(text);
  } catch {
    return;
  }
  if (typeof msg !== 'object' || msg === null) return;
  const m = msg as Record<string, unknown>;
  // Named by the event, not the envelope: `RoutingMessage` says nothing of what leaked.
  const data = m.data as { type?: unknown } | undefined;
  world.leaks.check(typeof data?.type === 'string' ? { ...m, type: data.type } : m);
}
