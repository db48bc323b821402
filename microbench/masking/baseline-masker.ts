// The obvious masker, to measure against in the same run: one global regex
// pass per kind, each match validated (Luhn, IBAN mod-97, SSN rules, 7 to
// 15 phone digits) and masked in the same format as the core.
import { isValidCardNumber, isValidIban, isValidSsnText, maskValue, type Masker } from '../../engine/masking/index.js';

const EMAIL = /[A-Za-z0-9.!#$%&'*+/=?^_{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const IBAN = /\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}\b/g;
const CARD = /\b\d(?:[ -]?\d){11,18}\b/g;
const SSN = /\b\d{3}([-. ])\d{2}\1\d{4}\b/g;
const PHONE = /(?:\+ ?)?\(?\d[\d ().-]{5,}\d/g;

function digitCount(s: string): number {
  let n = 0;
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) n++;
  return n;
}

function maskEmail(m: string): string {
  return maskValue(m, 'email');
}

function maskIban(m: string): string {
  // The regex may run past the IBAN's length; try the longest valid prefix.
  for (let end = m.length; end >= 15; end--) {
    if (m[end - 1] === ' ') continue;
    if (isValidIban(m.slice(0, end))) return maskValue(m.slice(0, end), 'iban') + m.slice(end);
  }
  return m;
}

function maskCard(m: string): string {
  return isValidCardNumber(m.replace(/[ -]/g, '')) ? maskValue(m, 'card') : m;
}

function maskSsn(m: string): string {
  return isValidSsnText(m) ? maskValue(m, 'ssn') : m;
}

function maskPhone(m: string): string {
  const n = digitCount(m);
  return n >= 7 && n <= 15 ? maskValue(m, 'phone') : m;
}

export const baselineMasker: Masker = {
  mask(text: string): string {
    return text
      .replace(EMAIL, maskEmail)
      .replace(IBAN, maskIban)
      .replace(CARD, maskCard)
      .replace(SSN, maskSsn)
      .replace(PHONE, maskPhone);
  },
};
