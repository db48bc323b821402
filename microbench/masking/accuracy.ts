// Recall on the generator's ground truth and false positives on PII-free text.
import { findSensitiveSpans, type Masker, type SensitiveKind } from '../../engine/masking/index.js';
import type { GeneratedMessage } from '../../sim/messages/index.js';

export interface RecallResult {
  truthSpans: number;
  /** Found as exactly the same span and kind. */
  exact: number;
  exactRate: number;
  /** The value no longer appears in the masked output. */
  maskedOut: number;
  maskedOutRate: number;
  byKind: Partial<Record<SensitiveKind, { truth: number; exact: number }>>;
  /** The same measure for the baseline (masked-out only: it reports no spans). */
  baselineMaskedOutRate: number;
}

export interface FalsePositiveResult {
  messages: number;
  chars: number;
  /** Messages in which the core found anything. */
  flaggedMessages: number;
  rate: number;
  spans: number;
  /** A few of what was found, to look at. */
  examples: string[];
  baselineFlaggedMessages: number;
  baselineRate: number;
}

export function measureRecall(messages: readonly GeneratedMessage[], masker: Masker, baseline: Masker): RecallResult {
  let truth = 0;
  let exact = 0;
  let maskedOut = 0;
  let baselineMaskedOut = 0;
  const byKind: RecallResult['byKind'] = {};
  for (const m of messages) {
    const found = findSensitiveSpans(m.text);
    const masked = masker.mask(m.text);
    const baselineMasked = baseline.mask(m.text);
    for (const t of m.spans) {
      truth++;
      const entry = (byKind[t.kind] ??= { truth: 0, exact: 0 });
      entry.truth++;
      if (found.some((f) => f.start === t.start && f.end === t.end && f.kind === t.kind)) {
        exact++;
        entry.exact++;
      }
      const value = m.text.slice(t.start, t.end);
      if (!masked.includes(value)) maskedOut++;
      if (!baselineMasked.includes(value)) baselineMaskedOut++;
    }
  }
  const rate = (n: number) => (truth === 0 ? 1 : n / truth);
  return {
    truthSpans: truth, exact, exactRate: rate(exact), maskedOut, maskedOutRate: rate(maskedOut), byKind,
    baselineMaskedOutRate: rate(baselineMaskedOut),
  };
}

export function measureFalsePositives(messages: readonly GeneratedMessage[], baseline: Masker): FalsePositiveResult {
  let flagged = 0;
  let spans = 0;
  let chars = 0;
  let baselineFlagged = 0;
  const examples: string[] = [];
  for (const m of messages) {
    chars += m.text.length;
    const found = findSensitiveSpans(m.text);
    if (found.length > 0) {
      flagged++;
      spans += found.length;
      if (examples.length < 5) examples.push(...found.map((f) => `${f.kind}: ${m.text.slice(f.start, f.end)}`));
    }
    if (baseline.mask(m.text) !== m.text) baselineFlagged++;
  }
  return {
    messages: messages.length, chars, flaggedMessages: flagged, rate: flagged / messages.length, spans,
    examples: examples.slice(0, 5), baselineFlaggedMessages: baselineFlagged, baselineRate: baselineFlagged / messages.length,
  };
}
