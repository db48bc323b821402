// Properties of the national id readers (fast-check), per id type: a valid
// id is masked as `ssn` in any surrounding text (after an id word where its
// form has no check of its own, or is as likely a phone or order number),
// the same digits with a wrong check are not an id, and masking is
// idempotent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSensitiveSpans, isValidCardNumber, maskText } from './index.js';
import {
  dniCheckLetter, hetuCheckChar, isAustrianSvnr, isBelgianNationalNumber, isBsn, isCanadianSin, isCpf,
  isCzechBirthNumber, isDanishCpr, isFrenchNir, isNorwegianFodselsnummer, isPesel, isPortugueseNif, isRomanianCnp,
  isHetuBody, isSteuerId, isSwedishPersonnummer, isSwissAhv, ppsCheckLetter,
} from './national-id-checks.js';
import { isIdWord } from './id-cue.js';
import { CUE_NONE, cueOfWord } from './phone-cue.js';

interface IdSample {
  type: string;
  /** The id as written. */
  text: string;
  /** An id word must come before it (`PESEL 44051401359`). */
  needsCue: boolean;
  /** The same id with a wrong check, or null when every other check value is another valid id. */
  invalid: string | null;
  /**
   * Digits only: with a wrong check it may still read as a phone number
   * (bare or grouped digits, a trunk `0`, a country code) or a card (Luhn).
   */
  phoneShaped: boolean;
}

const digitsArb = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n });
const two = (n: number) => String(n).padStart(2, '0');
const dateArb = fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }));

/** Check digits 0-9 appended to `body`: the first that `valid` accepts, and one that it refuses (if any). */
function withCheck(body: number[], valid: (d: number[]) => boolean): { good: number; bad: number } | null {
  let good = -1;
  let bad = -1;
  for (let c = 0; c <= 9; c++) {
    if (valid([...body, c])) { if (good < 0) good = c; } else if (bad < 0) bad = c;
  }
  return good < 0 ? null : { good, bad };
}

/** Every digit-only rule the readers know: a "wrong check" variant must fail them all to be a fair non-id. */
const ANY_DIGIT_ID = [
  isBsn, isPortugueseNif, isCanadianSin, (d: number[]) => isSwedishPersonnummer(d, d.length === 12 ? 2 : 0),
  isDanishCpr, (d: number[]) => isCzechBirthNumber(d, d.length), isNorwegianFodselsnummer, isPesel, isCpf, isSteuerId,
  isBelgianNationalNumber, isFrenchNir, isRomanianCnp, isSwissAhv, isAustrianSvnr,
  (d: number[]) => d.length === 10 && isHetuBody(d) && hetuCheckChar(d) === 48 + d[9],
];
const failsAll = (s: string) => {
  const d = Array.from(s.replace(/\D/g, ''), Number);
  return ANY_DIGIT_ID.every((f) => !f(d));
};

function digitSample(
  type: string, body: number[], valid: (d: number[]) => boolean, write: (digits: string) => string,
  needsCue: boolean, phoneShaped: boolean,
): IdSample | null {
  const check = withCheck(body, valid);
  if (check === null) return null;
  const good = write([...body, check.good].join(''));
  const bad = check.bad < 0 ? null : write([...body, check.bad].join(''));
  return { type, text: good, needsCue, invalid: bad !== null && failsAll(bad) ? bad : null, phoneShaped };
}

/** `d` with a separator put before each given position. */
const s = (d: string, ...cuts: Array<[number, string]>) => {
  let out = '';
  let prev = 0;
  for (const [at, sep] of cuts) { out += d.slice(prev, at) + sep; prev = at; }
  return out + d.slice(prev);
};

