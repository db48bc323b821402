// The one catalogue of cctwin's error codes. Codes are part of the outward
// contract (protocol `error` frames, CLI messages): add freely, never rename.
// test/errors.test.ts checks that every code here is documented in the README.

export const ERRORS = {
  // Protocol and engine: a refused command answers one of these and changes nothing.
  E_MALFORMED: 'The frame or command is not well formed',
  E_UNKNOWN_COMMAND: 'No such command type',
  E_UNAUTHORIZED: 'Not allowed for this caller',
  E_UNKNOWN_AGENT: 'No such agent',
  E_UNKNOWN_QUEUE: 'No such queue',
  E_UNKNOWN_ASSET: 'No such channel asset',
  E_UNKNOWN_CONVERSATION: 'No such conversation',
  E_UNKNOWN_OFFER: 'No such offer pending for this agent',
  E_NOT_ASSIGNED: 'The conversation is not assigned to this agent',
  E_BAD_STATE: 'Not allowed in the current state',
  E_TARGET_UNAVAILABLE: 'The transfer or conference target cannot take it now',
  E_REPLY_TOO_LONG: 'The reply is longer than the channel allows',
  E_RESERVED_CHARS: 'The reply holds characters reserved on this channel',
  E_INTERRUPTED: 'The conversation was interrupted: its channel asset is gone',
  E_SESSION_ENDED: 'The messaging session of this conversation has ended',
  E_SESSION_END_DISABLED: 'Agents may not end sessions on this tenant',
  E_CUSTOMER_ENDED: 'The customer has ended the conversation',
  E_NOT_SUPPORTED: 'Not supported on this channel',
  E_DUPLICATE: 'Already exists',
  E_UNKNOWN_REASON: 'Not one of the wrap-up reasons offered',
  E_RATE_LIMITED: 'Too many frames; slow down',
  E_FRAME_TOO_LARGE: 'The frame is larger than the server accepts',
  E_INTERNAL: 'The server failed to carry out the command',
  E_NOT_FOUND: 'No such HTTP route or WebSocket path (or not with this method)',
  E_TOKEN_EXPIRED: 'The access token has expired',

  // Command line and scenario files (exit status 2).
  E_USAGE: 'Bad command-line usage',
  E_SCENARIO_READ: 'The scenario file cannot be read',
  E_SCENARIO_SYNTAX: 'The scenario file is not valid YAML',
  E_SCENARIO_SCHEMA: 'The scenario file does not match the scenario schema',
  E_SCENARIO_SET: 'A --set override is malformed or names no scenario key',
} as const;

export type ErrorCode = keyof typeof ERRORS;

export interface CctwinError {
  code: ErrorCode;
  message: string;
}

export function isErrorCode(s: string): s is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERRORS, s);
}
