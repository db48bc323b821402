// The simulated people's decisions, one copy for both drivers: the virtual
// runner (sim/runner) and the load clients (load) call these and make no
// choices of their own, so a scenario means the same in `run` and `load`.
// Pure: no clock, no I/O; every draw from a seeded stream of sim/random
// passed in; times in the scenario's ms. README.md tells what each decides.
export { AgentModel, replyPlan, type ReplyPlan } from './agent-model.js';
export { CustomerModel, thinkMs, type Outcome, type Turn } from './customer-model.js';
export {
  AGENT_SHARE, agentsFromTargets, agentsMatter, chooseTarget, conferenceCandidates, transferCandidates,
  type AgentsInOrder, type Target, type TargetAgentLike, type TargetCandidates,
} from './targets.js';