const sampleArb: fc.Arbitrary<IdSample | null> = fc.oneof(
  digitsArb(8).map((b) => digitSample('nl BSN', b, isBsn, (d) => d, true, true)),
  fc.tuple(fc.constantFrom(1, 2, 3, 5, 6, 8, 9), digitsArb(7))
    .map(([f, b]) => digitSample('pt NIF', [f, ...b], isPortugueseNif, (d) => d, true, true)),
  fc.tuple(fc.integer({ min: 1, max: 7 }), digitsArb(7))
    .map(([f, b]) => digitSample('ca SIN', [f, ...b], isCanadianSin, (d) => s(d, [3, ' '], [6, ' ']), true, true)),
  fc.tuple(dateArb, digitsArb(3)).map(([[day, month, year], b]) => digitSample('se personnummer',
    [...Array.from(two(year) + two(month) + two(day), Number), ...b], (d) => isSwedishPersonnummer(d, 0),
    (d) => s(d, [6, '-']), false, true)),
  fc.tuple(dateArb, digitsArb(3)).map(([[day, month, year], b]) => digitSample('se personnummer 12',
    [1, 9, ...Array.from(two(year) + two(month) + two(day), Number), ...b], (d) => isSwedishPersonnummer(d, 2),
    (d) => s(d, [8, '-']), false, true)),
  fc.tuple(dateArb, digitsArb(3)).map(([[day, month, year], b]) => digitSample('dk CPR',
    [...Array.from(two(day) + two(month) + two(year), Number), ...b], isDanishCpr, (d) => s(d, [6, '-']), false, true)),
  fc.tuple(dateArb, digitsArb(3)).map(([[day, month, year], b]) => {
    const body = [...Array.from(two(day) + two(month) + two(year), Number), ...b];
    // Two check digits: search them both.
    for (let a = 0; a <= 9; a++) {
      for (let c = 0; c <= 9; c++) {
        if (isNorwegianFodselsnummer([...body, a, c])) {
          const good = [...body, a, c].join('');
          const bad = [...body, a, (c + 1) % 10].join('');
          return { type: 'no fødselsnummer', text: s(good, [6, ' ']), needsCue: false,
            invalid: failsAll(bad) ? s(bad, [6, ' ']) : null, phoneShaped: true };
        }
      }
    }
    return null;
  }),
  fc.tuple(dateArb, digitsArb(4)).map(([[day, month, year], b]) => digitSample('pl PESEL',
    [...Array.from(two(year) + two(month + 20) + two(day), Number), ...b], isPesel, (d) => d, true, true)),
  fc.tuple(dateArb, digitsArb(3), fc.boolean()).map(([[day, month, year], b, woman]) => digitSample('cz rodné číslo',
    [...Array.from(two(year) + two(month + (woman ? 50 : 0)) + two(day), Number), ...b],
    (d) => isCzechBirthNumber(d, 10), (d) => s(d, [6, '/']), false, true)),
  fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), digitsArb(8))
    .map(([sex, year, month, b]) => {
      const head = `${sex}${two(year)}${two(month)}${b.join('')}`;
      const key = 97 - Number(BigInt(head) % 97n);
      const good = head + two(key);
      const bad = head + two(key === 97 ? 1 : key + 1);
      return { type: 'fr NIR', text: good, needsCue: false, invalid: failsAll(bad) ? bad : null, phoneShaped: true };
    }),
  fc.tuple(fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], { minLength: 10, maxLength: 10 }),
    fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }))
    .filter(([p]) => p[0] !== 0)
    .map(([p, from, to]) => {
      // Ten digits, one of them twice: as every Steuer-ID's first ten.
      const body = [...p];
      body[to] = body[from === to ? 0 : from];
      body.pop();
      return digitSample('de Steuer-ID', body, isSteuerId, (d) => s(d, [2, ' '], [5, ' '], [8, ' ']), false, true);
    }),
  fc.tuple(dateArb, digitsArb(3)).map(([[day, month, year], b]) => digitSample('be national number',
    [...Array.from(two(year) + two(month) + two(day), Number), ...b, 0], isBelgianNationalNumber,
    (d) => `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-${d.slice(6, 9)}.${d.slice(9)}`, false, true)),
  digitsArb(9).map((b) => digitSample('ch AHV', [7, 5, 6, ...b], isSwissAhv,
    (d) => `${d.slice(0, 3)}.${d.slice(3, 7)}.${d.slice(7, 11)}.${d.slice(11)}`, false, true)),
  fc.tuple(fc.integer({ min: 1, max: 9 }), digitsArb(2), dateArb).map(([f, b, [day, month, year]]) => {
    const head = [f, ...b];
    const date = Array.from(two(day) + two(month) + two(year), Number);
    for (let c = 0; c <= 9; c++) {
      const d = [...head, c, ...date];
      if (isAustrianSvnr(d)) {
        const bad = [...head, (c + 1) % 10, ...date].join('');
        const write = (x: string) => `${x.slice(0, 4)} ${x.slice(4)}`;
        return { type: 'at SVNR', text: write(d.join('')), needsCue: false, invalid: failsAll(bad) ? write(bad) : null,
          phoneShaped: true };
      }
    }
    return null;
  }),
  fc.tuple(fc.integer({ min: 1, max: 6 }), dateArb, digitsArb(5)).map(([sex, [day, month, year], b]) => digitSample(
    'ro CNP', [sex, ...Array.from(two(year) + two(month) + two(day), Number), ...b], isRomanianCnp, (d) => d, true, true)),
);

