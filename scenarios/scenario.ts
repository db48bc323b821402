// A scenario after loading: every duration in ms, every rate per second,
// every default filled in. The YAML form is in docs/scenario.md and
// scenarios/scenario.schema.json; scenarios/load.ts turns one into the other.
import type { Channel, ChannelRules } from '../engine/model/channel.js';
import type { TenantSettings } from '../engine/model/tenant.js';
import type { RoutingPolicyName } from '../engine/model/routing-policy.js';
import type { DistributionSpec } from './distribution-spec.js';

export interface Scenario {
  name: string;
  seed: number;
  /** Arrivals stop here; the run then drains. */
  durationMs: number;
  /** Conversations arriving before this are not counted. */
  warmupMs: number;
  serviceLevelThresholdMs: number;
  /**
   * Length of the report's intervals (service level, abandon rate, occupancy
   * per interval, as a workforce tool shows them), counted from time 0.
   */
  intervalMs: number;
  /**
   * The file (or a --set) gave `interval:`. The text report prints its
   * per-interval table only then (or with `--intervals`): a scenario that
   * never asked for intervals is not a workforce day, and a long steady-state
   * run would print hundreds of rows of the default 30m. The loader always
   * fills it in; scenarios built in code may leave it out (read as false).
   */
  intervalSet?: boolean;
  tenant: TenantSettings;
  /**
   * The tenant's organization id (`tenant.orgId` in the file; default
   * DEFAULT_ORG_ID): the realm an agent SDK's access token names. Kept out
   * of `tenant`, which is the engine's settings. Scenarios built in code may
   * leave it out.
   */
  orgId?: string;
  /** Seeded defaults merged with the file's overrides, for all four channels. */
  channels: Record<Channel, ChannelRules>;
  queues: QueueSpec[];
  agents: AgentGroupSpec[];
  customers: CustomerStreamSpec[];
  /** What customers write: null for a fixed greeting; else seeded messages with this share holding PII. */
  messages: MessagesSpec | null;
  /** Budget expressions as written, e.g. `answerTime.p90 <= 60s`. */
  budgets: BudgetSource[];
  /** Where this scenario came from, for error messages. */
  file: string;
}

export interface QueueSpec {
  name: string;
  routing: RoutingPolicyName;
}

export interface AgentGroupSpec {
  group: string;
  /**
   * The most agents on shift at any time (the peak of `staffing`): the runner
   * creates this many and logs in and out the difference `staffing` calls for.
   */
  count: number;
  /**
   * Agents on shift over the run, piecewise constant: the first piece starts
   * at 0, each holds until the next one's `fromMs` (the last until the run
   * ends, drain included), consecutive pieces differ in count. A constant
   * count is `[{ fromMs: 0, count }]`; shifts are summed into pieces.
   */
  staffing: StaffingPiece[];
  queues: string[];
  /** Concurrent conversations an agent may hold. */
  capacity: number;
  acceptDelay: DistributionSpec;
  /** Chance that an offer times out (RONA). */
  noAnswer: number;
  /** Time until an agent in RONA sets itself available again. */
  ronaRecovery: DistributionSpec;
  wrapUp: DistributionSpec;
}

/** Agents on shift from `fromMs` until the next piece starts. */
export interface StaffingPiece {
  fromMs: number;
  count: number;
}

/**
 * Piecewise-constant arrival rate: each piece holds from `fromMs` until the
 * next piece. A forecast of volumes per interval becomes one piece per
 * interval (volume / interval seconds), then a last piece at rate 0.
 */
export interface RatePiece {
  fromMs: number;
  perSecond: number;
}

export interface CustomerStreamSpec {
  channel: Channel;
  queue: string;
  arrivals: RatePiece[];
  /** Abandons while queued after this; null: never abandons. */
  patience: DistributionSpec | null;
  /** Accept to the agent ending the conversation. */
  handleTime: DistributionSpec;
  /** Chance the agent transfers (half to a queue, half to an agent). */
  transfer: number;
  /** Chance the agent opens a three-way conference. */
  conference: number;
  /** Livechat only: chance the customer ends the chat from the widget. */
  customerEnds: number;
  /** Chance the agent ends the messaging session instead of the conversation. */
  sessionEnd: number;
  /** Chance a customer whose session was ended writes again (a new conversation). */
  returnAfterSessionEnd: number;
  /** Livechat only: share of chats started by the business. */
  proactive: number;
}

export interface BudgetSource {
  expression: string;
  /** 1-based line in the scenario file, when known. */
  line?: number;
}

export interface MessagesSpec {
  piiShare: number;
  locales: ('en' | 'de' | 'nl' | 'sv' | 'cs')[];
}

/** The organization id of a scenario that names none. */
export const DEFAULT_ORG_ID = 'cctwin-org';
