// Find and mask in one call: the agent-facing form of a text.
import { maskSpanText, maskedHead, maskedHeadKeptFrom } from './mask-format.js';
import { scanText } from './scanner.js';
import { KIND_EMAIL, KIND_NAMES, SpanSink } from './span-sink.js';
import type { SensitiveKind, SensitiveSpan } from './sensitive-span.js';

const sink = new SpanSink();

/** Every card, IBAN, SSN, phone number and email address in `text`, in order. */
export function findSensitiveSpans(text: string): SensitiveSpan[] {
  scanText(text, sink);
  return sink.toSpans();
}

/**
 * `text` with every sensitive span masked. Returns the very same string
 * when nothing is found, so the common case costs one scan and no copy.
 */
export function maskText(text: string): string {
  scanText(text, sink);
  const count = sink.count;
  if (count === 0) return text;
  let out = '';
  let prev = 0;
  for (let k = 0; k < count; k++) {
    const kind = sink.kinds[k];
    // An email keeps its first character: it stays in the copied original.
    const start = kind === KIND_EMAIL ? sink.starts[k] + 1 : sink.starts[k];
    const head = maskedHead(text, sink.starts[k], sink.ends[k], kind, sink.aux[k]);
    out += text.slice(prev, start) + head;
    prev = maskedHeadKeptFrom();
  }
  return out + text.slice(prev);
}

/** The masked form of one value known to be of this kind (e.g. a whole field). */
export function maskValue(value: string, kind: SensitiveKind): string {
  return maskSpanText(value, 0, value.length, KIND_NAMES.indexOf(kind));
}
