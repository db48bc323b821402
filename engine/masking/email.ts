// Email addresses, found from their `@`: the local part is read backwards
// (letters, digits, .!#$%&'+/=?^_{|}~-), the domain forwards (labels of
// letters, digits and hyphens, at least one dot, a top-level label of two or
// more letters).
//
// Masked output must never read as a new address, so a local part or a
// domain that runs into a `*` is not an address of its own (the RFC allows
// `*` in a local part; real addresses with one are left to that rule).
import { CODE_AT, CODE_DASH, CODE_DOT, CODE_STAR, isEmailDomainChar, isEmailLocalChar, isLetter } from './char-class.js';
import { isMaskedStarAt, isMaskedStarBefore } from './glue.js';
import { KIND_EMAIL, type SpanSink } from './span-sink.js';

const NO_LOCAL = -1;
/** The local part is glued to a `*`: the masked form of an address. */
const MASKED_LOCAL = -2;

/**
 * End of the domain after the `@` at `at`, or -1 when it is not one. A
 * domain that runs into a `*` is refused when `refuseStarAfter`: it ran on
 * into something that was masked.
 */
export function matchEmailDomain(text: string, at: number, refuseStarAfter = true): number {
  const n = text.length;
  let end = at + 1;
  while (end < n && isEmailDomainChar(text.charCodeAt(end))) end++;
  if (refuseStarAfter && isMaskedStarAt(text, end)) return -1;
  // A sentence may end right after an address: its trailing dot is not the domain's.
  while (end > at + 1) {
    const c = text.charCodeAt(end - 1);
    if (c !== CODE_DOT && c !== CODE_DASH) break;
    end--;
  }
  const first = text.charCodeAt(at + 1);
  if (end <= at + 1 || first === CODE_DOT || first === CODE_DASH) return -1;
  let lastDot = end - 1;
  while (lastDot > at + 1 && text.charCodeAt(lastDot) !== CODE_DOT) lastDot--;
  if (lastDot <= at + 1 || end - lastDot - 1 < 2) return -1;
  for (let k = lastDot + 1; k < end; k++) if (!isLetter(text.charCodeAt(k))) return -1;
  return end;
}

/** Start of the local part before the `@` at `at`, or NO_LOCAL / MASKED_LOCAL. */
export function matchEmailLocal(text: string, at: number): number {
  let start = at;
  while (start > 0 && isEmailLocalChar(text.charCodeAt(start - 1))) start--;
  if (start > 0) {
    const before = text.charCodeAt(start - 1);
    // `m******@`: the masked local part (a lone `*` before a local part is markup).
    if (before === CODE_STAR && (start === at || isMaskedStarBefore(text, start))) return MASKED_LOCAL;
    // After another `@`, the local part would be someone's domain.
    if (before === CODE_AT) return NO_LOCAL;
  }
  while (start < at && text.charCodeAt(start) === CODE_DOT) start++;
  // One character is all the masking format keeps: nothing left to hide.
  return at - start >= 2 ? start : NO_LOCAL;
}

/**
 * Tries the `@` at `at`. An address wins over numbers the scanner already
 * found inside its local part (they are dropped); a span that started before
 * the local part and reaches into it keeps its place and the address is not
 * taken. Returns where scanning goes on.
 */
export function scanEmailAt(text: string, at: number, sink: SpanSink): number {
  const start = matchEmailLocal(text, at);
  if (start === NO_LOCAL) return at + 1;
  if (start === MASKED_LOCAL) {
    // An address masked already: its domain was not scanned the first time
    // either, whatever was masked after it since.
    const end = matchEmailDomain(text, at, false);
    return end < 0 ? at + 1 : end;
  }
  const end = matchEmailDomain(text, at);
  if (end < 0) return at + 1;
  let keep = sink.count;
  while (keep > 0 && sink.ends[keep - 1] > start) {
    if (sink.starts[keep - 1] < start) return at + 1;
    keep--;
  }
  sink.count = keep;
  sink.push(start, end, KIND_EMAIL, at);
  return end;
}

/**
 * Where the address that a number ending at `end` runs into starts (its
 * local part, as scanEmailAt will read it: `1111-1melissa@x.com` starts at
 * the `1111`), or -1 when it runs into none. The rest of the local part
 * after `end` is at most 64 characters.
 */
export function addressStartAfter(text: string, end: number): number {
  const limit = Math.min(text.length, end + 64);
  let at = end;
  while (at < limit && isEmailLocalChar(text.charCodeAt(at))) at++;
  if (at >= text.length || text.charCodeAt(at) !== CODE_AT) return -1;
  const start = matchEmailLocal(text, at);
  if (start < 0 || start >= end || matchEmailDomain(text, at) < 0) return -1;
  return start;
}
