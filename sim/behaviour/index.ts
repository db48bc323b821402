// The simulated people's decisions, one copy for both drivers: the virtual
// runner (sim/runner) and the load clients (sim/load) call these and make no
// choices of their own, so a scenario means the same in `run` and `load`.
// Pure: no clock, no I/O; every draw from a seeded stream of sim/random
// passed in; times in the scenario's ms.
export { AgentModel } from './agent-model.js';
export { CustomerModel, type Outcome } from './customer-model.js';
