// The engine's invariants, checked after every step by property tests and,
// on demand, by the simulator (--check). Returns the violations found.
import type { EngineCore } from '../core.js';

export function checkInvariants(core: EngineCore): string[] {
  const problems: string[] = [];
  const queuedIds = new Set<number>();
  for (const q of core.queues.values()) {
    let n = 0;
    for (const c of q.waiting) {
      n++;
      if (c.state !== 'queued') problems.push(`conversation ${c.id} waits in ${q.name} but is ${c.state}`);
      if (c.queue !== q) problems.push(`conversation ${c.id} waits in ${q.name} but belongs to ${c.queue.name}`);
      if (queuedIds.has(c.id)) problems.push(`conversation ${c.id} waits twice`);
      queuedIds.add(c.id);
    }
    if (n !== q.waiting.size) problems.push(`queue ${q.name} counts ${q.waiting.size} waiting but holds ${n}`);
    let eligible = 0;
    for (const a of core.agents.values()) if (a.queues.includes(q) && core.eligible(a)) eligible++;
    if (eligible !== q.pool.size) problems.push(`queue ${q.name} pool holds ${q.pool.size} agents, ${eligible} are eligible`);
    for (const c of q.waiting) {
      const taker = q.pool.pick(c.heldBy);
      if (taker !== null) problems.push(`conversation ${c.id} waits in ${q.name} while ${taker.id} could take it`);
    }
  }

  let held = 0;
  const holders = new Map<number, number>();
  for (const agent of core.agents.values()) {
    let slots = agent.offers.size;
    for (const a of agent.assignments.values()) {
      holders.set(a.conversation.id, (holders.get(a.conversation.id) ?? 0) + 1);
      if (a.phase !== 'released') {
        slots++;
        held++;
      }
    }
    if (agent.load !== slots) problems.push(`agent ${agent.id} load ${agent.load} but holds ${slots} slots`);
    if (agent.load > agent.capacity) problems.push(`agent ${agent.id} load ${agent.load} over capacity ${agent.capacity}`);
    for (const o of agent.offers.values()) {
      if (core.offers.get(o.id) !== o) problems.push(`offer ${o.id} of agent ${agent.id} is not on the books`);
      if (o.conversation.offer !== o) problems.push(`offer ${o.id} is not its conversation's offer`);
    }
  }
  if (held !== core.heldSlots) problems.push(`heldSlots ${core.heldSlots} but agents hold ${held}`);
  for (const o of core.offers.values()) {
    if (o.agent.offers.get(o.id) !== o) problems.push(`offer ${o.id} is not with its agent`);
  }

  const openOn = new Map<object, number>();
  for (const c of core.conversations.values()) {
    if (c.state !== 'ended') openOn.set(c.asset, (openOn.get(c.asset) ?? 0) + 1);
    const entry = c.customerKey >= 0 ? c.asset.byCustomerKey.get(c.customerKey) : c.asset.byCustomer.get(c.customerId);
    if (c.listed !== (entry === c)) problems.push(`conversation ${c.id} listed ${c.listed} but its customer's entry says otherwise`);
  }
  for (const asset of core.assets.values()) {
    if (asset.open !== (openOn.get(asset) ?? 0)) problems.push(`asset ${asset.id} counts ${asset.open} open conversations, holds ${openOn.get(asset) ?? 0}`);
    for (const [customerId, c] of asset.byCustomer) if (!c.listed || c.customerKey >= 0 || c.customerId !== customerId) problems.push(`asset ${asset.id} lists ${c.id} for ${customerId} wrongly`);
    for (const [key, c] of asset.byCustomerKey) if (!c.listed || c.customerKey !== key) problems.push(`asset ${asset.id} lists ${c.id} for customer number ${key} wrongly`);
  }

  for (const c of core.conversations.values()) {
    if ((c.state === 'queued') !== queuedIds.has(c.id)) problems.push(`conversation ${c.id} is ${c.state} but ${queuedIds.has(c.id) ? 'waits' : 'does not wait'}`);
    if (c.state === 'offered' && (c.offer === null || c.offer.kind === 'conference')) problems.push(`conversation ${c.id} is offered without an offer`);
    if (c.state !== 'offered' && c.offer !== null && c.offer.kind !== 'conference') problems.push(`conversation ${c.id} is ${c.state} with a pending ${c.offer.kind} offer`);
    if (c.state === 'active' && c.owner === null) problems.push(`conversation ${c.id} is active with no owner`);
    if ((holders.get(c.id) ?? 0) !== c.heldBy.length) problems.push(`conversation ${c.id} counts ${c.heldBy.length} holders, agents hold ${holders.get(c.id) ?? 0}`);
    if (c.state === 'ended' && c.heldBy.length === 0 && c.offer === null) problems.push(`conversation ${c.id} ended and unheld but not forgotten`);
    if (c.conferenceStatus === 'active' && c.conferenceAgent === null) problems.push(`conversation ${c.id} in conference with no conference agent`);
  }
  return problems;
}
