// Checks every frame an agent receives: any card, IBAN, SSN, email or phone
// number the masking detectors still find in its text is a leak. Only the
// string fields are read (ids and epoch timestamps are numbers, not text a
// person sees). A leak is kept as its kind, frame type and field: the raw
// value is never stored or printed.
import { findSensitiveSpans, SENSITIVE_KINDS, type SensitiveKind } from '../../engine/masking/index.js';

export interface LeakExample {
  kind: SensitiveKind;
  frameType: string;
  /** Path of the field inside the frame, e.g. `text` or `customer.number`. */
  field: string;
}

export interface MaskingLeaks {
  /** Whether the tenant masks (with masking off every finding is expected, and still counted). */
  tenantMasks: boolean;
  framesChecked: number;
  count: number;
  byKind: Record<SensitiveKind, number>;
  examples: LeakExample[];
}

/** Frame fields that are identifiers or enumerations, never text shown as such. */
const SKIPPED_FIELDS = new Set(['type', 'ref', 'code', 'state', 'kind', 'channel', 'role', 'status', 'from', 'agentId', 'offerId', 'conversationId']);

export class LeakChecker {
  private framesChecked = 0;
  private count = 0;
  private readonly byKind = Object.fromEntries(SENSITIVE_KINDS.map((k) => [k, 0])) as Record<SensitiveKind, number>;
  private readonly examples: LeakExample[] = [];

  constructor(private readonly tenantMasks: boolean, private readonly maxExamples = 5) {}

  /** Checks one agent-facing frame; returns the leaks found in it. */
  check(frame: Record<string, unknown>): number {
    this.framesChecked++;
    const frameType = typeof frame.type === 'string' ? frame.type : '?';
    return this.walk(frame, '', frameType);
  }

  result(): MaskingLeaks {
    return { tenantMasks: this.tenantMasks, framesChecked: this.framesChecked, count: this.count, byKind: { ...this.byKind }, examples: [...this.examples] };
  }

  private walk(value: unknown, path: string, frameType: string): number {
    if (typeof value === 'string') return this.checkText(value, path, frameType);
    if (value === null || typeof value !== 'object') return 0;
    let found = 0;
    if (Array.isArray(value)) {
      value.forEach((v, i) => (found += this.walk(v, `${path}[${i}]`, frameType)));
      return found;
    }
    for (const [key, v] of Object.entries(value)) {
      if (path === '' && SKIPPED_FIELDS.has(key)) continue;
      found += this.walk(v, path === '' ? key : `${path}.${key}`, frameType);
    }
    return found;
  }

  private checkText(text: string, field: string, frameType: string): number {
    const spans = findSensitiveSpans(text);
    for (const s of spans) {
      this.count++;
      this.byKind[s.kind]++;
      if (this.examples.length < this.maxExamples) this.examples.push({ kind: s.kind, frameType, field });
    }
    return spans.length;
  }
}
