// The leak oracle: whether a text an agent sees shows a sensitive value that
// was put in on purpose (the message generator's ground truth, a customer's
// number). It knows the values, so unlike a check that runs the masking
// detectors again it sees what the detectors miss. It uses nothing of
// engine/masking but the names of the kinds.
//
// The rule (docs/masking.md, "How leaks are checked"):
//
// - A value is read as its significant characters: letters and digits,
//   letters in lower case, everything else dropped; an email keeps its `@`.
//   `+44 7966 197542` reads `447966197542`, `DE89 3704 ...` `de893704...`,
//   `Melissa.Jones@gmail.com` `melissajones@gmailcom`.
// - The masked format keeps some of them visible: the last four of a card,
//   IBAN, SSN or phone number (VISIBLE_TAIL); an email's first character and
//   its `@` and domain (and, when its local part is a phone number, as in
//   `16315550142@s.whatsapp.net`, the last four of that too: the identity
//   field's format). The others are the value's hidden characters.
// - A text is read the same way, the mask character `*` kept as well:
//   separators (spaces, dashes, dots, brackets, anything not a letter, digit,
//   `@` or `*`) are skipped.
// - The text leaks the value when it shows, contiguously in that reading:
//   1. whole:           the whole value, anywhere (`4111 1111 1111 1111`);
//   2. hiddenThenMask:  the value from its first character through all of its
//                       hidden ones, then a `*`, the first character not
//                       glued to a letter or digit before it
//                       (`4111 1111 1111 ****`: the mask moved off the hidden part);
//   3. pastVisibleTail: a `*`, then at least one hidden character and the rest
//                       of the value to its end, the last character not glued
//                       to a letter or digit after it (`***********1 1111`:
//                       five kept where four are allowed).
//   The masked form itself, every hidden character replaced by `*` whatever
//   separators it keeps, is never a leak.
//
// Why not "the hidden characters anywhere": a load run injects tens of
// thousands of phone numbers, and the six hidden digits of `(555) 123-4567`
// turn up inside the order numbers, epoch times and tracking numbers of
// generated texts (2 to 10 per 512 texts with 20,000 numbers, measured). So a
// hidden part counts only when anchored: followed by the rest of the value
// (1) or by the mask (2); and the tail rule (3) is anchored on the mask.
//
// Cost: a text with no digit, `@` or `*` cannot show any value (a card, IBAN,
// SSN or phone number is taken only with an ASCII digit; every form of an
// email leak has its `@` or a `*`) and is not read. Otherwise one pass: a
// rolling key of the last five characters read, tested against a bit set and
// then an index of the values by their last five characters (forms 1 and 3);
// at the start of each run of `*`, the characters before it are looked up in
// an index by the last (up to) five hidden characters (form 2). Candidates
// are compared character by character.
import type { SensitiveKind } from '../../engine/masking/index.js';

/** Significant characters at the end of a card, IBAN, SSN or phone number that the masked form keeps. */
export const VISIBLE_TAIL = 4;
/** What the masked format writes in place of a hidden character. */
export const MASK_CHAR = '*';

export type LeakForm = 'whole' | 'hiddenThenMask' | 'pastVisibleTail';

export interface OracleLeak {
  kind: SensitiveKind;
  form: LeakForm;
}

/** A value as the oracle reads it: significant characters, the hidden ones in [hiddenStart, hiddenEnd). */
export interface SignificantForm {
  chars: string;
  hiddenStart: number;
  hiddenEnd: number;
}

export interface InjectedValue {
  value: string;
  kind: SensitiveKind;
}

const KEY_CHARS = 5;
const KEY_MASK = (1 << (6 * KEY_CHARS)) - 1;
const BITS = 20;
const CODE_AT = 64;
const CODE_STAR = 42;

// ASCII: 0 skipped, 1 letter or digit, 2 `@`, 3 `*`.
const ASCII_CLASS = new Int8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = 1;
ASCII_CLASS[CODE_AT] = 2;
ASCII_CLASS[CODE_STAR] = 3;

// Other UTF-16 code units, looked up once: 0 not yet, -1 skipped, else the code unit in lower case.
const WIDE = new Int32Array(65536);
const WIDE_SIGNIFICANT = /[\p{L}\p{Nd}]/u;

function foldWide(c: number): number {
  let f = WIDE[c]!;
  if (f === 0) {
    const ch = String.fromCharCode(c);
    if (c >= 0xd800 && c <= 0xdfff || !WIDE_SIGNIFICANT.test(ch)) f = -1;
    else {
      const lower = ch.toLowerCase();
      f = lower.length === 1 ? lower.charCodeAt(0) : c;
    }
    WIDE[c] = f;
  }
  return f;
}

/** The code unit as read (lower case), `@` and `*` as themselves, or -1 when skipped. */
function readChar(c: number): number {
  if (c < 128) {
    const k = ASCII_CLASS[c]!;
    if (k === 0) return -1;
    return c >= 65 && c <= 90 ? c + 32 : c;
  }
  return foldWide(c);
}

