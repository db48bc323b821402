// The engine's one public face: commands in (with the current time), events
// out. Pure and deterministic: it reads no clock, draws no random number and
// touches no socket, so virtual time, the real-time server and the tests
// drive it alike.
import type { Command, CommandType } from './commands.js';
import type { EngineEvent } from './events.js';
import type { CctwinError } from './errors.js';
import type { Channel, ChannelRules } from './model/channel.js';
import type { TenantSettings } from './model/tenant.js';
import type { RoutingPolicyName } from './model/routing-policy.js';
import { CHANNELS, DEFAULT_CHANNEL_RULES } from './model/channel.js';
import { DEFAULT_TENANT } from './model/tenant.js';
import { EngineCore, type TextMasker } from './core.js';

export type { TextMasker };
import { WaitingList } from './routing/waiting-list.js';
import { createAgentPool } from './routing/agent-pool.js';
import { setState } from './handlers/agent-state.js';
import { accept, timerFired } from './handlers/offers.js';
import { transfer } from './handlers/transfer.js';
import { conference, endConference } from './handlers/conference.js';
import { end, endSession, wrapUp } from './handlers/ending.js';
import { customerMessage, note, reply } from './handlers/messages.js';
import { abandon, customerEnd } from './handlers/customer.js';
import { addAgent, addAsset, deleteAsset, setTenant } from './handlers/admin.js';
import { listTargets } from './handlers/targets.js';
import { EngineView } from './view.js';
import { LeanPort } from './lean.js';

export interface EngineConfig {
  tenant?: Partial<TenantSettings>;
  channels?: Partial<Record<Channel, Partial<ChannelRules>>>;
  queues: { name: string; routing?: RoutingPolicyName }[];
  wrapUpReasons?: string[];
  /** The masker applied to agent-facing text when the tenant masks sensitive data. */
  mask?: TextMasker;
  /**
   * Leave out the events only a person's screen shows: messages, notes,
   * conference status, rescinded offers, and the customer's `closed` and
   * `csatSurvey`. For drivers that simulate people and read none of them (the
   * virtual-time runner). Everything that changes what a driver does, sets a
   * timer or is counted still comes out; state and refusals are the same.
   */
  quiet?: boolean;
}

export const DEFAULT_WRAP_UP_REASONS = ['Resolved', 'Follow-up needed', 'Transferred', 'Customer left', 'Other'] as const;

type Handler = (core: EngineCore, cmd: never) => CctwinError | null;

const HANDLERS: Record<CommandType, Handler> = {
  setState, accept, reply, transfer, conference, endConference, end, wrapUp, endSession, note, listTargets,
  customerMessage, customerEnd, abandon, addAgent, addAsset, deleteAsset, setTenant, timerFired,
};

/** One hashed lookup per command (a keyed property read on HANDLERS took two). */
const HANDLER_OF = new Map<string, Handler>(Object.entries(HANDLERS));

export class Engine {
  /**
   * The state itself, for the engine's own tests and invariant checker. Code
   * outside engine/ reads through `view` (test/architecture/engine-seam.test.ts).
   */
  readonly core: EngineCore;
  /** Read-only views of the state: what drivers, samplers and the server may look at. */
  readonly view: EngineView;
  private leanPort: LeanPort | null = null;

  constructor(config: EngineConfig) {
    const channelRules = {} as Record<Channel, ChannelRules>;
    for (const ch of CHANNELS) channelRules[ch] = { ...DEFAULT_CHANNEL_RULES[ch], ...config.channels?.[ch] };
    this.core = new EngineCore(
      { ...DEFAULT_TENANT, ...config.tenant },
      channelRules,
      config.wrapUpReasons ?? [...DEFAULT_WRAP_UP_REASONS],
      config.mask ?? identity,
      config.quiet === true,
    );
    for (const q of config.queues) {
      const queue = { index: this.core.queueList.length, name: q.name, waiting: new WaitingList(), pool: createAgentPool(q.routing ?? 'longest-available') };
      this.core.queues.set(q.name, queue);
      this.core.queueList.push(queue);
    }
    this.view = new EngineView(this.core);
  }

  /**
   * Apply one command at `nowMs`, appending what follows to `out`. Returns
   * null, or the refusal: a refused command changes nothing and emits nothing.
   */
  execute(cmd: Command, nowMs: number, out: EngineEvent[]): CctwinError | null {
    this.core.sink = this.core.objects;
    this.core.recycle();
    const handler = HANDLER_OF.get(cmd.type) as ((core: EngineCore, cmd: Command) => CctwinError | null) | undefined;
    if (handler === undefined) return this.core.refuse('E_UNKNOWN_COMMAND', String((cmd as { type: unknown }).type));
    if (nowMs < this.core.nowMs) return this.core.refuse('E_MALFORMED', `time went backwards: ${nowMs} < ${this.core.nowMs}`);
    const before = this.core.nowMs;
    this.core.nowMs = nowMs;
    this.core.objects.out = out;
    const refusal = handler(this.core, cmd);
    // A refused command changes nothing, not even the engine's clock.
    if (refusal !== null) this.core.nowMs = before;
    return refusal;
  }

  /** The lean port over this same engine: handles and arguments in, rows of numbers out (lean.ts). */
  lean(): LeanPort {
    return (this.leanPort ??= new LeanPort(this.core, dispatch));
  }
}

function dispatch(core: EngineCore, cmd: Command): CctwinError | null {
  const handler = HANDLER_OF.get(cmd.type) as ((core: EngineCore, cmd: Command) => CctwinError | null) | undefined;
  if (handler === undefined) return core.refuse('E_UNKNOWN_COMMAND', String((cmd as { type: unknown }).type));
  return handler(core, cmd);
}

function identity(text: string): string {
  return text;
}
