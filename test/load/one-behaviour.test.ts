// One behaviour model for `cctwin run` and `cctwin load`: the simulated
// people's decisions live in sim/behaviour, and both drivers call them.
//
// 1. The source: the virtual runner and the load clients import their
//    decisions (the models, chooseTarget and its candidate lists) from
//    sim/behaviour, and no driver file draws a random number of its own,
//    builds a sampler, or defines a target choice.
// 2. The behaviour: each driver's source of transfer and conference
//    candidates, on one engine in one state (the runner's EngineView.pickTarget,
//    a load client's `targets` answer to listTargets, which the server sends
//    as the frame), put through the shared rule with the stream each driver
//    makes for the same seed, gives the same sequence of choices when the
//    lists agree, and the same kinds and queues when only the agents after
//    the first differ.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Engine, type Command, type EngineEvent, type TargetAgent } from '../../engine/index.js';
import type { Scenario } from '../../scenarios/scenario.js';
import {
  agentsFromTargets, chooseTarget, conferenceCandidates, CustomerModel, transferCandidates, type Target, type TargetCandidates,
} from '../../sim/behaviour/index.js';
import { createRng, deriveSeed } from '../../sim/random/prng.js';
import { agentGroup, customerStream, scenario } from '../../sim/runner/testing/scenario-fixture.js';
import { sdkTargets } from '../../load/webex/sdk-agent-client.js';
import { buddyList } from '../../server/webex/buddy-agents.js';
import { TenantDirectory } from '../../server/webex/tenant-directory.js';
import { agentIdOf, assetIdOf, engineConfigOf, setupCommands } from '../../sim/runner/world.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

/** Names imported from sim/behaviour by a file (static imports, types included). */
function behaviourImports(source: string): Set<string> {
  const names = new Set<string>();
  for (const m of source.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"](?:\.\.\/)+(?:sim\/)?behaviour\/index\.js['"]/g)) {
    for (const part of m[1]!.split(',')) {
      const name = part.replace(/^\s*type\s+/, '').split(/\s+as\s+/)[0]!.trim();
      if (name !== '') names.add(name);
    }
  }
  return names;
}

/** The drivers: every non-test TypeScript file of sim/runner and load. */
function driverFiles(): string[] {
  const out: string[] = [];
  for (const dir of ['sim/runner', 'load']) {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(`${dir}/${entry.name}`);
    }
  }
  return out;
}

