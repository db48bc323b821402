// The leak oracle's rule (leak-oracle.ts): the three forms of a leak, the
// masked form never one, the visible tail exact at four, and no false alarm
// at the scale of a load run. The masked renderings here are made by the
// rule ("every hidden character replaced by `*`"), not by engine/masking, so
// they hold whatever separators the masked format may keep.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SensitiveKind } from '../../engine/masking/index.js';
import { createRng, deriveSeed } from '../random/prng.js';
import { createMessageGenerator, type GeneratedMessage } from './message-generator.js';
import { createLocaleFaker, MESSAGE_LOCALES } from './message-locale.js';
import { identityKind, LeakOracle, significantForm, type OracleLeak } from './leak-oracle.js';
import { writeCard, writeEmail, writeIban, writePhone, writeSsn } from './pii-values.js';

function oracleOf(...values: [string, SensitiveKind][]): LeakOracle {
  const o = new LeakOracle();
  for (const [v, k] of values) expect(o.add(v, k), v).toBe(true);
  return o;
}

function scan(o: LeakOracle, text: string): OracleLeak[] {
  const out: OracleLeak[] = [];
  o.scan(text, out);
  return out;
}

function isSignificant(ch: string): boolean {
  return /[\p{L}\p{Nd}]/u.test(ch);
}

/**
 * The value as shown with `shown` of its significant characters at the end
 * left visible (for an email: its first character, its domain, and `shown`
 * more before the `@`), every other significant character a `*`; separators
 * kept as written, or whitespace dropped, or every separator of a hidden part
 * starred too.
 */
function render(value: string, kind: SensitiveKind, extra: number, separators: 'keep' | 'dropSpaces' | 'star'): string {
  const at = kind === 'email' ? value.lastIndexOf('@') : value.length;
  const sig = [...value.slice(0, at)].filter(isSignificant).length;
  const visibleFrom = kind === 'email' ? sig - extra : sig - 4 - extra;
  let out = '';
  let i = 0;
  for (let k = 0; k < value.length; k++) {
    const ch = value[k]!;
    if (k >= at) { out += ch; continue; }
    if (!isSignificant(ch)) {
      const hiddenSide = i < visibleFrom && !(kind === 'email' && i === 0);
      if (separators === 'dropSpaces' && /\s/.test(ch)) continue;
      out += separators === 'star' && hiddenSide ? '*' : ch;
      continue;
    }
    const visible = i >= visibleFrom || (kind === 'email' && i === 0);
    out += visible ? ch : '*';
    i++;
  }
  return out;
}

function writers(seed: number): Record<SensitiveKind, () => string> {
  const rng = createRng(seed);
  const faker = createLocaleFaker(MESSAGE_LOCALES[seed % 5]!, seed);
  return {
    card: () => writeCard(rng),
    iban: () => writeIban(rng),
    ssn: () => writeSsn(rng),
    email: () => writeEmail(faker),
    phone: () => writePhone(rng, MESSAGE_LOCALES[rng.int(5)]!),
  };
}

/** The message with each of its values masked by the rule (not by engine/masking: its recall is not under test here). */
function maskByTruth(m: GeneratedMessage, k: number): string {
  let text = '';
  let at = 0;
  for (const s of m.spans) {
    text += m.text.slice(at, s.start) + render(m.text.slice(s.start, s.end), s.kind, 0, (['keep', 'dropSpaces', 'star'] as const)[k % 3]!);
    at = s.end;
  }
  return text + m.text.slice(at);
}

const KINDS: SensitiveKind[] = ['card', 'iban', 'ssn', 'phone', 'email'];
// What a value is written between: never glued to it by a letter or digit.
const BEFORE = [' ', 'card ', 'my number is ', 'IBAN: ', '(', '12 items, ', '\n', '*** '];
const AFTER = [' ', ')', '. Thanks', ', call me after five', '!', '\n', ' [msg abc]', ' 12 items', ' ***'];