function isLetterOrDigit(c: number): boolean {
  return c < 128 ? ASCII_CLASS[c] === 1 : foldWide(c) >= 0;
}

/** Six bits per character for the keys: never 0, so keys of different lengths differ. */
function code6(c: number): number {
  if (c <= 57) return c - 47; // digits: 1..10
  if (c >= 97 && c <= 122) return c - 86; // letters: 11..36
  if (c === CODE_AT) return 37;
  return 38 + (c % 26);
}

function significant(text: string): string {
  let s = '';
  for (let k = 0; k < text.length; k++) {
    const c = readChar(text.charCodeAt(k));
    if (c >= 0 && c !== CODE_AT && c !== CODE_STAR) s += String.fromCharCode(c);
  }
  return s;
}

function hasAsciiDigit(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * How the oracle reads a value of this kind, or null when nothing of it is
 * hidden (or, for a number, it has no ASCII digit): such a value cannot leak
 * by this rule and is not taken.
 */
export function significantForm(value: string, kind: SensitiveKind): SignificantForm | null {
  if (kind === 'email') {
    const at = value.lastIndexOf('@');
    if (at < 0) return null;
    const local = significant(value.slice(0, at));
    const domain = significant(value.slice(at + 1));
    if (local.length < 2 || domain.length < 2) return null;
    // A local part that is a phone number (`16315550142@s.whatsapp.net`) keeps its last four as an identity field does.
    const keptOfLocal = identityKind(value.slice(0, at)) === 'phone' ? VISIBLE_TAIL : 0;
    return { chars: `${local}@${domain}`, hiddenStart: 1, hiddenEnd: local.length - keptOfLocal };
  }
  const chars = significant(value);
  if (chars.length <= VISIBLE_TAIL || !hasAsciiDigit(chars)) return null;
  return { chars, hiddenStart: 0, hiddenEnd: chars.length - VISIBLE_TAIL };
}

const NUMBER_FIELD = /^[0-9\s\-./()+]+$/;
const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_MIN_DIGITS = 7;

/**
 * The kind an identity field (a customer's id, name or number) holds as a
 * value: digits and separators only with at least seven digits, a phone
 * number; `local@domain`, an email address; otherwise null (an id such as
 * `s0-17`, or a name, holds no value of its own).
 */
export function identityKind(value: string): SensitiveKind | null {
  if (NUMBER_FIELD.test(value)) {
    let digits = 0;
    for (let k = 0; k < value.length; k++) if (value.charCodeAt(k) >= 48 && value.charCodeAt(k) <= 57) digits++;
    return digits >= PHONE_MIN_DIGITS ? 'phone' : null;
  }
  return ADDRESS.test(value) ? 'email' : null;
}

interface Entry {
  kind: SensitiveKind;
  chars: string;
  n: number;
  hiddenStart: number;
  hiddenEnd: number;
  /** The last scan that reported it: one leak per value and text. */
  seen: number;
}

function bit(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (32 - BITS);
}

class KeyIndex {
  private readonly bits = new Uint32Array(1 << (BITS - 5));
  private readonly map = new Map<number, Entry[]>();

  add(key: number, e: Entry): void {
    const b = bit(key);
    this.bits[b >>> 5] |= 1 << (b & 31);
    const list = this.map.get(key);
    if (list === undefined) this.map.set(key, [e]);
    else list.push(e);
  }

  get(key: number): Entry[] | undefined {
    const b = bit(key);
    if ((this.bits[b >>> 5]! & (1 << (b & 31))) === 0) return undefined;
    return this.map.get(key);
  }
}

function keyOf(chars: string, from: number, to: number): number {
  let key = 0;
  for (let k = from; k < to; k++) key = key * 64 + code6(chars.charCodeAt(k));
  return key;
}

const TRIGGER = /[0-9@*]/;

export class LeakOracle {
  /** By the last five significant characters: the whole value, and the value past its visible tail, end there. */
  private readonly byEnd = new KeyIndex();
  /** By the last (up to five) characters before the visible end: where the hidden part ends. */
  private readonly byHiddenEnd = new KeyIndex();
  private readonly known = new Set<string>();
  private entries = 0;
  /** The longest visible end of any value: how far back of a `*` form 2 looks. */
  private maxVisibleEnd = 0;
  private scanNo = 0;
  private codes = new Uint16Array(256);
  private orig = new Int32Array(256);

  /** Values taken. */
  get size(): number {
    return this.entries;
  }

  /** Takes a value put in on purpose; false when the rule cannot apply to it (nothing hidden) or it is known already. */
  add(value: string, kind: SensitiveKind): boolean {
    const form = significantForm(value, kind);
    if (form === null || this.known.has(form.chars)) return false;
    this.known.add(form.chars);
    const n = form.chars.length;
    const e: Entry = { kind, chars: form.chars, n, hiddenStart: form.hiddenStart, hiddenEnd: form.hiddenEnd, seen: 0 };
    this.byEnd.add(keyOf(form.chars, n - KEY_CHARS, n), e);
    this.byHiddenEnd.add(keyOf(form.chars, Math.max(0, form.hiddenEnd - KEY_CHARS), form.hiddenEnd), e);
    this.maxVisibleEnd = Math.max(this.maxVisibleEnd, n - form.hiddenEnd);
    this.entries++;
    return true;
  }

  /** Takes an identity field's value (identityKind); false when it holds none. */
  addIdentity(value: string): boolean {
    const kind = identityKind(value);
    return kind !== null && this.add(value, kind);
  }

  /** Takes the values of a generated message (its ground-truth spans), those wholly before `limit`. */
  addMessage(text: string, spans: readonly { start: number; end: number; kind: SensitiveKind }[], limit = text.length): number {
    let n = 0;
    for (const s of spans) if (s.end <= limit && this.add(text.slice(s.start, s.end), s.kind)) n++;
    return n;
  }

  /** The values this text shows, by the rule above, each once; appended to `out`. Returns how many. */
  scan(text: string, out: OracleLeak[]): number {
    if (this.entries === 0 || !TRIGGER.test(text)) return 0;
    const before = out.length;
    this.scanNo++;
    if (this.codes.length < text.length) {
      this.codes = new Uint16Array(text.length * 2);
      this.orig = new Int32Array(text.length * 2);
    }
    // One pass: the text read into codes (lower case, `@`, `*`) with their offsets, each looked up as it comes.
    const codes = this.codes;
    const orig = this.orig;
    let p = 0;
    let key = 0;
    let run = 0;
    for (let k = 0; k < text.length; k++) {
      const c = readChar(text.charCodeAt(k));
      if (c < 0) continue;
      codes[p] = c;
      orig[p] = k;
      if (c === CODE_STAR) {
        if (run > 0) this.beforeMask(text, p, run, out);
        key = 0;
        run = 0;
      } else {
        key = ((key << 6) | code6(c)) & KEY_MASK;
        run++;
        if (run >= KEY_CHARS) {
          const list = this.byEnd.get(key);
          if (list !== undefined) for (const e of list) this.endingAt(text, e, p + 1, run, out);
        }
      }
      p++;
    }
    return out.length - before;
  }

  /** Forms 1 and 3: the value's characters end at `end` (exclusive), inside a run of `run` characters after a `*` or the start. */
  private endingAt(text: string, e: Entry, end: number, run: number, out: OracleLeak[]): void {
    const codes = this.codes;
    const chars = e.chars;
    let m = 0;
    while (m < e.n && m < run && codes[end - 1 - m] === chars.charCodeAt(e.n - 1 - m)) m++;
    if (m === e.n) return this.report(e, 'whole', out);
    // Form 3: the matched end starts right after a `*` and shows at least one hidden character.
    if (m === run && end - 1 - m >= 0 && m > e.n - e.hiddenEnd && !gluedAfter(text, this.orig[end - 1]!)) this.report(e, 'pastVisibleTail', out);
  }

  /** Form 2: a `*` at `p` right after the value's start through its hidden part and maybe some of its visible end. */
  private beforeMask(text: string, p: number, run: number, out: OracleLeak[]): void {
    const codes = this.codes;
    const maxD = Math.min(this.maxVisibleEnd, run);
    for (let d = 0; d < maxD; d++) {
      const hiddenEndAt = p - d;
      let key = 0;
      let scale = 1;
      for (let l = 1; l <= KEY_CHARS && l <= run - d; l++) {
        key += code6(codes[hiddenEndAt - l]!) * scale;
        scale *= 64;
        const list = this.byHiddenEnd.get(key);
        if (list === undefined) continue;
        for (const e of list) {
          if (Math.min(KEY_CHARS, e.hiddenEnd) !== l) continue;
          const shown = e.hiddenEnd + d;
          if (shown >= e.n || shown > run) continue;
          const start = p - shown;
          let k = 0;
          while (k < shown && codes[start + k] === e.chars.charCodeAt(k)) k++;
          if (k === shown && !gluedBefore(text, this.orig[start]!)) this.report(e, 'hiddenThenMask', out);
        }
      }
    }
  }

  private report(e: Entry, form: LeakForm, out: OracleLeak[]): void {
    if (e.seen === this.scanNo) return;
    e.seen = this.scanNo;
    out.push({ kind: e.kind, form });
  }
}

function gluedBefore(text: string, at: number): boolean {
  return at > 0 && isLetterOrDigit(text.charCodeAt(at - 1));
}

function gluedAfter(text: string, at: number): boolean {
  return at + 1 < text.length && isLetterOrDigit(text.charCodeAt(at + 1));
}
