// Customer frames in: `message {text}`, `end {}` (Livechat: the customer
// closes the chat) and `abandon {}` (the customer stops waiting).
import type { CustomerAction, CustomerFrameType, DecodedFrame } from './frames.js';
import { fail, parseFrame, shapeProblem, type FrameShape } from './frame-shape.js';

const CUSTOMER_SHAPES: Record<CustomerFrameType, FrameShape> = {
  message: { required: { text: 'nonEmptyString' }, optional: { proactive: 'boolean' } },
  end: { required: {} },
  abandon: { required: {} },
};

export function decodeCustomerFrame(text: string): DecodedFrame<CustomerAction> {
  const parsed = parseFrame(text);
  if (!parsed.ok) return parsed;
  const { type, fields, ref } = parsed;
  if (!Object.hasOwn(CUSTOMER_SHAPES, type)) return fail('E_UNKNOWN_COMMAND', `no customer frame type ${JSON.stringify(type).slice(0, 64)}`, ref);
  const problem = shapeProblem(type, fields, CUSTOMER_SHAPES[type as CustomerFrameType]);
  if (problem) return fail('E_MALFORMED', problem, ref);
  if (type === 'message') return { ok: true, value: { type, text: fields.text as string, proactive: fields.proactive === true }, ref };
  return { ok: true, value: { type: type as 'end' | 'abandon' }, ref };
}