describe('how the oracle reads a value', () => {
  it('keeps letters (in lower case) and digits, an email its @; the hidden part is all but the last four, or an email\'s local part after its first character', () => {
    expect(significantForm('+1 (555) 123-4567', 'phone')).toEqual({ chars: '15551234567', hiddenStart: 0, hiddenEnd: 7 });
    expect(significantForm('GB82 WEST 1234 5698 7654 32', 'iban')).toEqual({ chars: 'gb82west12345698765432', hiddenStart: 0, hiddenEnd: 18 });
    expect(significantForm('Melissa.Jones@gmail.com', 'email')).toEqual({ chars: 'melissajones@gmailcom', hiddenStart: 1, hiddenEnd: 12 });
    expect(significantForm('16315550142@s.whatsapp.net', 'email')).toEqual({ chars: '16315550142@swhatsappnet', hiddenStart: 1, hiddenEnd: 7 });
    expect(significantForm('1234', 'phone')).toBeNull();
    expect(significantForm('a@b.com', 'email')).toBeNull();
  });

  it('identity fields: a number of seven digits or more is a phone, an address an email, an id or a name nothing', () => {
    expect(identityKind('+44 7966 197542')).toBe('phone');
    expect(identityKind('16315550142@s.whatsapp.net')).toBe('email');
    expect(identityKind('s0-17')).toBeNull();
    expect(identityKind('12345')).toBeNull();
    expect(identityKind('Ann Smith')).toBeNull();
  });
});

describe('the three forms of a leak', () => {
  const o = oracleOf(['4111 1111 1111 1111', 'card'], ['+44 7966 197542', 'phone'], ['melissa@gmail.com', 'email'], ['DE89 3704 0044 0532 0130 00', 'iban']);

  it('whole: the value anywhere, in any case and with any separators', () => {
    expect(scan(o, 'pay with 4111-1111-1111-1111 please')).toEqual([{ kind: 'card', form: 'whole' }]);
    expect(scan(o, 'ref41111111111111111')).toEqual([{ kind: 'card', form: 'whole' }]);
    expect(scan(o, 'call 0044 (7966) 19.75.42')).toEqual([{ kind: 'phone', form: 'whole' }]);
    expect(scan(o, 'iban de89370400440532013000')).toEqual([{ kind: 'iban', form: 'whole' }]);
    expect(scan(o, 'MELISSA@GMAIL.COM')).toEqual([{ kind: 'email', form: 'whole' }]);
  });

  it('hiddenThenMask: the hidden part shown, the mask moved onto the tail', () => {
    expect(scan(o, 'card 4111 1111 1111 ****')).toEqual([{ kind: 'card', form: 'hiddenThenMask' }]);
    expect(scan(o, 'card 4111 1111 1111 11**')).toEqual([{ kind: 'card', form: 'hiddenThenMask' }]);
    expect(scan(o, '+44 7966 19****')).toEqual([{ kind: 'phone', form: 'hiddenThenMask' }]);
    expect(scan(o, 'melissa@*********')).toEqual([{ kind: 'email', form: 'hiddenThenMask' }]);
    // Glued to a letter or digit before it: part of something else.
    expect(scan(o, 'x4111 1111 1111 ****')).toEqual([]);
  });

  it('pastVisibleTail: more than the tail after the mask', () => {
    expect(scan(o, 'card ***********1 1111.')).toEqual([{ kind: 'card', form: 'pastVisibleTail' }]);
    expect(scan(o, '+** **** *97542')).toEqual([{ kind: 'phone', form: 'pastVisibleTail' }]);
    expect(scan(o, 'm*****a@gmail.com')).toEqual([{ kind: 'email', form: 'pastVisibleTail' }]);
    expect(scan(o, '*elissa@gmail.com')).toEqual([{ kind: 'email', form: 'pastVisibleTail' }]);
    // Glued to a letter or digit after it: the run goes on, it is not this value's end.
    expect(scan(o, '***********11111x')).toEqual([]);
  });

  it('an address whose local part is a number: masked as an identity field (its last four kept) or as text (its first character kept), none; five kept, a leak', () => {
    const wa = oracleOf(['16315550142@s.whatsapp.net', 'email']);
    expect(scan(wa, '*******0142@s.whatsapp.net')).toEqual([]);
    expect(scan(wa, '1**********@s.whatsapp.net')).toEqual([]);
    expect(scan(wa, '******50142@s.whatsapp.net')).toEqual([{ kind: 'email', form: 'pastVisibleTail' }]);
    expect(scan(wa, '16315550142@s.whatsapp.net')).toEqual([{ kind: 'email', form: 'whole' }]);
  });

  it('the masked forms are none, whatever separators they keep', () => {
    for (const t of ['************1111', '**** **** **** 1111', '****-****-****-1111', '+** **** **7542', '*********7542', '********7542',
      'm******@gmail.com', 'm***@gmail.com', '******************3000', '**** **** **** **** **30 00']) {
      expect(scan(o, `see ${t} thanks`), t).toEqual([]);
    }
  });

  it('the hidden part alone, not anchored by the rest of the value or by the mask, is none (the false alarms of the looser rule)', () => {
    const phone = oracleOf(['(555) 123-4567', 'phone']);
    expect(scan(phone, 'My order number is #555123.')).toEqual([]);
    expect(scan(phone, 'The error code was 1555123998.')).toEqual([]);
    expect(scan(phone, 'Tracking 1Z5551239876543210')).toEqual([]);
    expect(scan(phone, 'call 555 123 4567')).toEqual([{ kind: 'phone', form: 'whole' }]);
  });

  it('counts a value once per text, and every value it shows', () => {
    expect(scan(o, '4111111111111111 and again 4111 1111 1111 1111, mail melissa@gmail.com')).toEqual([
      { kind: 'card', form: 'whole' }, { kind: 'email', form: 'whole' },
    ]);
  });

  it('reads no text without a digit, @ or *', () => {
    expect(scan(o, 'nothing here, Melissa')).toEqual([]);
  });
});

