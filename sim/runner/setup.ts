// The center at time 0: the administrator's set-up commands (channel assets,
// agents), each agent's behaviour model by engine handle, the agents on
// shift logged in and later staffing changes queued, then each customer
// stream's first arrival (queued after the staffing changes, as ties at one
// instant go in the order they were queued).
import type { Scenario } from '../../scenarios/scenario.js';
import { createRng, deriveSeed } from '../random/prng.js';
import { AgentModel } from '../behaviour/index.js';
import type { RunContext } from './run-context.js';
import type { CustomerArrivals } from './customer-arrivals.js';
import { agentIdOf, setupCommands } from './world.js';
import * as A from './actions.js';

/** Sets the center up; returns how many agents it has. */
export function setUpCenter(ctx: RunContext, scenario: Scenario, customers: CustomerArrivals): number {
  for (const cmd of setupCommands(scenario)) ctx.run(cmd, false);
  let agents = 0;
  for (const group of scenario.agents) {
    const model = new AgentModel(group, createRng(deriveSeed(ctx.seed, 'agents', group.group)));
    for (let i = 0; i < group.count; i++) ctx.models[ctx.port.agentHandle(agentIdOf(group.group, i))] = model;
    agents += group.count;
  }
  ctx.offShift = new Uint8Array(ctx.models.length);
  for (const change of ctx.roster.changes()) {
    if (change.atMs === 0) for (const cmd of ctx.roster.apply(change)) ctx.run(cmd, false);
    else if (change.atMs < scenario.durationMs) ctx.queue.push(change.atMs, A.STAFFING, change);
  }
  customers.start();
  return agents;
}
