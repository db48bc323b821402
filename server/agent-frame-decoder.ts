// Agent frames in: text -> a validated engine command for the token's agent,
// or the error to answer. Nothing reaches the engine before it fits its shape.
import type { AgentCommand, AgentFrameType, DecodedFrame } from './frames.js';
import { fail, parseFrame, shapeProblem, type FrameShape } from './frame-shape.js';

const TARGET = { queue: 'nonEmptyString', agent: 'nonEmptyString' } as const;

const AGENT_SHAPES: Record<AgentFrameType, FrameShape> = {
  setState: { required: { state: 'string' }, optional: { reason: 'string' } },
  accept: { required: { offerId: 'id' } },
  reply: { required: { conversationId: 'id', text: 'nonEmptyString' } },
  transfer: { required: { conversationId: 'id' }, optional: TARGET },
  conference: { required: { conversationId: 'id' }, optional: TARGET },
  endConference: { required: { conversationId: 'id' } },
  end: { required: { conversationId: 'id' } },
  wrapUp: { required: { conversationId: 'id', reason: 'nonEmptyString' } },
  endSession: { required: { conversationId: 'id' } },
  note: { required: { conversationId: 'id', text: 'nonEmptyString' } },
  listTargets: { required: {} },
};

/** Engine commands that exist but are not an agent's to give. */
const NOT_FOR_AGENTS = new Set(['customerMessage', 'customerEnd', 'abandon', 'addAgent', 'addAsset', 'deleteAsset', 'setTenant', 'timerFired']);

export function decodeAgentFrame(text: string, agentId: string): DecodedFrame<AgentCommand> {
  const parsed = parseFrame(text);
  if (!parsed.ok) return parsed;
  const { type, fields, ref } = parsed;
  if (!Object.hasOwn(AGENT_SHAPES, type)) {
    return NOT_FOR_AGENTS.has(type) ? fail('E_UNAUTHORIZED', `agents may not send ${type}`, ref) : fail('E_UNKNOWN_COMMAND', `no agent frame type ${JSON.stringify(type).slice(0, 64)}`, ref);
  }
  // The token names the agent; a frame may repeat it but never name another.
  if (Object.hasOwn(fields, 'agentId')) {
    if (fields.agentId !== agentId) return fail('E_UNAUTHORIZED', 'a frame acts for its connection\'s agent only', ref);
    delete fields.agentId;
  }
  const problem = shapeProblem(type, fields, AGENT_SHAPES[type as AgentFrameType]);
  if (problem) return fail('E_MALFORMED', problem, ref);
  if (type === 'setState' && fields.state !== 'available' && fields.state !== 'idle') return fail('E_MALFORMED', '`state` must be available or idle', ref);
  if ((type === 'transfer' || type === 'conference') && (fields.queue === undefined) === (fields.agent === undefined)) {
    return fail('E_MALFORMED', `${type} names exactly one of \`queue\` or \`agent\``, ref);
  }
  const cmd = { ...fields, agentId } as Record<string, unknown>;
  delete cmd.ref;
  return { ok: true, value: cmd as AgentCommand, ref };
}
