// What the simulated world schedules on its event queue. Each action is a
// small record; its kind says which behaviour runs when it comes due.
import type { Command } from '../../engine/index.js';

export const ARRIVAL = 0; // the next customer of a stream writes their first message
export const ENGINE_TIMER = 1; // an engine timer (an offer's RONA deadline) comes due
export const AGENT_COMMAND = 2; // a simulated agent issues a planned command
export const PATIENCE = 3; // a waiting customer gives up
export const CUSTOMER_END = 4; // a Livechat customer ends the chat from the widget
export const RETURN = 5; // a customer whose session was ended writes again
export const TRANSFER = 6; // the owner decides to transfer
export const CONFERENCE = 7; // the owner calls in a second agent
export const LEAVE_CONFERENCE = 8; // one of the two conference agents leaves
export const STAFFING = 9; // a group's agents on shift change (shifts start or end)

export type ActionKind = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** The payload of an AGENT_COMMAND: the command, built when planned. */
export type PlannedCommand = Command;
