// Sensitive values the way customers write them: cards of several brands
// with spaces, dashes or none; IBANs of several countries, spaced or solid,
// in any case; SSNs with dashes, spaces or dots; emails; phones in the
// international and national forms of each locale.
import type { Faker } from '@faker-js/faker';
import { ibanCheckDigits, ibanLengthOf, luhnCheckDigit, type SensitiveKind } from '../../engine/masking/index.js';
import type { Rng } from '../random/prng.js';
import { digitString, digitStringFrom, groupDigits, pick } from './draw.js';
import type { MessageLocale } from './message-locale.js';

interface CardBrand {
  prefixes: readonly string[];
  lengths: readonly number[];
  groups: readonly number[];
}

const CARD_BRANDS: readonly CardBrand[] = [
  { prefixes: ['4'], lengths: [16, 16, 16, 13, 19], groups: [4, 4, 4, 4] }, // Visa
  { prefixes: ['51', '52', '53', '54', '55', '2221', '2500', '2720'], lengths: [16], groups: [4, 4, 4, 4] }, // Mastercard
  { prefixes: ['34', '37'], lengths: [15], groups: [4, 6, 5] }, // Amex
  { prefixes: ['6011', '644', '65'], lengths: [16], groups: [4, 4, 4, 4] }, // Discover
  { prefixes: ['3528', '3589'], lengths: [16], groups: [4, 4, 4, 4] }, // JCB
  { prefixes: ['62'], lengths: [16, 19], groups: [4, 4, 4, 4] }, // UnionPay
  { prefixes: ['6759', '5018', '6304'], lengths: [16, 18, 19], groups: [4, 4, 4, 4] }, // Maestro
  { prefixes: ['36', '38'], lengths: [14], groups: [4, 6, 4] }, // Diners Club
];

export function writeCard(rng: Rng): string {
  const brand = pick(rng, CARD_BRANDS);
  const prefix = pick(rng, brand.prefixes);
  const length = pick(rng, brand.lengths);
  const body = prefix + digitString(rng, length - prefix.length - 1);
  const number = body + String(luhnCheckDigit(body));
  const style = rng.int(3);
  return style === 0 ? number : groupDigits(number, brand.groups, style === 1 ? ' ' : '-');
}

// Countries of the seed languages and their neighbours; the letters stand for
// the bank codes that some BBANs open with.
const IBAN_COUNTRIES: ReadonlyArray<{ country: string; bankLetters: number }> = [
  { country: 'DE', bankLetters: 0 }, { country: 'NL', bankLetters: 4 }, { country: 'SE', bankLetters: 0 },
  { country: 'CZ', bankLetters: 0 }, { country: 'GB', bankLetters: 4 }, { country: 'BE', bankLetters: 0 },
  { country: 'AT', bankLetters: 0 }, { country: 'CH', bankLetters: 0 }, { country: 'FR', bankLetters: 0 },
  { country: 'ES', bankLetters: 0 }, { country: 'IE', bankLetters: 4 }, { country: 'NO', bankLetters: 0 },
  { country: 'PL', bankLetters: 0 }, { country: 'MT', bankLetters: 4 },
];

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function writeIban(rng: Rng): string {
  const { country, bankLetters } = pick(rng, IBAN_COUNTRIES);
  const bbanLength = ibanLengthOf(country) - 4;
  let bban = '';
  for (let k = 0; k < bankLetters; k++) bban += LETTERS[rng.int(26)];
  bban += digitString(rng, bbanLength - bankLetters);
  let iban = country + ibanCheckDigits(country, bban) + bban;
  if (rng.chance(0.6)) iban = groupDigits(iban, Array(8).fill(4), ' ');
  const letterCase = rng.int(5);
  if (letterCase === 0) return iban.toLowerCase();
  if (letterCase === 1) return iban[0] + iban.slice(1).toLowerCase(); // typed as a word: "De89 ..."
  return iban;
}

export function writeSsn(rng: Rng): string {
  let area = 1 + rng.int(899);
  if (area === 666) area = 665;
  const group = 1 + rng.int(99);
  const serial = 1 + rng.int(9999);
  const sep = pick(rng, ['-', '-', ' ', '.']);
  return [String(area).padStart(3, '0'), String(group).padStart(2, '0'), String(serial).padStart(4, '0')].join(sep);
}