// Brazilian CPF, dotted (`111.444.777-35`) or solid after an id word.
const cpfDottedArb: fc.Arbitrary<IdSample | null> = fc.tuple(digitsArb(9), fc.boolean()).map(([b, dotted]) => {
  for (let a = 0; a <= 9; a++) {
    for (let c = 0; c <= 9; c++) {
      const d = [...b, a, c];
      if (isCpf(d)) {
        const write = (x: string) => (dotted ? `${x.slice(0, 3)}.${x.slice(3, 6)}.${x.slice(6, 9)}-${x.slice(9)}` : x);
        const bad = [...b, a, (c + 1) % 10].join('');
        return { type: 'br CPF', text: write(d.join('')), needsCue: !dotted, invalid: failsAll(bad) ? write(bad) : null,
          phoneShaped: true };
      }
    }
  }
  return null;
});

const upper = fc.constantFrom(...'ABCEGHJKLMNPRSTWXYZ'.split(''));
const letteredArb: fc.Arbitrary<IdSample | null> = fc.oneof(
  // UK NINO, issued prefixes (first letter not D F I Q U V, second not D F I O Q U V; not BG GB KN NK NT TN ZZ).
  fc.tuple(fc.constantFrom(...'ABCEGHJKLMNPRSTWXY'.split('')), fc.constantFrom(...'ABCEGHJKLMNPRSTWXY'.split('')),
    digitsArb(6), fc.constantFrom('A', 'B', 'C', 'D'), fc.boolean())
    .filter(([a, b]) => !['BG', 'GB', 'KN', 'NK', 'NT', 'TN'].includes(a + b))
    .map(([a, b, d, suffix, spaced]) => {
      const n = d.join('');
      return { type: 'uk NINO', text: spaced ? `${a}${b} ${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4)} ${suffix}` : `${a}${b}${n}${suffix}`,
        needsCue: false, invalid: null, phoneShaped: false };
    }),
  fc.tuple(digitsArb(8), fc.boolean()).map(([d, dash]) => {
    const n = Number(d.join(''));
    const letter = String.fromCharCode(dniCheckLetter(n));
    const wrong = letter === 'A' ? 'B' : 'A';
    const write = (l: string) => `${d.join('')}${dash ? '-' : ''}${l}`;
    return { type: 'es DNI', text: write(letter), needsCue: false, invalid: write(wrong), phoneShaped: false };
  }),
  fc.tuple(fc.integer({ min: 0, max: 2 }), digitsArb(7)).map(([x, d]) => {
    const letter = String.fromCharCode(dniCheckLetter(Number(`${x}${d.join('')}`)));
    const wrong = letter === 'A' ? 'B' : 'A';
    return { type: 'es NIE', text: `${'XYZ'[x]}${d.join('')}${letter}`, needsCue: false,
      invalid: `${'XYZ'[x]}${d.join('')}${wrong}`, phoneShaped: false };
  }),
  fc.tuple(dateArb, digitsArb(3), fc.constantFrom('-', 'A')).filter(([, b]) => Number(b.join('')) >= 2)
    .map(([[day, month, year], b, sign]) => {
      const body = Array.from(two(day) + two(month) + two(year) + b.join(''), Number);
      const check = String.fromCharCode(hetuCheckChar(body));
      const wrong = check === 'A' ? 'B' : 'A';
      const write = (c: string) => `${two(day)}${two(month)}${two(year)}${sign}${b.join('')}${c}`;
      // A digit check after `-` is a number run's reading; its wrong variant may be another country's.
      const invalid = /\d/.test(wrong) ? null : write(wrong);
      return { type: 'fi HETU', text: write(check), needsCue: false, invalid, phoneShaped: false };
    }),
  fc.tuple(fc.array(upper, { minLength: 6, maxLength: 6 }), fc.integer({ min: 0, max: 99 }),
    fc.constantFrom(...'ABCDEHLMPRST'.split('')), fc.integer({ min: 1, max: 71 }), upper, digitsArb(3))
    .map(([name, year, month, day, place, b]) => {
      const body = `${name.join('')}${two(year)}${month}${two(day)}${place}${b.join('')}`;
      const odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
      let sum = 0;
      for (let k = 0; k < 15; k++) {
        const c = body[k];
        const v = c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 65;
        sum += k % 2 === 0 ? odd[v] : v;
      }
      const check = String.fromCharCode(65 + (sum % 26));
      const wrong = check === 'A' ? 'B' : 'A';
      return { type: 'it codice fiscale', text: body + check, needsCue: false, invalid: body + wrong, phoneShaped: false };
    }),
  digitsArb(7).map((d) => {
    const letter = String.fromCharCode(ppsCheckLetter(d, 0));
    const wrong = letter === 'A' ? 'B' : 'A';
    return { type: 'ie PPS', text: `${d.join('')}${letter}`, needsCue: false, invalid: `${d.join('')}${wrong}`,
      phoneShaped: false };
  }),
);

