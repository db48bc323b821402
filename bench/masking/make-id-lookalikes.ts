// Writes bench/masking/corpora/lookalikes.jsonl: PII-free chat lines whose
// tokens look like national identity numbers but are none, to show that
// the id readers' checks hold (docs/masking.md):
// - dates written solid (`19850312`, `12031985`) and `YYMMDD-NNNN`,
//   `YYMMDD/NNNN` numbers, dotted `NNN.NNN.NNN-NN`, `YY.MM.DD-NNN.NN`,
//   `756.NNNN.NNNN.NN`, codes of 8 digits and a letter, two letters, six
//   digits and a letter, 16-character codes shaped like a codice fiscale,
//   `DDMMYY-NNNL` and 7 digits and a letter: every one failing the check of
//   each id it looks like;
// - 9, 11 and 15 digit order numbers after an order word, failing every
//   check, and as many passing one (an order word says what they are).
// These lines are cctwin's own (not another generator's), so they hold no
// values and do not count towards recall; `bench masking --corpus` reports
// them as generator `lookalikes`.
//   npx tsc -p tsconfig.json && node dist/bench/masking/make-id-lookalikes.js   (from the repository root)
import { writeFileSync } from 'node:fs';
import {
  dniCheckLetter, hetuCheckChar, isAustrianSvnr, isBalticPersonalCode, isBelgianNationalNumber, isBsn, isCanadianSin,
  isCpf, isCzechBirthNumber, isDanishCpr, isFrenchNir, isHetuBody, isNorwegianFodselsnummer, isOib, isPesel,
  isPortugueseNif, isRomanianCnp, isSteuerId, isSwedishPersonnummer, isSwissAhv, ppsCheckLetter,
} from '../../engine/masking/national-id-checks.js';

const OUT = process.argv[2] ?? 'bench/masking/corpora/lookalikes.jsonl';
const LINES_PER_KIND = 40;

