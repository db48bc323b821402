// Figures that are not sensitive, as a locale writes them: prices, dates,
// times, order and reference numbers, decimals, timestamps, versions,
// tracking numbers, IP addresses. The false-positive corpus is made of these,
// so they are non-sensitive by construction: no `@`, and every long number
// is a reference that fails Luhn or a timestamp, never a valid card, IBAN,
// SSN or a phone number.
import { luhnCheckDigit } from '../../engine/masking/index.js';
import type { Rng } from '../random/prng.js';
import { digitString, digitStringFrom, groupDigits, pick } from './draw.js';
import type { MessageLocale } from './message-locale.js';

const DECIMAL_COMMA: Readonly<Record<MessageLocale, boolean>> = { en: false, de: true, nl: true, sv: true, cs: true };

function price(rng: Rng, locale: MessageLocale): string {
  const units = rng.chance(0.2) ? 1000 + rng.int(99000) : 1 + rng.int(999);
  const cents = String(rng.int(100)).padStart(2, '0');
  const grouped = (sep: string) => String(units).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  switch (locale) {
    case 'en': return `${pick(rng, ['$', '£', '€'])}${grouped(',')}.${cents}`;
    case 'de': return `${grouped('.')},${cents} €`;
    case 'nl': return `€ ${grouped('.')},${cents}`;
    case 'sv': return `${grouped(' ')} kr`;
    case 'cs': return `${grouped(' ')},${cents} Kč`;
  }
}

function date(rng: Rng, locale: MessageLocale): string {
  const d = String(1 + rng.int(28)).padStart(2, '0');
  const m = String(1 + rng.int(12)).padStart(2, '0');
  const y = String(2019 + rng.int(8));
  switch (locale) {
    case 'en': return `${m}/${d}/${y}`;
    case 'de': return `${d}.${m}.${y}`;
    case 'nl': return `${d}-${m}-${y}`;
    case 'sv': return `${y}-${m}-${d}`;
    case 'cs': return `${Number(d)}. ${Number(m)}. ${y}`;
  }
}

function time(rng: Rng): string {
  return `${String(rng.int(24)).padStart(2, '0')}:${String(rng.int(60)).padStart(2, '0')}`;
}

/** 16 digits that fail Luhn: "a random 16-digit order number is not a card". */
function ref16(rng: Rng): string {
  const body = digitStringFrom(rng, 15, 1, 9);
  const wrong = (luhnCheckDigit(body) + 1 + rng.int(9)) % 10;
  const number = body + String(wrong);
  return rng.chance(0.5) ? number : groupDigits(number, [4, 4, 4, 4], ' ');
}

function decimal(rng: Rng, locale: MessageLocale): string {
  const sep = DECIMAL_COMMA[locale] ? ',' : '.';
  return `${rng.int(100)}${sep}${digitString(rng, 6 + rng.int(10))}`;
}

function timestamp(rng: Rng): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = `${2019 + rng.int(8)}-${pad(1 + rng.int(12))}-${pad(1 + rng.int(28))}`;
  return rng.chance(0.5) ? `${iso}T${time(rng)}:${pad(rng.int(60))}Z` : `${iso} ${time(rng)}:${pad(rng.int(60))}`;
}

function order(rng: Rng): string {
  return pick(rng, [
    () => `#${digitStringFrom(rng, 5 + rng.int(4), 1, 9)}`,
    () => `ORD-${digitString(rng, 6)}`,
    () => `${digitStringFrom(rng, 8, 1, 9)}`,
    () => `A${digitString(rng, 9)}`,
  ])();
}

/** UPS style: 1Z, a six-character shipper number, a service code, a package number. */
function tracking(rng: Rng): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  const letter = () => letters[rng.int(letters.length)];
  return `1Z${digitString(rng, 3)}${letter()}${letter()}${digitString(rng, 1)}${digitString(rng, 10)}`;
}

function ip(rng: Rng): string {
  return pick(rng, [`192.168.${rng.int(256)}.${1 + rng.int(254)}`, `10.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`]);
}

export type FigureName =
  | 'price' | 'date' | 'time' | 'order' | 'ref16' | 'decimal' | 'timestamp' | 'percent' | 'qty' | 'version'
  | 'tracking' | 'ip' | 'epoch';

export function writeFigure(name: FigureName, rng: Rng, locale: MessageLocale): string {
  switch (name) {
    case 'price': return price(rng, locale);
    case 'date': return date(rng, locale);
    case 'time': return time(rng);
    case 'order': return order(rng);
    case 'ref16': return ref16(rng);
    case 'decimal': return decimal(rng, locale);
    case 'timestamp': return timestamp(rng);
    case 'percent': return `${1 + rng.int(70)}${pick(rng, ['%', ' %'])}`;
    case 'qty': return String(1 + rng.int(20));
    case 'version': return `${1 + rng.int(12)}.${rng.int(30)}.${rng.int(10)}`;
    case 'tracking': return tracking(rng);
    case 'ip': return ip(rng);
    case 'epoch': return `1${digitString(rng, pick(rng, [9, 12]))}`;
  }
}

export function isFigureName(name: string): name is FigureName {
  return ['price', 'date', 'time', 'order', 'ref16', 'decimal', 'timestamp', 'percent', 'qty', 'version',
    'tracking', 'ip', 'epoch'].includes(name);
}
