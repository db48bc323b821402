// Frames on their way out of the engine host: to whom (a target key) and what
// (the JSON text). Parallel arrays of strings cross the thread boundary cheaply.

export interface Deliveries {
  targets: string[];
  frames: string[];
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

export function deliver(out: Deliveries, target: string, frame: string): void {
  out.targets.push(target);
  out.frames.push(frame);
}
