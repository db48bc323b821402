// The input files of the mask-cli benchmark: seeded customer messages from
// the project's own generator (sim/messages), one message per line, with the
// options of microbench/masking/corpora.ts: `chat` (5% of messages with one
// sensitive value) and `dense` (every message with one to three).
import { closeSync, openSync, writeSync } from 'node:fs';
import { createMessageGenerator, type MessageOptions } from '../../sim/messages/index.js';
import { deriveSeed } from '../../sim/random/prng.js';

export type CorpusKind = 'chat' | 'dense';

export const CORPUS_OPTIONS: Record<CorpusKind, MessageOptions> = {
  chat: { piiShare: 0.05, maxPiiPerMessage: 1 },
  dense: { piiShare: 1, maxPiiPerMessage: 3 },
};

export interface CorpusFile {
  path: string;
  kind: CorpusKind;
  bytes: number;
  lines: number;
}

/** Writes messages of `kind`, one per line (newlines inside a message become spaces), until the file holds at least `bytes` bytes. */
export function writeCorpus(path: string, kind: CorpusKind, bytes: number, seed = 1): CorpusFile {
  const generator = createMessageGenerator(deriveSeed(seed, kind), CORPUS_OPTIONS[kind]);
  const fd = openSync(path, 'w');
  let written = 0;
  let lines = 0;
  let batch: string[] = [];
  let batchBytes = 0;
  const flush = (): void => {
    if (batch.length === 0) return;
    written += writeSync(fd, `${batch.join('\n')}\n`);
    batch = [];
    batchBytes = 0;
  };
  try {
    while (written + batchBytes < bytes) {
      const line = generator.next().text.replace(/\r?\n|\r/g, ' ');
      batch.push(line);
      batchBytes += Buffer.byteLength(line) + 1;
      lines++;
      if (batchBytes >= 1 << 20) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return { path, kind, bytes: written, lines };
}
