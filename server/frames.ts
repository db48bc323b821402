// The WebSocket protocol's frames (docs/protocol.md): JSON
// objects with a `type`. Agent-facing frames carry only masked text;
// customer-facing frames carry the raw text. Times are epoch milliseconds.
import type { Command } from '../engine/commands.js';

/** A client's optional correlation field, echoed in the `ack` or `error` that answers its frame. */
export type FrameRef = string | number;

/** What an agent may send: the engine's agent commands without `agentId` (the token names the agent). */
export type AgentFrameType =
  | 'setState' | 'accept' | 'reply' | 'transfer' | 'conference' | 'endConference'
  | 'end' | 'wrapUp' | 'endSession' | 'note' | 'listTargets';

/** What a customer may send: `message {text}`, `end {}` (Livechat), `abandon {}` (stop waiting). */
export type CustomerFrameType = 'message' | 'end' | 'abandon';

/** An agent frame once validated: the command it becomes. */
export type AgentCommand = Extract<Command, { type: AgentFrameType }>;

export type DecodedFrame<T> = { ok: true; value: T; ref: FrameRef | undefined } | { ok: false; code: 'E_MALFORMED' | 'E_UNKNOWN_COMMAND' | 'E_UNAUTHORIZED'; message: string; ref: FrameRef | undefined };

export type CustomerAction =
  | { type: 'message'; text: string; proactive: boolean }
  | { type: 'end' }
  | { type: 'abandon' };

// Server -> client frames other than those mapped from engine events (event-frames.ts).
export interface AckFrame {
  type: 'ack';
  ref: FrameRef;
}

export interface ErrorFrame {
  type: 'error';
  code: string;
  message: string;
  ref?: FrameRef;
}
