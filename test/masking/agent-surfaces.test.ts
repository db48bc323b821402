// Masking never leaks: with the tenant's masking on, no agent-facing event
// (offer, conversation and its transcript, messages, notes, sources) shows
// a value that was put in, while the customer sees their own conversation
// unmasked. Conversations are driven through the engine with messages from
// the seeded PII generator, customers named by phone number.
//
// Two checks of every agent-facing text: the leak oracle
// (sim/messages/leak-oracle.ts), which knows the values put in (the
// generator's ground truth, the customers' numbers, the asset's label) and
// does not use the detectors, so it sees a detector miss; and, as a second
// opinion, the masking detectors run again over the output.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine } from '../../engine/engine.js';
import type { EngineEvent } from '../../engine/events.js';
import { createMasker, findSensitiveSpans, maskValue, SENSITIVE_KINDS, type SensitiveKind } from '../../engine/masking/index.js';
import { generateMessage } from '../../sim/messages/index.js';
import { LeakOracle, type OracleLeak } from '../../sim/messages/leak-oracle.js';

/** Every string an agent would see in an event. */
function agentFacingTexts(e: EngineEvent): string[] {
  switch (e.type) {
    case 'offer': return [e.customer.name, e.customer.number, e.source];
    case 'conversation': return [e.customer.name, e.customer.number, e.source, ...e.transcript.map((t) => t.text)];
    case 'message': return [e.maskedText];
    case 'note': return [e.maskedText];
    default: return [];
  }
}

type TextMasker = (text: string) => string;

const tenantMasker = createMasker(true);

/**
 * A masker with one detector switched off: it masks what the detectors find,
 * but passes the values of `kind` through as they are (engine/masking has no
 * per-kind switch, so the test wraps it).
 */
function maskingAllBut(kind: SensitiveKind): TextMasker {
  return (text) => {
    let out = '';
    let at = 0;
    for (const s of findSensitiveSpans(text)) {
      if (s.kind === kind) continue;
      out += text.slice(at, s.start) + maskValue(text.slice(s.start, s.end), s.kind);
      at = s.end;
    }
    return out + text.slice(at);
  };
}

/** The detectors' check, with any detector switched off as the masker had it. */
function detectorFindings(text: string, off: SensitiveKind | null = null): number {
  return findSensitiveSpans(text).filter((s) => s.kind !== off).length;
}

function oracleFindings(oracle: LeakOracle, text: string): OracleLeak[] {
  const out: OracleLeak[] = [];
  oracle.scan(text, out);
  return out;
}

const LABEL = '+1 202 555 0187';
const MAX_TEXT = 900;

