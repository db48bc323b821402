// Checks every frame an agent receives, two ways:
// - the oracle (sim/messages/leak-oracle.ts): every string field, at any
//   depth, searched for the values this run injected (the customers' message
//   values, from the generator's ground truth, and the numbers customers
//   connect with). It does not use the masking detectors, so it sees what
//   they miss. Its count gates the run (`maskingLeaks.count`).
// - the detectors, as a second opinion (`maskingLeaks.detectors`): the text
//   fields (not ids or enumerations) run through findSensitiveSpans; what
//   they find is counted and shown, and does not gate: it covers values the
//   run did not inject (another client's traffic on a shared target).
// A leak is kept as its kind, frame type and field: the raw value is never
// stored or printed.
import { findSensitiveSpans, SENSITIVE_KINDS, type SensitiveKind } from '../engine/masking/index.js';
import { LeakOracle, type InjectedValue, type OracleLeak } from '../sim/messages/leak-oracle.js';

export interface LeakExample {
  kind: SensitiveKind;
  frameType: string;
  /** Path of the field inside the frame, e.g. `text` or `customer.number`. */
  field: string;
}

export interface DetectorLeaks {
  count: number;
  byKind: Record<SensitiveKind, number>;
  examples: LeakExample[];
}

export interface MaskingLeaks {
  /** Whether the tenant masks (with masking off every finding is expected, and still counted). */
  tenantMasks: boolean;
  framesChecked: number;
  /** Values the oracle searched for: those the run injected. */
  injectedValues: number;
  /** The oracle's leaks: an injected value shown in a string field of an agent frame, once per value and field. Gates the run. */
  count: number;
  byKind: Record<SensitiveKind, number>;
  examples: LeakExample[];
  /** The masking detectors' findings in the same frames: shown, not gating. */
  detectors: DetectorLeaks;
}

/** Fields, at any depth, that hold identifiers or enumerations the protocol defines: the detectors skip them, the oracle does not. */
const ID_FIELDS = new Set(['type', 'ref', 'code', 'state', 'kind', 'channel', 'role', 'status', 'from', 'agentId', 'offerId', 'conversationId']);
const MAY_HOLD_VALUE = /[0-9@]/;

function zeroByKind(): Record<SensitiveKind, number> {
  return Object.fromEntries(SENSITIVE_KINDS.map((k) => [k, 0])) as Record<SensitiveKind, number>;
}

export class LeakChecker {
  private framesChecked = 0;
  private count = 0;
  private readonly byKind = zeroByKind();
  private readonly examples: LeakExample[] = [];
  private readonly detectors: DetectorLeaks = { count: 0, byKind: zeroByKind(), examples: [] };
  private readonly found: OracleLeak[] = [];
  private readonly path: (string | number)[] = [];
  private frameType = '?';

  constructor(private readonly tenantMasks: boolean, injected: Iterable<InjectedValue> = [], readonly oracle = new LeakOracle(), private readonly maxExamples = 5) {
    for (const v of injected) oracle.add(v.value, v.kind);
  }

  /** A value put in on purpose from now on (a customer's number). */
  inject(value: string, kind: SensitiveKind): void {
    this.oracle.add(value, kind);
  }

  /** An identity field a customer connects with (id, name, number): taken when it holds a phone number or an address. */
  injectIdentity(value: string): void {
    this.oracle.addIdentity(value);
  }

  /** Checks one agent-facing frame; returns the oracle's leaks in it. */
  check(frame: Record<string, unknown>): number {
    this.framesChecked++;
    this.frameType = typeof frame.type === 'string' ? frame.type : '?';
    const before = this.count;
    this.walk(frame, false);
    return this.count - before;
  }

  result(): MaskingLeaks {
    const d = this.detectors;
    return {
      tenantMasks: this.tenantMasks, framesChecked: this.framesChecked, injectedValues: this.oracle.size,
      count: this.count, byKind: { ...this.byKind }, examples: [...this.examples],
      detectors: { count: d.count, byKind: { ...d.byKind }, examples: [...d.examples] },
    };
  }

  private walk(value: unknown, idField: boolean): void {
    if (typeof value === 'string') return this.checkText(value, idField);
    if (value === null || typeof value !== 'object') return;
    const path = this.path;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (v === null || (typeof v !== 'object' && typeof v !== 'string')) continue;
        path.push(i);
        this.walk(v, idField);
        path.pop();
      }
      return;
    }
    const obj = value as Record<string, unknown>;
    for (const key in obj) {
      if (!Object.hasOwn(obj, key)) continue;
      const v = obj[key];
      if (v === null || (typeof v !== 'object' && typeof v !== 'string')) continue;
      path.push(key);
      this.walk(v, idField || ID_FIELDS.has(key));
      path.pop();
    }
  }

  private field(): string {
    let s = '';
    for (const p of this.path) s += typeof p === 'number' ? `[${p}]` : s === '' ? p : `.${p}`;
    return s;
  }

  private checkText(text: string, idField: boolean): void {
    const found = this.found;
    found.length = 0;
    if (this.oracle.scan(text, found) > 0) {
      for (const f of found) {
        this.count++;
        this.byKind[f.kind]++;
        if (this.examples.length < this.maxExamples) this.examples.push({ kind: f.kind, frameType: this.frameType, field: this.field() });
      }
    }
    // The detectors start only at a digit or `@` (engine/masking/scanner.ts): text without one holds nothing for them.
    if (idField || !MAY_HOLD_VALUE.test(text)) return;
    const d = this.detectors;
    for (const s of findSensitiveSpans(text)) {
      d.count++;
      d.byKind[s.kind]++;
      if (d.examples.length < this.maxExamples) d.examples.push({ kind: s.kind, frameType: this.frameType, field: this.field() });
    }
  }
}