describe('the visible tail is exact', () => {
  it('the last four visible are not a leak, five are (an email: its first character and domain, and one more before the @)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(...KINDS), fc.constantFrom('keep', 'dropSpaces', 'star'),
      fc.constantFrom(...BEFORE), fc.constantFrom(...AFTER), (seed, kind, separators, before, after) => {
        const value = writers(seed)[kind]();
        const o = oracleOf([value, kind]);
        const four = render(value, kind, 0, separators);
        const five = render(value, kind, 1, separators);
        expect(scan(o, `${before}${four}${after}`), four).toEqual([]);
        expect(scan(o, `${before}${five}${after}`), five).toEqual([{ kind, form: 'pastVisibleTail' }]);
      }), { numRuns: 1000 });
  });

  it('and every longer tail too, up to the whole value', () => {
    const w = writers(5);
    for (const kind of KINDS) {
      for (let k = 0; k < 20; k++) {
        const value = w[kind]();
        const form = significantForm(value, kind)!;
        const o = oracleOf([value, kind]);
        const hidden = form.hiddenEnd - form.hiddenStart;
        for (let extra = 1; extra < hidden; extra++) expect(scan(o, ` ${render(value, kind, extra, 'keep')} `), `${value} +${extra}`).toEqual([{ kind, form: 'pastVisibleTail' }]);
        expect(scan(o, ` ${value} `)).toEqual([{ kind, form: 'whole' }]);
      }
    }
  });
});

describe('properly masked output raises nothing', () => {
  it('generated values, masked by the rule with any separators, among other masked values and figures', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 6 }),
      fc.array(fc.constantFrom('keep', 'dropSpaces', 'star'), { minLength: 6, maxLength: 6 }), fc.array(fc.constantFrom(...AFTER), { minLength: 7, maxLength: 7 }),
      (seed, kinds, seps, around) => {
        const w = writers(seed);
        const o = new LeakOracle();
        let text = 'Hi ';
        kinds.forEach((kind, i) => {
          const value = w[kind]();
          o.add(value, kind);
          text += render(value, kind, 0, seps[i] as 'keep') + around[i + 1]!;
        });
        expect(scan(o, text), text).toEqual([]);
      }), { numRuns: 1000 });
  });

  it('at the scale of a load run: 20,000 customer numbers and the texts\' own values against the texts with their values masked, none; against the raw texts, each text\'s own values', () => {
    const rng = createRng(7);
    const o = new LeakOracle();
    for (let k = 0; k < 20_000; k++) o.addIdentity(writePhone(rng, 'en'));
    for (const seed of [1, 2, 3]) {
      const g = createMessageGenerator(deriveSeed(seed, 'load-customer-texts'), { piiShare: 0.2 });
      const messages = Array.from({ length: 512 }, () => g.next());
      for (const m of messages) o.addMessage(m.text, m.spans);
      messages.forEach((m, k) => {
        expect(scan(o, maskByTruth(m, k)), m.text).toEqual([]);
        const own = new Set(m.spans.map((s) => significantForm(m.text.slice(s.start, s.end), s.kind)!.chars)).size;
        const found = scan(o, m.text);
        expect(found.length, m.text).toBe(own);
        for (const f of found) expect(f.form).toBe('whole');
      });
    }
  });
});
