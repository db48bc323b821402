import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAgentFrame } from './agent-frame-decoder.js';
import { decodeCustomerFrame } from './customer-frame-decoder.js';

describe('agent frames', () => {
  it('become the command for the connection\'s agent', () => {
    expect(decodeAgentFrame('{"type":"accept","offerId":3,"ref":"a"}', 'ann')).toEqual({ ok: true, value: { type: 'accept', offerId: 3, agentId: 'ann' }, ref: 'a' });
    expect(decodeAgentFrame('{"type":"setState","state":"idle","reason":"Lunch"}', 'ann')).toEqual({ ok: true, value: { type: 'setState', state: 'idle', reason: 'Lunch', agentId: 'ann' }, ref: undefined });
    expect(decodeAgentFrame('{"type":"transfer","conversationId":9,"agent":"bob","agentId":"ann"}', 'ann')).toMatchObject({ ok: true, value: { type: 'transfer', conversationId: 9, agent: 'bob', agentId: 'ann' } });
  });

  it.each([
    ['{"type":"accept"}', 'E_MALFORMED'],
    ['{"type":"accept","offerId":0}', 'E_MALFORMED'],
    ['{"type":"accept","offerId":9007199254740993}', 'E_MALFORMED'],
    ['{"type":"reply","conversationId":1,"text":["hi"]}', 'E_MALFORMED'],
    ['{"type":"wrapUp","conversationId":1}', 'E_MALFORMED'],
    ['{"type":"conference","conversationId":1}', 'E_MALFORMED'],
    ['{"type":"listTargets","constructor":{}}', 'E_MALFORMED'],
    ['{"type":"listTargets","ref":null}', 'E_MALFORMED'],
    ['{"type":"toString"}', 'E_UNKNOWN_COMMAND'],
    ['{"type":"addAgent","agentId":"x","queues":[],"capacity":1}', 'E_UNAUTHORIZED'],
    ['{"type":"setState","state":"available","agentId":"bob"}', 'E_UNAUTHORIZED'],
  ])('%s is refused with %s', (text, code) => {
    expect(decodeAgentFrame(text, 'ann')).toMatchObject({ ok: false, code });
  });

  it('never throws, and what passes holds only the fields of its type', () => {
    const allowed: Record<string, string[]> = {
      setState: ['state', 'reason'], accept: ['offerId'], reply: ['conversationId', 'text'], transfer: ['conversationId', 'queue', 'agent'],
      conference: ['conversationId', 'queue', 'agent'], endConference: ['conversationId'], end: ['conversationId'],
      wrapUp: ['conversationId', 'reason'], endSession: ['conversationId'], note: ['conversationId', 'text'], listTargets: [],
    };
    const frame = fc.record({
      type: fc.constantFrom(...Object.keys(allowed), 'nope', '__proto__'),
      offerId: fc.option(fc.oneof(fc.integer(), fc.string()), { nil: undefined }),
      conversationId: fc.option(fc.oneof(fc.integer(), fc.double()), { nil: undefined }),
      text: fc.option(fc.string(), { nil: undefined }),
      state: fc.option(fc.constantFrom('available', 'idle', 'rona'), { nil: undefined }),
      queue: fc.option(fc.string(), { nil: undefined }),
      other: fc.option(fc.anything(), { nil: undefined }),
    }, { requiredKeys: ['type'] });
    fc.assert(fc.property(fc.oneof(fc.string(), frame.map((f) => JSON.stringify(f))), (text) => {
      const d = decodeAgentFrame(text, 'ann');
      if (!d.ok) return;
      const { type, agentId, ...rest } = d.value as unknown as Record<string, unknown>;
      expect(agentId).toBe('ann');
      for (const key of Object.keys(rest)) expect(allowed[type as string]).toContain(key);
    }), { numRuns: 2000 });
  });
});

describe('customer frames', () => {
  it('are message, end and abandon, strictly', () => {
    expect(decodeCustomerFrame('{"type":"message","text":"hi","ref":1}')).toEqual({ ok: true, value: { type: 'message', text: 'hi', proactive: false }, ref: 1 });
    expect(decodeCustomerFrame('{"type":"message","text":"hi","proactive":true}')).toMatchObject({ ok: true, value: { proactive: true } });
    expect(decodeCustomerFrame('{"type":"end"}')).toMatchObject({ ok: true, value: { type: 'end' } });
    expect(decodeCustomerFrame('{"type":"abandon"}')).toMatchObject({ ok: true, value: { type: 'abandon' } });
    expect(decodeCustomerFrame('{"type":"message","text":""}')).toMatchObject({ ok: false, code: 'E_MALFORMED' });
    expect(decodeCustomerFrame('{"type":"message","text":"x","customerId":"someone-else"}')).toMatchObject({ ok: false, code: 'E_MALFORMED' });
    expect(decodeCustomerFrame('{"type":"reply","text":"x"}')).toMatchObject({ ok: false, code: 'E_UNKNOWN_COMMAND' });
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v))), (text) => {
      expect(typeof decodeCustomerFrame(text).ok).toBe('boolean');
    }), { numRuns: 2000 });
  });
});
