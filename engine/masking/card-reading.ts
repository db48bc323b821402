// Cards among the groups of a number run: 12 to 19 digits in groups joined by
// single spaces or dashes, a brand's prefix and length, and Luhn.
import { CARD_MAX_DIGITS, CARD_MIN_DIGITS, cardLengthMask, coreCardLengthMask } from './card.js';
import { SEP_DASH, SEP_SPACE, type NumberRun } from './number-run.js';

// Luhn's doubled digit, by character code.
const DOUBLED = new Uint8Array(58);
for (let d = 0; d <= 9; d++) DOUBLED[48 + d] = d * 2 > 9 ? d * 2 - 9 : d * 2;

function luhnOfGroups(run: NumberRun, g: number, h: number): boolean {
  const text = run.text;
  let sum = 0;
  let double = 0;
  for (let k = h; k >= g; k--) {
    const first = run.groupStart[k];
    for (let p = run.groupEnd[k] - 1; p >= first; p--) {
      const c = text.charCodeAt(p);
      sum += double === 0 ? c - 48 : DOUBLED[c];
      double ^= 1;
    }
  }
  return sum % 10 === 0;
}

function prefix6(run: NumberRun, g: number, limit: number): number {
  const text = run.text;
  const first = run.groupStart[g];
  if (run.groupEnd[g] - first >= 6) {
    return (text.charCodeAt(first) - 48) * 100000 + (text.charCodeAt(first + 1) - 48) * 10000 +
      (text.charCodeAt(first + 2) - 48) * 1000 + (text.charCodeAt(first + 3) - 48) * 100 +
      (text.charCodeAt(first + 4) - 48) * 10 + (text.charCodeAt(first + 5) - 48);
  }
  let value = 0;
  let got = 0;
  for (let k = g; k < limit && got < 6; k++) {
    for (let p = run.groupStart[k]; p < run.groupEnd[k] && got < 6; p++) {
      value = value * 10 + (text.charCodeAt(p) - 48);
      got++;
    }
  }
  return got === 6 ? value : -1;
}

/** The longest group of a card written in groups. */
const CARD_GROUP_MAX = 6;

/**
 * Groups g..h, joined by `sep`, go on: the next group has the last one's
 * length and separator, and all of them would still fit a card. Then
 * g..h is a piece of a longer number (`6506 0864 9762` of the reference
 * `6506 0864 9762 1234`), not a card of its own.
 */
function goesOn(run: NumberRun, g: number, h: number, digits: number, limit: number): boolean {
  if (h === g || h + 1 >= limit) return false;
  const sep = run.sepFlags[g + 1];
  const next = run.groupEnd[h + 1] - run.groupStart[h + 1];
  return run.sepFlags[h + 1] === sep && run.sepLength[h + 1] === 1 &&
    next === run.groupEnd[h] - run.groupStart[h] && digits + next <= CARD_MAX_DIGITS;
}

/**
 * Last group (below `limit`) of the longest card reading that starts at
 * group g, or -1. `coreOnly` reads against the major brands' main ranges
 * only (a number glued to letters, card.ts).
 */
export function cardReadingEnd(run: NumberRun, g: number, limit: number, coreOnly = false): number {
  if (g === 0 && run.leadPlus) return -1; // a `+` starts a phone, never a card
  const prefix = prefix6(run, g, limit);
  if (prefix < 0) return -1;
  const mask = coreOnly ? coreCardLengthMask(prefix) : cardLengthMask(prefix);
  if (mask === 0) return -1;
  let best = -1;
  let digits = 0;
  for (let h = g; h < limit; h++) {
    const length = run.groupEnd[h] - run.groupStart[h];
    if (h > g) {
      const sep = run.sepFlags[h];
      if (run.sepLength[h] !== 1 || (sep !== SEP_SPACE && sep !== SEP_DASH)) break;
      // Cards are grouped by four, or 4-6-5 and 4-6-4: no group of seven or more
      // (the Amazon order number `796-6612345-0348454`).
      if (length > CARD_GROUP_MAX || h === g + 1 && run.groupEnd[g] - run.groupStart[g] > CARD_GROUP_MAX) break;
    }
    digits += length;
    if (digits > CARD_MAX_DIGITS) break;
    if (digits >= CARD_MIN_DIGITS && (mask & (1 << digits)) !== 0 && !goesOn(run, g, h, digits, limit) &&
      luhnOfGroups(run, g, h)) {
      best = h;
    }
  }
  return best;
}

/**
 * A card reading at group g that carries on the grouping of the group
 * before it (`9377 6506 0864 9762`, read from its second group) is a piece
 * of a longer number; one right after another span or at the run's start is
 * not, nor one after a group that ends a number written otherwise
 * (`1-555-123-4567 4111 1111 1111 1111`).
 */
export function continuesBefore(run: NumberRun, g: number, h: number): boolean {
  if (g === 0 || h === g) return false;
  const sep = run.sepFlags[g];
  const digitsBefore = run.groupEnd[g - 1] - run.groupStart[g - 1];
  // The grouping before goes back to the run's start, or on with the same separator.
  const uniformBefore = g === 1 || (run.sepFlags[g - 1] === sep && run.sepLength[g - 1] === 1);
  return uniformBefore && sep === run.sepFlags[g + 1] && run.sepLength[g] === 1 &&
    digitsBefore === run.groupEnd[g] - run.groupStart[g];
}
