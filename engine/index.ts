// The engine's public face: everything code outside engine/ uses of it.
// Commands in (with the current time), events out, refusals as error codes,
// masking, and read-only views of the state (engine.view). Drivers, samplers
// and the server never reach into the core's records: they may change shape
// at any time (test/architecture/engine-seam.test.ts keeps the rule).
export { Engine, DEFAULT_WRAP_UP_REASONS, type EngineConfig, type TextMasker } from './engine.js';
export type { AgentStateRequest, Command, CommandType, TimerKind } from './commands.js';
export type {
  AgentState, ConferenceStatus, CustomerView, EndState, EngineEvent, EventOf, OfferKind, RescindReason,
  TargetAgent, TargetQueue, TranscriptEntry,
} from './events.js';
export { ERRORS, isErrorCode, type CctwinError, type ErrorCode } from './errors.js';
export { CHANNELS, DEFAULT_CHANNEL_RULES, isChannel, type Channel, type ChannelRules } from './model/channel.js';
export { DEFAULT_TENANT, DEFAULT_HISTORY_MAX_BYTES, DEFAULT_HISTORY_MAX_MESSAGES, type TenantSettings } from './model/tenant.js';
export { ROUTING_POLICIES, type RoutingPolicyName } from './model/routing-policy.js';
export {
  EngineView, emptyAgentCounts,
  type AgentCounts, type AgentInfo, type AssetInfo, type AssignmentInfo, type AssignmentPhase, type ConversationInfo,
  type ConversationState, type HistoryLine, type OfferInfo, type QueueInfo,
} from './view.js';
export { LeanPort } from './lean.js';
export { IntMap } from './int-map.js';
export {
  EventBuffer, EV_AGENT_STATE, EV_ANSWERED, EV_ARRIVED, EV_CONFERENCED, EV_CONVERSATION, EV_CUSTOMER_ENDED, EV_ENDED,
  EV_INTERRUPTED, EV_OFFER, EV_OTHER, EV_RONA, EV_SESSION_ENDED, EV_TIMER, EV_TRANSFERRED, EV_WRAP_UP_DONE,
  EV_WRAP_UP_REQUIRED, AGENT_STATE_CODES, END_STATE_CODES, OFFER_KIND_CODES, ROLE_CONFERENCE, ROLE_OWNER,
} from './event-buffer.js';
export * from './masking/index.js';

import type { Engine } from './engine.js';
import { checkInvariants } from './testing/invariants.js';

/** The engine's invariants (--check, property tests): the violations found, none when sound. */
export function checkEngineInvariants(engine: Engine): string[] {
  return checkInvariants(engine.core);
}