/** Ways of deciding something at random or of owning a decision; none belongs in a driver. */
const OWN_DECISIONS: [RegExp, string][] = [
  [/\b\w*rng\w*\.(?:next|int|chance|normal|nextUint32)\(/i, 'draws from a stream itself'],
  [/\.chance\(/, 'draws a chance itself'],
  [/Math\.random\(/, 'uses Math.random'],
  [/from\s+['"][./]*random\/sample\.js['"]/, 'builds its own samplers'],
  [/\b(?:function|const|let)\s+(?:chooseTarget|pickTarget|pickAgent|transferCandidates|conferenceCandidates)\b|\bprivate\s+(?:pickAgent|chooseTarget)\(/, 'defines its own target choice'],
  [/\bclass\s+(?:AgentModel|CustomerModel)\b/, 'defines its own behaviour model'],
  [/\.(?:coin|fraction|outcome)\(\)/, 'calls a decision primitive the model no longer has'],
];

/** The load run's text source picks texts and phone numbers, which are no decisions: its draws are allowed. */
const TEXT_SOURCES = new Set(['load/text-pools.ts']);

describe('one behaviour model: the source', () => {
  it('the old copies in sim/runner are gone', () => {
    expect(existsSync(join(root, 'sim/runner/agent-model.ts'))).toBe(false);
    expect(existsSync(join(root, 'sim/runner/customer-model.ts'))).toBe(false);
  });

  it('the virtual runner and the load clients import the same decisions from sim/behaviour', () => {
    // The runner is the files of sim/runner, each one step of a run (virtual-runner.ts loops over them).
    const runner = new Set(driverFiles().filter((f) => f.startsWith('sim/runner/')).flatMap((f) => [...behaviourImports(read(f))]));
    const agent = behaviourImports(read('load/agent-client.ts'));
    for (const name of ['chooseTarget', 'transferCandidates', 'conferenceCandidates']) {
      expect(runner, `sim/runner imports ${name}`).toContain(name);
      expect(agent, `agent-client.ts imports ${name}`).toContain(name);
    }
    expect(runner).toContain('AgentModel');
    expect(runner).toContain('CustomerModel');
    expect(agent).toContain('AgentModel');
    expect(agent).toContain('agentsFromTargets');
    // The agent driven through the vendor's SDK decides with the same rule and lists.
    const sdkAgent = behaviourImports(read('load/webex/sdk-agent-client.ts'));
    for (const name of ['AgentModel', 'agentsFromTargets', 'agentsMatter', 'chooseTarget', 'transferCandidates', 'conferenceCandidates']) {
      expect(sdkAgent, `sdk-agent-client.ts imports ${name}`).toContain(name);
    }
    expect(behaviourImports(read('load/load-run.ts'))).toEqual(new Set(['AgentModel', 'CustomerModel']));
    expect(behaviourImports(read('load/load-world.ts'))).toContain('CustomerModel');
    expect(behaviourImports(read('load/customer-client.ts'))).toContain('thinkMs');
  });

  it('no driver file decides anything at random itself or defines its own target choice', () => {
    const offences: string[] = [];
    const files = driverFiles();
    expect(files).toContain('sim/runner/virtual-runner.ts');
    expect(files).toContain('load/agent-client.ts');
    for (const file of files) {
      if (TEXT_SOURCES.has(file)) continue;
      const source = read(file);
      for (const [pattern, what] of OWN_DECISIONS) if (pattern.test(source)) offences.push(`${file} ${what}`);
    }
    expect(offences).toEqual([]);
  });

  it('the check catches what it is meant to catch', () => {
    const caught = (src: string): string[] => OWN_DECISIONS.filter(([p]) => p.test(src)).map(([, what]) => what);
    expect(caught('return candidates[this.rng.int(candidates.length)]!.agentId;')).toEqual(['draws from a stream itself']);
    expect(caught('if (stream.model.coin()) return;')).toEqual(['calls a decision primitive the model no longer has']);
    expect(caught('private pickAgent(targets: TargetsFrame, queue: string): string | null {')).toEqual(['defines its own target choice']);
    expect(caught("import { createSampler } from '../random/sample.js';")).toEqual(['builds its own samplers']);
    expect(caught('const u = Math.random();')).toEqual(['uses Math.random']);
    expect(caught('const to = chooseTarget(transferCandidates(queues, q, view.pickTarget(id)), sim.stream.targetDraw());')).toEqual([]);
  });
});

// ---- the behaviour ----

const SEED = 11;

/** Two desks on support and billing, a VIP desk; WhatsApp (a conference may go to a queue) and Messenger customers on support. */
function center(): Scenario {
  return scenario({
    seed: SEED,
    queues: [{ name: 'support', routing: 'longest-available' }, { name: 'billing', routing: 'least-busy' }, { name: 'vip', routing: 'round-robin' }],
    agents: [agentGroup({ group: 'desk', count: 4, queues: ['support', 'billing'] }), agentGroup({ group: 'vip', count: 2, queues: ['vip'] })],
    customers: [
      customerStream({ channel: 'whatsapp', queue: 'support', transfer: 0.2, conference: 0.2 }),
      customerStream({ channel: 'facebook', queue: 'support', transfer: 0.2, conference: 0.2 }),
    ],
  });
}

/** One engine holding one answered conversation per stream; commands as desktops and widgets send them. */
class World {
  readonly engine: Engine;
  readonly s = center();
  now = 0;
  private readonly events: EngineEvent[] = [];

  constructor() {
    this.engine = new Engine(engineConfigOf(this.s));
    for (const cmd of setupCommands(this.s)) this.run(cmd);
    for (const g of this.s.agents) for (let i = 0; i < g.count; i++) this.run({ type: 'setState', agentId: agentIdOf(g.group, i), state: 'available' });
  }

  run(cmd: Command): EngineEvent[] {
    this.events.length = 0;
    this.now += 1000;
    const refusal = this.engine.execute(cmd, this.now, this.events);
    if (refusal) throw new Error(`${cmd.type} refused: ${refusal.code}`);
    return [...this.events];
  }

  /** A customer writes on a stream's asset; the agent offered it accepts. Returns the conversation and its owner. */
  answered(stream: number, customerId: string): { conversationId: number; owner: string } {
    const spec = this.s.customers[stream]!;
    const offer = this.run({ type: 'customerMessage', assetId: assetIdOf(spec.channel, spec.queue), customerId, text: 'hello' })
      .find((e) => e.type === 'offer');
    if (offer === undefined || offer.type !== 'offer') throw new Error('no offer');
    this.run({ type: 'accept', agentId: offer.agentId, offerId: offer.offerId });
    return { conversationId: offer.conversationId, owner: offer.agentId };
  }

  /** A load client's view: the agents of the `targets` answer to the owner's listTargets. */
  targetAgents(owner: string): TargetAgent[] {
    const t = this.run({ type: 'listTargets', agentId: owner }).find((e) => e.type === 'targets');
    if (t === undefined || t.type !== 'targets') throw new Error('no targets');
    return t.agents;
  }

  serves = (agentId: string, queue: string): boolean => this.s.agents.some((g) => agentId.startsWith(`${g.group}-`) && g.queues.includes(queue));
}

/** The stream each driver makes for customer stream `index` (virtual-runner.ts and load-run.ts alike). */
function streamOf(s: Scenario, index: number): CustomerModel {
  const spec = s.customers[index]!;
  return new CustomerModel(spec, index, assetIdOf(spec.channel, spec.queue), createRng(deriveSeed(s.seed, 'customers', index)));
}

type Purpose = 'transfer' | 'conference';

/** The runner's candidates, as virtual-runner.ts lists them. */
function runnerCandidates(w: World, purpose: Purpose, conversationId: number): TargetCandidates {
  const c = w.engine.view.conversation(conversationId)!;
  const head = w.engine.view.pickTarget(conversationId);
  return purpose === 'transfer' ? transferCandidates(w.s.queues, c.queue, head) : conferenceCandidates(c.queue, c.conferenceToQueue, head);
}

/** A load client's candidates, as agent-client.ts lists them from the `targets` frame. */
function loadCandidates(w: World, purpose: Purpose, conversationId: number, owner: string): TargetCandidates {
  const c = w.engine.view.conversation(conversationId)!;
  const agents = agentsFromTargets(w.targetAgents(owner), c.queue, owner, w.serves);
  const toQueue = w.s.channels[c.channel].conferenceToQueue;
  return purpose === 'transfer' ? transferCandidates(w.s.queues, c.queue, agents) : conferenceCandidates(c.queue, toQueue, agents);
}

/**
 * An SDK load agent's candidates: the gateway's buddy list made from the same
 * `targets` answer (as it travels, JSON), read by sdk-agent-client.ts.
 */
function sdkCandidates(w: World, purpose: Purpose, conversationId: number, owner: string, state?: 'Available'): TargetCandidates {
  const c = w.engine.view.conversation(conversationId)!;
  const list = JSON.parse(JSON.stringify(buddyList(w.targetAgents(owner), new TenantDirectory(w.s), state))) as Parameters<typeof sdkTargets>[0];
  const agents = agentsFromTargets(sdkTargets(list), c.queue, owner, w.serves);
  const toQueue = w.s.channels[c.channel].conferenceToQueue;
  return purpose === 'transfer' ? transferCandidates(w.s.queues, c.queue, agents) : conferenceCandidates(c.queue, toQueue, agents);
}

/** n decisions in a row, each with the next draw of the driver's own stream. */
function choices(stream: CustomerModel, candidates: TargetCandidates, n: number): (Target | null)[] {
  return Array.from({ length: n }, () => chooseTarget(candidates, stream.targetDraw()));
}

const kind = (t: Target | null): string => (t === null ? 'none' : t.agent !== undefined ? 'agent' : `queue ${t.queue}`);

describe('one behaviour model: the same choices in run and load', () => {
  it('with one agent free besides the owner, both drivers list the same candidates and make the same choices for the same seed', () => {
    const w = new World();
    const { conversationId, owner } = w.answered(0, 'c-1');
    // Every desk agent but one, and the owner, off: one agent could take it.
    const desk = [0, 1, 2, 3].map((i) => agentIdOf('desk', i)).filter((a) => a !== owner);
    for (const a of desk.slice(1)) w.run({ type: 'setState', agentId: a, state: 'idle' });
    for (const purpose of ['transfer', 'conference'] as const) {
      const run = runnerCandidates(w, purpose, conversationId);
      const load = loadCandidates(w, purpose, conversationId, owner);
      expect(load).toEqual(run);
      expect(run.agents).toEqual([desk[0]]);
      const a = choices(streamOf(w.s, 0), run, 400);
      const b = choices(streamOf(w.s, 0), load, 400);
      expect(b).toEqual(a);
      // Both kinds come up, and every queue a transfer can go to.
      expect(new Set(a.map(kind))).toEqual(new Set(purpose === 'transfer'
        ? ['agent', 'queue billing', 'queue vip']
        : ['agent', 'queue support']));
    }
  });

  it('with several agents free, the same draws pick the same kinds and queues; an agent is each driver\'s first', () => {
    const w = new World();
    const { conversationId, owner } = w.answered(0, 'c-2');
    for (const purpose of ['transfer', 'conference'] as const) {
      const run = runnerCandidates(w, purpose, conversationId);
      const load = loadCandidates(w, purpose, conversationId, owner);
      expect(run.agents).toHaveLength(1); // the head of the queue's routing order
      expect(load.agents).toHaveLength(3); // every desk agent but the owner, in the frame's order
      expect(load.agents).toContain(run.agents[0]);
      expect(load.queues).toEqual(run.queues);
      const a = choices(streamOf(w.s, 0), run, 400);
      const b = choices(streamOf(w.s, 0), load, 400);
      expect(b.map(kind)).toEqual(a.map(kind));
      for (const t of a) if (t?.agent !== undefined) expect(t.agent).toBe(run.agents[0]);
      for (const t of b) if (t?.agent !== undefined) expect(t.agent).toBe(load.agents[0]);
    }
  });

  it('with nobody free, a transfer goes to the same queues in both and a conference to no one; where the channel allows no conference to a queue, always to the agent', () => {
    const w = new World();
    const whatsapp = w.answered(0, 'c-3');
    const messenger = w.answered(1, 'c-4');
    for (const a of [0, 1, 2, 3].map((i) => agentIdOf('desk', i))) if (a !== whatsapp.owner && a !== messenger.owner) w.run({ type: 'setState', agentId: a, state: 'idle' });
    // Both owners hold a conversation at capacity 1: nobody could take another.
    for (const { conversationId, owner } of [whatsapp, messenger]) {
      const transfers = [runnerCandidates(w, 'transfer', conversationId), loadCandidates(w, 'transfer', conversationId, owner)];
      expect(transfers[1]).toEqual(transfers[0]);
      expect(choices(streamOf(w.s, 0), transfers[1]!, 200)).toEqual(choices(streamOf(w.s, 0), transfers[0]!, 200));
      expect(chooseTarget(runnerCandidates(w, 'conference', conversationId), 0.9)).toBeNull();
      expect(chooseTarget(loadCandidates(w, 'conference', conversationId, owner), 0.9)).toBeNull();
    }
    // A free VIP agent serves neither queue; making a desk agent free gives Messenger's conference its only kind.
    w.run({ type: 'setState', agentId: agentIdOf('desk', [0, 1, 2, 3].find((i) => ![whatsapp.owner, messenger.owner].includes(agentIdOf('desk', i)))!), state: 'available' });
    const run = runnerCandidates(w, 'conference', messenger.conversationId);
    expect(loadCandidates(w, 'conference', messenger.conversationId, messenger.owner)).toEqual(run);
    expect(new Set(choices(streamOf(w.s, 1), run, 200).map(kind))).toEqual(new Set(['agent']));
  });

  it('an SDK load agent, reading the buddy list the gateway makes of the same answer, lists what the native load agent lists and chooses alike', () => {
    const w = new World();
    const whatsapp = w.answered(0, 'c-5');
    const messenger = w.answered(1, 'c-6');
    const check = (expectAgents: number): void => {
      for (const [stream, { conversationId, owner }] of [whatsapp, messenger].entries()) {
        for (const purpose of ['transfer', 'conference'] as const) {
          const native = loadCandidates(w, purpose, conversationId, owner);
          expect(native.agents).toHaveLength(expectAgents);
          expect(sdkCandidates(w, purpose, conversationId, owner)).toEqual(native);
          expect(sdkCandidates(w, purpose, conversationId, owner, 'Available')).toEqual(native);
          expect(choices(streamOf(w.s, stream), sdkCandidates(w, purpose, conversationId, owner), 300)).toEqual(choices(streamOf(w.s, stream), native, 300));
        }
      }
    };
    // The two desk agents besides the owners are free.
    check(2);
    // One goes idle: one left.
    const free = [0, 1, 2, 3].map((i) => agentIdOf('desk', i)).filter((a) => a !== whatsapp.owner && a !== messenger.owner);
    w.run({ type: 'setState', agentId: free[0]!, state: 'idle' });
    check(1);
    // The other is available but at capacity (a conversation of its own): Available on the list, yet no candidate in either.
    w.answered(0, 'c-7');
    expect(buddyList(w.targetAgents(whatsapp.owner), new TenantDirectory(w.s), 'Available').find((b) => b.agentId === free[1])).toMatchObject({ state: 'Available', canTake: false });
    check(0);
  });
});
