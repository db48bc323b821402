// The corpus scorer on a tiny hand-made corpus. The oracle is checked with
// stub maskers that write the masking format by hand, so these tests hold
// whatever the detectors find; no test here asserts the current recall.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMasker, type Masker } from '../../engine/masking/index.js';
import { alignMasked, CorpusError, DROPPED, KEPT, MASKED, readCorpusFiles, scoreCorpus } from './corpus-score.js';

function corpusFile(lines: readonly (string | object)[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cctwin-corpus-')), 'corpus.jsonl');
  writeFileSync(file, `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`);
  return file;
}

/** Replaces each key of `table` by its value: a masker whose output is known. */
function stubMasker(table: Record<string, string>): Masker {
  return {
    mask(text) {
      let out = text;
      for (const [from, to] of Object.entries(table)) out = out.split(from).join(to);
      return out;
    },
  };
}

const line = (text: string, spans: object[], generator = 'hand', locale = 'en_US') => ({ text, spans, generator, locale });

const CORPUS = [
  line('card 4111 1111 1111 1111 thanks', [{ type: 'card', value: '4111 1111 1111 1111', form: 'visa16 spaced' }]),
  line('call me on +44 7966 197542', [{ type: 'phone', value: '+44 7966 197542' }], 'hand', 'en_GB'),
  line('Meine Nummer ist 030 1234567', [{ type: 'phone', value: '030 1234567' }], 'other', 'de_DE'),
  line('mail melissa@gmail.com or 555-123-4567', [{ type: 'email', value: 'melissa@gmail.com' }, { type: 'phone', value: '555-123-4567' }]),
  line('order ORD-4111 1111 1111 1111 arrived', []),
  line('see you on 12.03.2024 at 10:30', [], 'other', 'de_DE'),
];

const STUB = stubMasker({
  '4111 1111 1111 1111': '************1111', // found
  '+44 7966 197542': '+44 ******7542', // partial: +44 left visible
  // 030 1234567: left as it is, missed
  'melissa@gmail.com': 'm******@gmail.com', // found
  '555-123-4567': '********4567', // found
});

describe('corpus scorer', () => {
  it('scores found, partial and missed values by type, generator and locale, and reports the misses with text and value', () => {
    const s = scoreCorpus(readCorpusFiles([corpusFile(CORPUS)]), STUB);
    expect(s.lines).toBe(6);
    expect(s.overall).toMatchObject({ values: 5, found: 3, partial: 1, missed: 1, recall: 3 / 5 });
    expect(s.byType.card).toMatchObject({ values: 1, found: 1 });
    expect(s.byType.phone).toMatchObject({ values: 3, found: 1, partial: 1, missed: 1 });
    expect(s.byType.email).toMatchObject({ values: 1, found: 1 });
    expect(s.byGenerator.other.overall).toMatchObject({ values: 1, missed: 1, recall: 0 });
    expect(s.byLocale.en_GB.overall).toMatchObject({ values: 1, partial: 1 });
    expect(s.byForm['card visa16 spaced']).toMatchObject({ values: 1, found: 1 });
    expect(s.misses.map((m) => [m.value, m.verdict, m.text])).toEqual([
      ['+44 7966 197542', 'partial', 'call me on +44 7966 197542'],
      ['030 1234567', 'missed', 'Meine Nummer ist 030 1234567'],
    ]);
    expect(s.misses[1]).toMatchObject({ generator: 'other', locale: 'de_DE', type: 'phone', masked: 'Meine Nummer ist 030 1234567' });
    expect(s.misses[1].where).toMatch(/corpus\.jsonl:3$/);
  });

  it('counts a PII-free line the masker altered, and the share of PII-free lines altered', () => {
    const s = scoreCorpus(readCorpusFiles([corpusFile(CORPUS)]), STUB);
    expect(s.piiFree).toEqual({ lines: 2, altered: 1, share: 0.5 });
    expect(s.altered).toHaveLength(1);
    expect(s.altered[0]).toMatchObject({ text: 'order ORD-4111 1111 1111 1111 arrived', masked: 'order ORD-************1111 arrived' });
    expect(s.byLocale.de_DE.piiFree).toEqual({ lines: 1, altered: 0, share: 0 });
  });

  it('counts lines masked beyond their values', () => {
    const s = scoreCorpus(readCorpusFiles([corpusFile([line('card 4111 1111 1111 1111 thanks', [{ type: 'card', value: '4111 1111 1111 1111' }])])]),
      stubMasker({ 'card 4111 1111 1111 1111': '****************1111' }));
    expect(s.overall.found).toBe(1);
    expect(s.overMasked).toEqual({ lines: 1, of: 1 });
  });

  it('keeps an email found only when its local part is hidden after the first character', () => {
    const file = corpusFile([line('mail melissa@gmail.com', [{ type: 'email', value: 'melissa@gmail.com' }])]);
    expect(scoreCorpus(readCorpusFiles([file]), stubMasker({ 'melissa@': 'mel****@' })).overall).toMatchObject({ partial: 1 });
    expect(scoreCorpus(readCorpusFiles([file]), stubMasker({ 'melissa@gmail.com': 'm******@*********' })).overall).toMatchObject({ found: 1 });
  });

  it('lines the masked output up with the text: kept, masked, whitespace dropped', () => {
    const states = alignMasked('a 12 345 678 b', 'a ****5678 b');
    // a ␣ 1 2 ␣ 3 4 5 ␣ 6 7 8 ␣ b
    expect(states && [...states]).toEqual([KEPT, KEPT, MASKED, MASKED, DROPPED, MASKED, MASKED, KEPT, DROPPED, KEPT, KEPT, KEPT, KEPT, KEPT]);
    expect(alignMasked('abc', '[redacted]')).toBeNull();
  });

  it('scores the real masker on the docs example without an unaligned line', () => {
    const s = scoreCorpus(readCorpusFiles([corpusFile([CORPUS[0]])]), createMasker(true));
    expect(s.unaligned).toBe(0);
    expect(s.overall.found).toBe(1);
  });

  it('rejects malformed lines with the file, the line and what is wrong', () => {
    const bad: Array<[string | object, RegExp]> = [
      ['{"text": "x"', /not JSON/],
      ['[1, 2]', /not a JSON object/],
      [{ text: 'x', spans: [], generator: 'g' }, /"locale" must be a non-empty string/],
      [{ text: 'x', spans: 'none', generator: 'g', locale: 'l' }, /"spans" must be an array/],
      [{ text: 'x', spans: [], generator: 'g', locale: 'l', lang: 'en' }, /unknown key "lang"/],
      [line('call 555-123-4567', [{ type: 'fone', value: '555-123-4567' }]), /spans\[0\]\.type is "fone", not one of card, iban, ssn, email, phone/],
      [line('call 555-123-4567', [{ type: 'phone', value: '555 123 4567' }]), /spans\[0\]\.value "555 123 4567" is not in the text/],
      [line('a@b.io then 555-123-4567', [{ type: 'phone', value: '555-123-4567' }, { type: 'email', value: 'a@b.io' }]), /spans\[1\]\.value "a@b\.io" is not in the text after spans\[0\]/],
      [line('call 555-123-4567', [{ type: 'phone', value: '' }]), /spans\[0\]\.value must be a non-empty string/],
    ];
    for (const [raw, problem] of bad) {
      const file = corpusFile([CORPUS[0], raw]);
      let caught: unknown;
      try {
        readCorpusFiles([file]);
      } catch (err) {
        caught = err;
      }
      expect(caught, JSON.stringify(raw)).toBeInstanceOf(CorpusError);
      expect((caught as CorpusError).line).toBe(2);
      expect((caught as CorpusError).message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: `));
      expect((caught as CorpusError).problem).toMatch(problem);
    }
  });

  it('cctwin bench masking --corpus exits 2 on a malformed line, naming file:line, and 0 with the scores as JSON', () => {
    const cli = join(process.cwd(), 'dist', 'bin', 'cctwin.js');
    const badFile = corpusFile([CORPUS[0], line('x', [{ type: 'card', value: 'y' }])]);
    const bad = spawnSync(process.execPath, [cli, 'bench', 'masking', '--corpus', badFile], { encoding: 'utf8', timeout: 60_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`${badFile}:2: spans[0].value "y" is not in the text`);
    const good = spawnSync(process.execPath, [cli, 'bench', 'masking', '--corpus', corpusFile(CORPUS), '--json', '--runs', '1'], { encoding: 'utf8', timeout: 60_000 });
    expect(good.status).toBe(0);
    const out = JSON.parse(good.stdout);
    expect(out.score.lines).toBe(6);
    expect(out.score.piiFree.lines).toBe(2);
    expect(out.cost.stages.map((st: { stage: string }) => st.stage)).toEqual(['prefilter', 'email', 'iban', 'number run', 'lettered id', 'readings', 'national id', 'card', 'ssn', 'phone']);
  });
});
