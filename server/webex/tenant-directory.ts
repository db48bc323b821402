// Who and what the agent SDK may ask about, built once from the scenario:
// agents (the ids the server's directory lists), their groups as teams,
// the queues, the idle codes and the wrap-up reasons as auxiliary codes. Ids
// the SDK sends back (team, queue, aux code) are looked up here.
import { DEFAULT_WRAP_UP_REASONS } from '../../engine/index.js';
import type { Channel } from '../../engine/model/channel.js';
import { DEFAULT_ORG_ID, type Scenario } from '../../scenarios/scenario.js';
import { agentIdOf } from '../../sim/runner/world.js';

export interface WebexAgent {
  agentId: string;
  name: string;
  team: string;
  capacity: number;
  queues: readonly string[];
}

export interface AuxCode {
  id: string;
  name: string;
  kind: 'IDLE_CODE' | 'WRAP_UP_CODE';
  isDefault: boolean;
}

/** The SDK's id of the Available state (not an idle code). */
export const AVAILABLE_CODE_ID = '0';
/** Idle reasons an agent may pick, then the ones the server sets itself (connecting, disconnecting, RONA, logging out). */
const IDLE_REASONS = ['Not ready', 'Break', 'Lunch', 'Meeting', 'Training', 'Logged in', 'Disconnected', 'RONA', 'Logged out'] as const;
export const RONA_REASON = 'RONA';
export const LOGGED_OUT_REASON = 'Logged out';

export class TenantDirectory {
  readonly orgId: string;
  readonly agents = new Map<string, WebexAgent>();
  readonly teams: readonly string[];
  readonly queues: readonly string[];
  /** Channels a queue has an asset on (a transfer or consult to a queue names one of these queues). */
  readonly channelsOfQueue = new Map<string, Channel[]>();
  readonly auxCodes: readonly AuxCode[];

  constructor(scenario: Scenario) {
    this.orgId = scenario.orgId ?? DEFAULT_ORG_ID;
    for (const g of scenario.agents) {
      for (let i = 0; i < g.count; i++) {
        const agentId = agentIdOf(g.group, i);
        this.agents.set(agentId, { agentId, name: `${g.group} ${i + 1}`, team: g.group, capacity: g.capacity, queues: g.queues });
      }
    }
    this.teams = scenario.agents.map((g) => g.group);
    this.queues = scenario.queues.map((q) => q.name);
    for (const s of scenario.customers) {
      const list = this.channelsOfQueue.get(s.queue) ?? [];
      if (!list.includes(s.channel)) list.push(s.channel);
      this.channelsOfQueue.set(s.queue, list);
    }
    this.auxCodes = [
      ...IDLE_REASONS.map((name, i): AuxCode => ({ id: `idle-${i + 1}`, name, kind: 'IDLE_CODE', isDefault: i === 0 })),
      ...DEFAULT_WRAP_UP_REASONS.map((name, i): AuxCode => ({ id: `wrapup-${i + 1}`, name, kind: 'WRAP_UP_CODE', isDefault: i === 0 })),
    ];
  }

  auxCode(id: string, kind: AuxCode['kind']): AuxCode | undefined {
    return this.auxCodes.find((c) => c.id === id && c.kind === kind);
  }

  /** The idle code of a reason the engine reports; a reason no code names reads as the first ("Not ready"). */
  idleCodeIdOf(reason: string | undefined): string {
    const code = this.auxCodes.find((c) => c.kind === 'IDLE_CODE' && c.name === reason);
    return (code ?? this.auxCodes[0]!).id;
  }
}
