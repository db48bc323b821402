// What the simulated world schedules on its event queue. An entry's kind is
// the action in its low 4 bits and, for an agent's action, the agent's
// engine handle above them; its ref is a number (an offer or conversation
// id) or, for the rare actions, a small record. Nothing is allocated to plan
// an agent's command.

export const ARRIVAL = 0; // the next customer of a stream writes their first message (ref: the stream's Arrival)
export const ENGINE_TIMER = 1; // an engine timer (an offer's RONA deadline) comes due (ref: offer id)
export const ACCEPT = 2; // a simulated agent accepts an offer (ref: offer id)
export const SET_AVAILABLE = 3; // a simulated agent makes itself available again after RONA
export const WRAP_UP = 4; // a simulated agent submits its wrap-up (ref: conversation id)
export const END = 5; // a simulated agent ends a conversation (ref: conversation id)
export const END_SESSION = 6; // a simulated agent ends the messaging session (ref: conversation id)
export const PATIENCE = 7; // a waiting customer gives up (ref: conversation id)
export const CUSTOMER_END = 8; // a Livechat customer ends the chat from the widget (ref: conversation id)
export const RETURN = 9; // a customer whose session was ended writes again (ref: { stream, customerId })
export const TRANSFER = 10; // the owner decides to transfer (ref: conversation id)
export const CONFERENCE = 11; // the owner calls in a second agent (ref: conversation id)
export const LEAVE_CONFERENCE = 12; // one of the two conference agents leaves (ref: conversation id)
export const STAFFING = 13; // a group's agents on shift change (shifts start or end) (ref: the change)

export type ActionKind = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13;

const ACTION_BITS = 4;
const ACTION_MASK = (1 << ACTION_BITS) - 1;

/** The queue kind of an agent's action. */
export function agentAction(action: ActionKind, agent: number): number {
  return action | (agent << ACTION_BITS);
}

export function actionOf(kind: number): ActionKind {
  return (kind & ACTION_MASK) as ActionKind;
}

export function agentOf(kind: number): number {
  return kind >>> ACTION_BITS;
}