const anySampleArb = fc.oneof(sampleArb, cpfDottedArb, letteredArb)
  .filter((x): x is IdSample => x !== null);

// Filler words that are no cue of any kind: what surrounds the id says nothing.
const word = fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöéč'.split('')), { minLength: 1, maxLength: 8 })
  .map((a) => a.join(''))
  .filter((w) => cueOfWord(w) === CUE_NONE && !isIdWord(w));
const fillerArb = fc.array(fc.tuple(word, fc.constantFrom('', ',', '.', '!', ':')).map(([w, p]) => w + p),
  { minLength: 0, maxLength: 6 }).map((ws) => ws.join(' '));
const cueArb = fc.constantFrom('my SSN is', 'PESEL', 'NIF:', 'mitt personnummer är', 'Steuer-ID', 'codice fiscale', 'DNI', 'CNP', 'BSN');
const closeArb = fc.constantFrom('', '.', ',', '!', ' thanks', ')', '"');

interface Placed { text: string; start: number; end: number; sample: IdSample }

const placedArb: fc.Arbitrary<Placed> = fc.tuple(anySampleArb, fillerArb, cueArb, fc.boolean(), closeArb, fillerArb)
  .map(([sample, head, cue, useCue, close, tail]) => {
    const lead = (sample.needsCue || useCue ? `${head} ${cue}` : head).trim();
    const before = lead === '' ? '' : `${lead} `;
    const text = `${before}${sample.text}${close} ${tail}`.trimEnd();
    return { text, start: before.length, end: before.length + sample.text.length, sample };
  });

describe('national ids (properties)', () => {
  it('a valid id is found as exactly that span, kind ssn, in any surrounding text (card when it is also a valid card)', () => {
    fc.assert(fc.property(placedArb, ({ text, start, end, sample }) => {
      const spans = findSensitiveSpans(text);
      const asCard = spans.some((x) => x.start === start && x.end === end && x.kind === 'card');
      if (asCard) expect(isValidCardNumber(sample.text.replace(/\D/g, '')), `${sample.type}: ${text}`).toBe(true);
      else expect(spans, `${sample.type}: ${text}`).toContainEqual({ start, end, kind: 'ssn' });
    }), { numRuns: 1500 });
  });

  it('masking leaves at most four of its letters and digits', () => {
    fc.assert(fc.property(placedArb, ({ text, start, end, sample }) => {
      const masked = maskText(text);
      const shift = masked.length - text.length;
      const kept = masked.slice(start, end + shift).replace(/[^0-9A-Za-z]/g, '');
      expect(kept.length, `${sample.type}: ${text} -> ${masked}`).toBeLessThanOrEqual(4);
      expect(masked).not.toContain(sample.text);
    }), { numRuns: 1000 });
  });

  it('the same id with a wrong check is no id in neutral text (digits may still read as a phone or card; a lettered one is left as it is)', () => {
    fc.assert(fc.property(anySampleArb.filter((x) => x.invalid !== null), fillerArb, fillerArb,
      (sample, head, tail) => {
        const text = `${head} ${sample.invalid} ${tail}`.trim();
        const spans = findSensitiveSpans(text);
        expect(spans.filter((x) => x.kind === 'ssn'), `${sample.type}: ${text}`).toEqual([]);
        if (!sample.phoneShaped) expect(maskText(text), `${sample.type}: ${text}`).toBe(text);
      }), { numRuns: 1500 });
  });

  it('a form that needs an id word is not read as an id without one', () => {
    fc.assert(fc.property(anySampleArb.filter((x) => x.needsCue), fillerArb, (sample, head) => {
      const text = `${head} ${sample.text}`.trim();
      expect(findSensitiveSpans(text).filter((x) => x.kind === 'ssn'), `${sample.type}: ${text}`).toEqual([]);
    }), { numRuns: 500 });
  });

  it('masking is idempotent on text with ids', () => {
    fc.assert(fc.property(placedArb, ({ text }) => {
      const once = maskText(text);
      expect(maskText(once)).toBe(once);
      expect(findSensitiveSpans(once)).toEqual([]);
    }), { numRuns: 1500 });
  });
});