export function writeEmail(faker: Faker): string {
  const email = faker.internet.email({ firstName: faker.person.firstName(), lastName: faker.person.lastName() });
  return email.normalize('NFC');
}

type PhoneWriter = (rng: Rng) => string;

const PHONES: Readonly<Record<MessageLocale, readonly PhoneWriter[]>> = {
  en: [
    (r) => `+44 7${digitString(r, 3)} ${digitString(r, 6)}`,
    (r) => `07${digitString(r, 3)} ${digitString(r, 3)} ${digitString(r, 3)}`,
    (r) => `+1 (${digitStringFrom(r, 3, 2, 9)}) ${digitStringFrom(r, 3, 2, 9)}-${digitString(r, 4)}`,
    (r) => `(${digitStringFrom(r, 3, 2, 9)}) ${digitStringFrom(r, 3, 2, 9)}-${digitString(r, 4)}`,
    (r) => `${digitStringFrom(r, 3, 2, 9)}-${digitStringFrom(r, 3, 2, 9)}-${digitString(r, 4)}`,
    (r) => `+44${digitStringFrom(r, 10, 1, 9)}`,
  ],
  de: [
    (r) => `+49 15${digitString(r, 1)} ${digitString(r, 8)}`,
    (r) => `015${digitString(r, 2)} ${digitString(r, 7)}`,
    (r) => `0${digitStringFrom(r, 2, 2, 9)} ${digitString(r, 7)}`,
    (r) => `(0${digitStringFrom(r, 3, 2, 9)}) ${digitString(r, 7)}`,
    (r) => `0049 ${digitStringFrom(r, 2, 2, 9)} ${digitString(r, 7)}`,
    (r) => `+49-${digitStringFrom(r, 3, 2, 9)}-${digitString(r, 7)}`,
  ],
  nl: [
    (r) => `+31 6 ${digitString(r, 8)}`,
    (r) => `06-${digitString(r, 8)}`,
    (r) => `06 ${digitString(r, 8)}`,
    (r) => `06${digitString(r, 8)}`,
    (r) => `0${digitStringFrom(r, 2, 1, 9)}-${digitString(r, 7)}`,
    (r) => `0${digitStringFrom(r, 3, 4, 4)} ${digitString(r, 2)} ${digitString(r, 2)} ${digitString(r, 2)}`, // Belgian mobile
  ],
  sv: [
    (r) => `+46 7${digitString(r, 1)} ${digitString(r, 3)} ${digitString(r, 2)} ${digitString(r, 2)}`,
    (r) => `07${digitString(r, 1)}-${digitString(r, 3)} ${digitString(r, 2)} ${digitString(r, 2)}`,
    (r) => `08-${digitString(r, 3)} ${digitString(r, 3)} ${digitString(r, 2)}`,
    (r) => `07${digitString(r, 8)}`,
    (r) => `0046 7${digitString(r, 1)} ${digitString(r, 3)} ${digitString(r, 2)} ${digitString(r, 2)}`,
  ],
  cs: [
    (r) => `+420 ${digitStringFrom(r, 3, 6, 7)} ${digitString(r, 3)} ${digitString(r, 3)}`,
    (r) => `${digitStringFrom(r, 3, 6, 7)} ${digitString(r, 3)} ${digitString(r, 3)}`,
    (r) => `00420 ${digitStringFrom(r, 3, 2, 7)} ${digitString(r, 3)} ${digitString(r, 3)}`,
    (r) => `+420${digitStringFrom(r, 9, 6, 7)}`,
  ],
};

export function writePhone(rng: Rng, locale: MessageLocale): string {
  return pick(rng, PHONES[locale])(rng);
}

export function writePii(kind: SensitiveKind, rng: Rng, faker: Faker, locale: MessageLocale): string {
  switch (kind) {
    case 'card': return writeCard(rng);
    case 'iban': return writeIban(rng);
    case 'ssn': return writeSsn(rng);
    case 'email': return writeEmail(faker);
    case 'phone': return writePhone(rng, locale);
  }
}
