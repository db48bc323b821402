// Spans as the scanner emits them: parallel typed arrays, reused across
// calls, so scanning text with no PII allocates nothing at all.
import type { SensitiveKind, SensitiveSpan } from './sensitive-span.js';

export const KIND_CARD = 0;
export const KIND_IBAN = 1;
export const KIND_SSN = 2;
export const KIND_PHONE = 3;
export const KIND_EMAIL = 4;

export const KIND_NAMES: readonly SensitiveKind[] = ['card', 'iban', 'ssn', 'phone', 'email'];

/** `aux` of a number span whose last four kept characters are not contiguous. */
export const AUX_SCATTERED = -1;

export class SpanSink {
  count = 0;
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  kinds = new Uint8Array(32);
  /**
   * What masking needs without reading the span again: the index of an
   * email's `@`; for a number, the whitespace characters inside it when its
   * last four kept characters are contiguous, else AUX_SCATTERED.
   */
  aux = new Int32Array(32);

  reset(): void {
    this.count = 0;
  }

  push(start: number, end: number, kind: number, aux: number): void {
    const k = this.count;
    if (k === this.starts.length) this.grow();
    this.starts[k] = start;
    this.ends[k] = end;
    this.kinds[k] = kind;
    this.aux[k] = aux;
    this.count = k + 1;
  }

  toSpans(): SensitiveSpan[] {
    const spans: SensitiveSpan[] = new Array(this.count);
    for (let k = 0; k < this.count; k++) {
      spans[k] = { start: this.starts[k], end: this.ends[k], kind: KIND_NAMES[this.kinds[k]] };
    }
    return spans;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size); starts.set(this.starts); this.starts = starts;
    const ends = new Int32Array(size); ends.set(this.ends); this.ends = ends;
    const kinds = new Uint8Array(size); kinds.set(this.kinds); this.kinds = kinds;
    const aux = new Int32Array(size); aux.set(this.aux); this.aux = aux;
  }
}
