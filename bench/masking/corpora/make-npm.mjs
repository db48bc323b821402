// Values from three npm generators, for compose.mjs. make-npm.sh installs
// them (pinned) into a scratch folder, never into the project, and runs:
//   node bench/masking/corpora/make-npm.mjs SCRATCH_DIR | node bench/masking/corpora/compose.mjs
// - chance: US, UK and French phones, US SSNs (with and without dashes), cards, emails;
// - @ngneat/falso: phones of each country, cards, emails (its IBANs fail mod-97 and are dropped);
// - casual: each of its locales' phones and emails (its card numbers are random digits, not asked for).
// Seeded: the same versions give the same values.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const scratch = process.argv[2];
if (!scratch) throw new Error('usage: node make-npm.mjs SCRATCH_DIR (where chance, @ngneat/falso and casual are installed)');
const require = createRequire(join(scratch, 'package.json'));
const Chance = require('chance');
const falso = require('@ngneat/falso');
const casual = require('casual');

const PER_TYPE = 30;
const out = [];
const emit = (generator, locale, fields) => out.push(JSON.stringify({ generator, locale, ...fields }));
const times = (n, f) => { for (let k = 0; k < n; k++) f(k); };

// chance
const CHANCE_LOCALES = { en_US: 'us', en_GB: 'uk', fr_FR: 'fr' };
const CHANCE_CARDS = ['Visa', 'Mastercard', 'American Express', 'Discover Card', 'JCB', 'Maestro', 'Diners Club International', 'Visa Electron'];
Object.entries(CHANCE_LOCALES).forEach(([locale, country], n) => {
  const c = new Chance(4000 + n);
  times(PER_TYPE, (k) => emit('chance', locale, { type: 'phone', value: c.phone({ country, mobile: k % 3 === 0, formatted: k % 4 !== 3 }), form: `phone ${country}${k % 3 === 0 ? ' mobile' : ''}${k % 4 === 3 ? ' unformatted' : ''}` }));
  times(PER_TYPE, () => emit('chance', locale, { type: 'email', value: c.email(), form: 'email' }));
  times(PER_TYPE, (k) => emit('chance', locale, { type: 'card', value: c.cc({ type: CHANCE_CARDS[k % CHANCE_CARDS.length] }), form: CHANCE_CARDS[k % CHANCE_CARDS.length] }));
  if (locale === 'en_US') times(PER_TYPE, (k) => emit('chance', locale, { type: 'ssn', value: c.ssn({ dashes: k % 5 !== 4 }), form: k % 5 !== 4 ? 'ssn' : 'ssn without dashes' }));
  times(12, () => {
    emit('chance', locale, { free: 'postcode', value: country === 'uk' ? c.postcode() : c.zip() });
    emit('chance', locale, { free: 'date', value: c.date({ year: c.integer({ min: 2023, max: 2026 }) }).toISOString().slice(0, 10) });
    emit('chance', locale, { free: 'time', value: `${String(c.hour({ twentyfour: true })).padStart(2, '0')}:${String(c.minute()).padStart(2, '0')}` });
    emit('chance', locale, { free: 'amount', value: String(c.floating({ min: 1, max: 9999, fixed: 2 })) });
    emit('chance', locale, { free: 'ip', value: c.ip() });
    emit('chance', locale, { free: 'uuid', value: c.guid() });
  });
});

// @ngneat/falso
const FALSO_LOCALES = {
  en_US: 'US', en_GB: 'GB', de_DE: 'DE', nl_NL: 'NL', sv_SE: 'SE', cs_CZ: 'CZ', da_DK: 'DK', nb_NO: 'NO', fi_FI: 'FI',
  fr_FR: 'FR', es_ES: 'ES', it_IT: 'IT', pl_PL: 'PL', pt_PT: 'PT', pt_BR: 'BR',
};
const FALSO_CARDS = ['Visa', 'Mastercard', 'American Express', 'Discover Card', 'JCB', 'Maestro', 'Diners Club', 'UnionPay', 'Dankort', 'Visa Electron'];
falso.seed('cctwin-masking-corpus');
for (const [locale, country] of Object.entries(FALSO_LOCALES)) {
  times(PER_TYPE, () => emit('falso', locale, { type: 'phone', value: falso.randPhoneNumber({ countryCode: country }), form: `randPhoneNumber ${country}` }));
  times(PER_TYPE / 3, () => emit('falso', locale, { type: 'email', value: falso.randEmail(), form: 'randEmail' }));
  times(PER_TYPE / 3, (k) => emit('falso', locale, { type: 'card', value: falso.randCreditCardNumber({ brand: FALSO_CARDS[k % FALSO_CARDS.length] }), form: FALSO_CARDS[k % FALSO_CARDS.length] }));
  times(PER_TYPE / 3, () => emit('falso', locale, { type: 'iban', value: falso.randIban({ countryCode: country }), form: `randIban ${country}` }));
  times(6, () => {
    emit('falso', locale, { free: 'postcode', value: falso.randZipCode() });
    emit('falso', locale, { free: 'ip', value: falso.randIp() });
    emit('falso', locale, { free: 'uuid', value: falso.randUuid() });
  });
}

// casual
const CASUAL_LOCALES = ['en_US', 'de_DE', 'nl_NL', 'sv_SE', 'da_DK', 'nb_NO', 'fr_FR', 'it_IT', 'pt_BR'];
CASUAL_LOCALES.forEach((locale, n) => {
  const c = casual[locale];
  c.seed(5000 + n);
  times(PER_TYPE, () => emit('casual', locale, { type: 'phone', value: c.phone, form: 'phone' }));
  times(PER_TYPE / 3, () => emit('casual', locale, { type: 'email', value: c.email, form: 'email' }));
  times(6, () => {
    emit('casual', locale, { free: 'postcode', value: c._zip(5) });
    emit('casual', locale, { free: 'date', value: c.date('YYYY-MM-DD') });
    emit('casual', locale, { free: 'time', value: c.time('HH:mm') });
    emit('casual', locale, { free: 'ip', value: c.ip });
    emit('casual', locale, { free: 'uuid', value: c.uuid });
  });
});

process.stdout.write(`${out.join('\n')}\n`);
