// The YAML form of a scenario, as it stands once the schema has accepted it:
// units still written out, optional keys possibly absent.
import type { Channel } from '../engine/model/channel.js';
import type { RoutingPolicyName } from '../engine/model/routing-policy.js';
import type { TenantSettings } from '../engine/model/tenant.js';

export type DurationText = string | number;

export interface ScenarioSource {
  name: string;
  seed?: number;
  duration: DurationText;
  warmup?: DurationText;
  serviceLevelThreshold?: DurationText;
  interval?: DurationText;
  tenant?: Partial<TenantSettings> & { orgId?: string };
  channels?: Partial<Record<Channel, { ronaTimeout?: DurationText; replyLimit?: number }>>;
  queues: { name: string; routing?: RoutingPolicyName }[];
  agents: AgentGroupSource[];
  customers: CustomerStreamSource[];
  messages?: { piiShare?: number; locales?: ('en' | 'de' | 'nl' | 'sv' | 'cs')[] };
  budgets?: string[];
}

export interface AgentGroupSource {
  group: string;
  /** Exactly one of count and shifts is given. */
  count?: number | StaffingPieceSource[];
  shifts?: ShiftSource[];
  queues: string[];
  capacity?: number;
  acceptDelay?: string;
  noAnswer?: number;
  ronaRecovery?: string;
  wrapUp?: string;
}

export interface StaffingPieceSource {
  from: DurationText;
  count: number;
}

export interface ShiftSource {
  start: DurationText;
  end: DurationText;
  count: number;
}

export type ArrivalsSource = string | { from: DurationText; rate: string }[] | ArrivalForecastSource;

/** Conversations expected in each consecutive interval from time 0, as a workforce tool forecasts them. */
export interface ArrivalForecastSource {
  interval: DurationText;
  volumes: number[];
}

export interface CustomerStreamSource {
  channel: Channel;
  queue: string;
  arrivals: ArrivalsSource;
  patience?: string;
  handleTime: string;
  transfer?: number;
  conference?: number;
  customerEnds?: number;
  sessionEnd?: number;
  returnAfterSessionEnd?: number;
  proactive?: number;
}