// mulberry32: a small seeded generator, so the file is the same every time.
let state = 0x5eed1d5;
function random(): number {
  state = (state + 0x6d2b79f5) | 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(a: readonly T[]): T => a[Math.floor(random() * a.length)];
const two = (n: number) => String(n).padStart(2, '0');
const digitString = (n: number) => Array.from({ length: n }, () => int(0, 9)).join('');
const digitsOf = (s: string) => Array.from(s.replace(/\D/g, ''), Number);

/** True when the digits pass no id check the readers know, whatever their length. */
function passesNone(s: string): boolean {
  const d = digitsOf(s);
  const checks = [
    isBsn, isPortugueseNif, isCanadianSin, isDanishCpr, isNorwegianFodselsnummer, isPesel, isCpf, isSteuerId, isOib,
    isBelgianNationalNumber, isBalticPersonalCode, isFrenchNir, isRomanianCnp, isSwissAhv, isAustrianSvnr,
    (x: number[]) => isSwedishPersonnummer(x, x.length === 12 ? 2 : 0), (x: number[]) => isCzechBirthNumber(x, x.length),
    (x: number[]) => x.length === 10 && isHetuBody(x) && hetuCheckChar(x) === 48 + x[9],
  ];
  return checks.every((f) => !f(d));
}

function failing(make: () => string): string {
  for (;;) {
    const s = make();
    if (passesNone(s)) return s;
  }
}

const date6 = (order: 'ymd' | 'dmy') => {
  const y = int(0, 99);
  const m = int(1, 12);
  const d = int(1, 28);
  return order === 'ymd' ? two(y) + two(m) + two(d) : two(d) + two(m) + two(y);
};

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const letter = () => pick(LETTERS.split(''));
const otherLetterThan = (code: number) => {
  for (;;) { const l = letter(); if (l.charCodeAt(0) !== code) return l; }
};

/** Lookalike tokens, each failing the check of the id it resembles. */
const NEUTRAL_TOKENS: Record<string, () => string> = {
  'date yyyymmdd': () => `${int(1940, 2025)}${two(int(1, 12))}${two(int(1, 28))}`,
  'date ddmmyyyy': () => `${two(int(1, 28))}${two(int(1, 12))}${int(1940, 2025)}`,
  'YYMMDD-NNNN': () => failing(() => `${date6(pick(['ymd', 'dmy']))}-${digitString(4)}`),
  'YYMMDD/NNNN': () => failing(() => `${date6('ymd')}/${digitString(4)}`),
  'NNN.NNN.NNN-NN': () => failing(() => `${digitString(3)}.${digitString(3)}.${digitString(3)}-${digitString(2)}`),
  'YY.MM.DD-NNN.NN': () => failing(() => { const d = date6('ymd'); return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4)}-${digitString(3)}.${digitString(2)}`; }),
  '756.NNNN.NNNN.NN': () => failing(() => `756.${digitString(4)}.${digitString(4)}.${digitString(2)}`),
  'NNNNNNNNL': () => { const n = digitString(8); return n + otherLetterThan(dniCheckLetter(Number(n))); },
  'LLNNNNNNL': () => `${letter()}${letter()}${digitString(6)}${pick('EFGHJKLMNPRSTWXYZ'.split(''))}`,
  'codice-fiscale-like': () => {
    const head = `${Array.from({ length: 6 }, letter).join('')}${digitString(2)}${letter()}${digitString(2)}${letter()}${digitString(3)}`;
    const odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
    let sum = 0;
    for (let k = 0; k < 15; k++) {
      const c = head[k];
      const v = c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 65;
      sum += k % 2 === 0 ? odd[v] : v;
    }
    return head + otherLetterThan(65 + (sum % 26));
  },
  'DDMMYY-NNNL': () => {
    const d = date6('dmy');
    const n = digitString(3);
    const check = hetuCheckChar(digitsOf(d + n));
    return `${d}-${n}${pick('ABCDEFHJKLMNPRSTUVWXY'.split('').filter((c) => c.charCodeAt(0) !== check))}`;
  },
  'NNNNNNNL': () => { const n = digitString(7); return n + otherLetterThan(ppsCheckLetter(digitsOf(n), 0)); },
};

/** Order numbers after an order word: failing every check, and passing one. */
const ORDER_TOKENS: Record<string, () => string> = {
  'order 9 digits': () => failing(() => `${int(1, 9)}${digitString(8)}`),
  'order 11 digits': () => failing(() => `${int(1, 9)}${digitString(10)}`),
  'order 15 digits': () => failing(() => `${int(1, 2)}${digitString(14)}`),
  'order 11 digits passing a check': () => {
    for (;;) { const s = `${int(1, 9)}${digitString(10)}`; if (!passesNone(s)) return s; }
  },
  'order YYMMDD-NNNN passing a check': () => {
    for (;;) { const s = `${date6('ymd')}-${digitString(4)}`; if (!passesNone(s)) return s; }
  },
};

const NEUTRAL_TEMPLATES: Record<string, string[]> = {
  en: ['{v}', 'ok {v}', 'see {v} attached', 'it says {v} on the box', 'born {v}', 'the label reads {v}, thanks'],
  de: ['{v}', 'auf dem Karton steht {v}', 'geboren {v}', 'siehe {v}'],
  nl: ['{v}', 'op de doos staat {v}', 'geboren {v}'],
  sv: ['{v}', 'det står {v} på lådan', 'född {v}'],
  da: ['{v}', 'der står {v} på kassen', 'født {v}'],
  nb: ['{v}', 'det står {v} på esken', 'født {v}'],
  fi: ['{v}', 'laatikossa lukee {v}', 'syntynyt {v}'],
  fr: ['{v}', 'il y a {v} sur la boîte', 'né le {v}'],
  es: ['{v}', 'en la caja pone {v}', 'nacido {v}'],
  it: ['{v}', 'sulla scatola c\'è {v}', 'nato il {v}'],
  pl: ['{v}', 'na pudełku jest {v}', 'urodzony {v}'],
  pt: ['{v}', 'na caixa diz {v}', 'nascido {v}'],
  cs: ['{v}', 'na krabici je {v}', 'narozen {v}'],
};

const ORDER_TEMPLATES: Record<string, string[]> = {
  en: ['where is order {v}?', 'invoice {v} is wrong', 'order id {v}', 'tracking {v}'],
  de: ['wo ist Bestellung {v}?', 'Rechnung {v}', 'Kundennummer {v}'],
  nl: ['waar is bestelling {v}?', 'factuur {v}', 'klantnummer {v}'],
  sv: ['var är order {v}?', 'faktura {v}', 'kundnummer {v}'],
  da: ['hvor er ordre {v}?', 'faktura {v}', 'kundenummer {v}'],
  nb: ['hvor er ordre {v}?', 'faktura {v}', 'kundenummer {v}'],
  fi: ['missä tilaus {v} on?', 'lasku {v}'],
  fr: ['où est la commande {v} ?', 'facture {v}', 'numéro client {v}'],
  es: ['¿dónde está el pedido {v}?', 'factura {v}', 'número de cliente {v}'],
  it: ['dov\'è l\'ordine {v}?', 'fattura {v}', 'codice cliente {v}'],
  pl: ['gdzie jest zamówienie {v}?', 'faktura {v}', 'numer klienta {v}'],
  pt: ['onde está a encomenda {v}?', 'fatura {v}', 'número de cliente {v}'],
  cs: ['kde je objednávka {v}?', 'faktura {v}', 'zákaznické číslo {v}'],
};

const LOCALE_OF: Record<string, string> = {
  en: 'en_GB', de: 'de_DE', nl: 'nl_NL', sv: 'sv_SE', da: 'da_DK', nb: 'nb_NO', fi: 'fi_FI', fr: 'fr_FR', es: 'es_ES',
  it: 'it_IT', pl: 'pl_PL', pt: 'pt_PT', cs: 'cs_CZ',
};

const lines: string[] = [];
function emit(tokens: Record<string, () => string>, templates: Record<string, string[]>): void {
  for (const [form, make] of Object.entries(tokens)) {
    for (let k = 0; k < LINES_PER_KIND; k++) {
      const language = pick(Object.keys(templates));
      const text = pick(templates[language]).replace('{v}', make());
      lines.push(JSON.stringify({ text, spans: [], generator: 'lookalikes', locale: LOCALE_OF[language], form }));
    }
  }
}
emit(NEUTRAL_TOKENS, NEUTRAL_TEMPLATES);
emit(ORDER_TOKENS, ORDER_TEMPLATES);
writeFileSync(OUT, `${lines.join('\n')}\n`);
process.stderr.write(`make-id-lookalikes: ${lines.length} lines -> ${OUT}\n`);
