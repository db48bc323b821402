import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADVERSARIAL_INPUTS, chatCorpus, denseCorpus, piiFreeMessages } from './corpora.js';
import { replayMismatches } from './detector-cost.js';

function corpusTexts(): string[] {
  const dir = join(process.cwd(), 'bench', 'masking', 'corpora');
  return readdirSync(dir).filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l !== ''))
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

describe('detector cost: the replay of the scanner', () => {
  it('finds the scanner\'s spans on every text of the bench corpora (chat, dense, PII-free, adversarial)', () => {
    const texts = [
      ...chatCorpus(1, 3000).messages.map((m) => m.text),
      ...denseCorpus(1, 3000).messages.map((m) => m.text),
      ...piiFreeMessages(1, 2000).map((m) => m.text),
      ...ADVERSARIAL_INPUTS.map((a) => a.build(2000)),
    ];
    expect(replayMismatches(texts)).toBe(0);
  });

  it('and on every line of the other generators\' corpora and the id lookalikes', () => {
    const texts = corpusTexts();
    expect(texts.length).toBeGreaterThan(10_000);
    expect(replayMismatches(texts)).toBe(0);
  });

  it('and on the masked forms of those lines', async () => {
    const { maskText } = await import('../../engine/masking/index.js');
    expect(replayMismatches(corpusTexts().map(maskText))).toBe(0);
  });
});
