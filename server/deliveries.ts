// Frames on their way out of the engine host: to whom (a target key) and what
// (the JSON text). Parallel arrays of strings cross the thread boundary cheaply.

export interface Deliveries {
  targets: string[];
  frames: string[];
  /**
   * Per frame, what it is about, for the hub's history paging (outbox.ts):
   * 0 nothing in particular, `id` a frame about conversation `id`, `-id` a
   * line of conversation `id`'s history. deliver() fills it for every frame,
   * so it runs parallel to `frames` (absent: no frame was about anything).
   */
  about?: number[];
  /** Each engine command run for this outcome, by type, and the time it took (ns): the /metrics histogram. */
  commandTypes?: string[];
  commandNs?: number[];
}

export function agentTarget(agentId: string): string {
  return `a:${agentId}`;
}

/** A customer is one person on one channel asset: the same id on two assets is two customers. */
export function customerTarget(assetId: string, customerId: string): string {
  return `c:${assetId}\u0001${customerId}`;
}

export function emptyDeliveries(): Deliveries {
  return { targets: [], frames: [] };
}

/** Add a frame for a target; `about` as in Deliveries.about (default 0). */
export function deliver(out: Deliveries, target: string, frame: string, about = 0): void {
  out.targets.push(target);
  out.frames.push(frame);
  (out.about ??= []).push(about);
}
