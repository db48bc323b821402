// The obvious script to measure `cctwin mask` against: stdin to stdout line
// by line through readline, five global regexes per line (email, IBAN, card,
// SSN, phone), each match masked to its last four characters (an email to
// its first character and domain). Node's standard library only, no project
// code: run it as `node dist/bench/mask-cli/naive-masker.js < in > out`.
import { createInterface } from 'node:readline';

const EMAIL = /[A-Za-z0-9.!#$%&'*+/=?^_{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g;
const CARD = /\b\d(?:[ -]?\d){11,18}\b/g;
const SSN = /\b\d{3}-\d{2}-\d{4}\b/g;
const PHONE = /(?:\+ ?)?\(?\d[\d ().-]{5,}\d/g;

/** Every character but the last four become `*`. */
function keepLastFour(m: string): string {
  return m.length <= 4 ? m : '*'.repeat(m.length - 4) + m.slice(-4);
}

function maskEmail(m: string): string {
  const at = m.indexOf('@');
  return m[0] + '*'.repeat(at - 1) + m.slice(at);
}

function luhn(m: string): boolean {
  let sum = 0;
  let double = false;
  for (let k = m.length - 1; k >= 0; k--) {
    const c = m.charCodeAt(k) - 48;
    if (c < 0 || c > 9) continue;
    const d = double ? c * 2 : c;
    sum += d > 9 ? d - 9 : d;
    double = !double;
  }
  return sum % 10 === 0;
}

function maskCard(m: string): string {
  return luhn(m) ? keepLastFour(m) : m;
}

function maskPhone(m: string): string {
  const digits = m.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15 ? keepLastFour(m) : m;
}

function mask(line: string): string {
  return line
    .replace(EMAIL, maskEmail)
    .replace(IBAN, keepLastFour)
    .replace(CARD, maskCard)
    .replace(SSN, keepLastFour)
    .replace(PHONE, maskPhone);
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) process.stdout.write(`${mask(line)}\n`);
