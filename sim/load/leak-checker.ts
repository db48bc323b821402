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

/** Fields, at any depth, that hold identifiers or enumerations the protocol defines, never text a person wrote or sees as such. */
const SKIPPED_FIELDS = new Set(['type', 'ref', 'code', 'state', 'kind', 'channel', 'role', 'status', 'from', 'agentId', 'offerId', 'conversationId']);
const MAY_HOLD_VALUE = /[0-9@]/;

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
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (v !== null && (typeof v === 'object' || typeof v === 'string')) found += this.walk(v, `${path}[${i}]`, frameType);
      }
      return found;
    }
    const obj = value as Record<string, unknown>;
    for (const key in obj) {
      if (SKIPPED_FIELDS.has(key) || !Object.hasOwn(obj, key)) continue;
      const v = obj[key];
      if (v !== null && (typeof v === 'object' || typeof v === 'string')) found += this.walk(v, path === '' ? key : `${path}.${key}`, frameType);
    }
    return found;
  }

  private checkText(text: string, field: string, frameType: string): number {
    // The detectors start only at a digit or `@` (engine/masking/scanner.ts): text without one holds nothing.
    if (!MAY_HOLD_VALUE.test(text)) return 0;
    const spans = findSensitiveSpans(text);
    for (const s of spans) {
      this.count++;
      this.byKind[s.kind]++;
      if (this.examples.length < this.maxExamples) this.examples.push({ kind: s.kind, frameType, field });
    }
    return spans.length;
  }
}
