import { describe, expect, it } from 'vitest';
import { findSensitiveSpans, isValidCardNumber, isValidIban, isValidSsnText } from '../../engine/masking/index.js';
import { createRng } from '../random/prng.js';
import { MESSAGE_LOCALES, createLocaleFaker } from './message-locale.js';
import { writeCard, writeEmail, writeIban, writePhone, writeSsn } from './pii-values.js';

const N = 500;

describe('written sensitive values', () => {
  it('cards are Luhn-valid numbers of a brand, solid, spaced or dashed', () => {
    const rng = createRng(1);
    const styles = new Set<string>();
    for (let k = 0; k < N; k++) {
      const card = writeCard(rng);
      expect(isValidCardNumber(card.replace(/[ -]/g, '')), card).toBe(true);
      styles.add(card.includes(' ') ? 'space' : card.includes('-') ? 'dash' : 'solid');
    }
    expect([...styles].sort()).toEqual(['dash', 'solid', 'space']);
  });

  it('IBANs are valid, spaced or solid, upper, lower or mixed case', () => {
    const rng = createRng(2);
    const forms = new Set<string>();
    for (let k = 0; k < N; k++) {
      const iban = writeIban(rng);
      expect(isValidIban(iban), iban).toBe(true);
      forms.add(`${iban.includes(' ')}/${iban === iban.toUpperCase() ? 'upper' : iban === iban.toLowerCase() ? 'lower' : 'mixed'}`);
    }
    expect(forms.size).toBe(6);
  });

  it('SSNs are plausible, with dashes, spaces or dots', () => {
    const rng = createRng(3);
    const seps = new Set<string>();
    for (let k = 0; k < N; k++) {
      const ssn = writeSsn(rng);
      expect(isValidSsnText(ssn), ssn).toBe(true);
      seps.add(ssn[3]);
    }
    expect([...seps].sort()).toEqual([' ', '-', '.']);
  });

  it.each(MESSAGE_LOCALES)('phones of locale %s have 7 to 15 digits and read as one phone', (locale) => {
    const rng = createRng(4);
    for (let k = 0; k < N; k++) {
      const phone = writePhone(rng, locale);
      const digits = phone.replace(/\D/g, '').replace(/^00/, '');
      expect(digits.length).toBeGreaterThanOrEqual(7);
      expect(digits.length).toBeLessThanOrEqual(15);
      expect(findSensitiveSpans(phone), phone).toEqual([{ start: 0, end: phone.length, kind: 'phone' }]);
    }
  });

  it.each(MESSAGE_LOCALES)('emails of locale %s read as one address', (locale) => {
    const faker = createLocaleFaker(locale, 5);
    for (let k = 0; k < N; k++) {
      const email = writeEmail(faker);
      expect(findSensitiveSpans(email), email).toEqual([{ start: 0, end: email.length, kind: 'email' }]);
    }
  });
});