function drive(seed: number, maskOn: boolean, mask: TextMasker = (t) => tenantMasker.mask(t)): { events: EngineEvent[]; oracle: LeakOracle } {
  const engine = new Engine({ queues: [{ name: 'q' }], tenant: { maskSensitiveData: maskOn }, mask });
  const oracle = new LeakOracle();
  const events: EngineEvent[] = [];
  let now = 0;
  const run = (cmd: Parameters<Engine['execute']>[0]) => {
    const out: EngineEvent[] = [];
    const refusal = engine.execute(cmd, now++, out);
    if (refusal) throw new Error(`${cmd.type}: ${refusal.code}`);
    events.push(...out);
    return out;
  };
  /** A generated message, cut to length behind a prefix, with its values (those it still holds whole) put in the oracle. */
  const text = (i: number, prefix = ''): string => {
    const m = generateMessage(seed * 100 + i, { piiShare: 1 });
    const shifted = m.spans.map((s) => ({ ...s, start: s.start + prefix.length, end: s.end + prefix.length }));
    const written = `${prefix}${m.text}`.slice(0, MAX_TEXT);
    oracle.addMessage(`${prefix}${m.text}`, shifted, MAX_TEXT);
    return written;
  };
  oracle.addIdentity(LABEL);
  run({ type: 'addAsset', assetId: 'wa', channel: 'whatsapp', queue: 'q', label: LABEL });
  run({ type: 'addAgent', agentId: 'ann', queues: ['q'], capacity: 1 });
  run({ type: 'addAgent', agentId: 'bob', queues: ['q'], capacity: 1 });
  run({ type: 'setState', agentId: 'ann', state: 'available' });
  for (let c = 0; c < 3; c++) {
    const customerId = `+44 7966 19${seed % 10}${c}542`;
    expect(oracle.addIdentity(customerId)).toBe(true);
    const offer = run({ type: 'customerMessage', assetId: 'wa', customerId, text: text(c), name: customerId, number: customerId }).find((e) => e.type === 'offer');
    if (offer?.type !== 'offer') throw new Error('no offer');
    run({ type: 'accept', agentId: 'ann', offerId: offer.offerId });
    run({ type: 'customerMessage', assetId: 'wa', customerId, text: text(10 + c) });
    run({ type: 'reply', agentId: 'ann', conversationId: offer.conversationId, text: text(20 + c, 'Confirming ') });
    run({ type: 'note', agentId: 'ann', conversationId: offer.conversationId, text: text(30 + c, 'Customer gave ') });
    run({ type: 'setState', agentId: 'bob', state: 'available' });
    run({ type: 'conference', agentId: 'ann', conversationId: offer.conversationId, agent: 'bob' });
    const invite = events.findLast((e) => e.type === 'offer' && e.agentId === 'bob');
    if (invite?.type === 'offer') run({ type: 'accept', agentId: 'bob', offerId: invite.offerId });
    run({ type: 'end', agentId: 'ann', conversationId: offer.conversationId });
    run({ type: 'wrapUp', agentId: 'ann', conversationId: offer.conversationId, reason: 'Resolved' });
    run({ type: 'wrapUp', agentId: 'bob', conversationId: offer.conversationId, reason: 'Resolved' });
    run({ type: 'setState', agentId: 'bob', state: 'idle' });
  }
  return { events, oracle };
}

describe('masking on every agent-facing surface', () => {
  it('no agent-facing text shows a value put in (the oracle), nor anything a detector would still find', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { events, oracle } = drive(seed, true);
        expect(oracle.size).toBeGreaterThan(10);
        for (const e of events) {
          for (const text of agentFacingTexts(e)) {
            expect(oracleFindings(oracle, text), `${e.type}: ${text}`).toEqual([]);
            expect(findSensitiveSpans(text), `${e.type}: ${text}`).toEqual([]);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('the checks have teeth: with masking off, the same run shows every value put in to agents', () => {
    const { events, oracle } = drive(7, false);
    const texts = events.flatMap(agentFacingTexts);
    const shown = texts.reduce((n, t) => n + oracleFindings(oracle, t).length, 0);
    expect(shown).toBeGreaterThanOrEqual(oracle.size);
    expect(texts.filter((t) => detectorFindings(t) > 0).length).toBeGreaterThan(3);
  });

  it('customers see their conversation unmasked', () => {
    const { events } = drive(11, true);
    const toCustomer = events.filter((e): e is Extract<EngineEvent, { type: 'message' }> => e.type === 'message' && e.from === 'agent');
    expect(toCustomer.length).toBeGreaterThan(0);
    for (const m of toCustomer) {
      expect(m.text.startsWith('Confirming ')).toBe(true);
      expect(findSensitiveSpans(m.text).length).toBeGreaterThan(0);
      expect(m.maskedText).not.toBe(m.text);
    }
  });
});

describe('the oracle sees a detector miss', () => {
  it.each(SENSITIVE_KINDS)('with the %s detector switched off, the oracle finds those values on agent surfaces; the detectors, with it off too, find nothing', (kind) => {
    let leaked = 0;
    for (let seed = 1; seed <= 5; seed++) {
      const { events, oracle } = drive(seed, true, maskingAllBut(kind));
      for (const e of events) {
        for (const text of agentFacingTexts(e)) {
          const found = oracleFindings(oracle, text);
          for (const f of found) expect(f.kind, `${e.type}: ${text}`).toBe(kind);
          leaked += found.length;
          expect(detectorFindings(text, kind), `${e.type}: ${text}`).toBe(0);
        }
      }
    }
    expect(leaked).toBeGreaterThan(0);
  });
});
