// Profiling entry: reads its inputs from files, then does nothing but mask
// them for a while, so a profiler sees the masking core only: no corpus is
// generated in this process (faker would fill the profile's first seconds).
//   node dist/bench/masking/profile.js [--seconds 10] [--inputs FILE.jsonl ...]
//   npm run profile:masking      (writes the bench's chat and dense corpora with
//                                 write-profile-inputs.js first, then runs clinic on this)
// Inputs are JSONL with a "text" field per line: the files write-profile-inputs.js
// writes, or scoring corpora. Without --inputs: the committed scoring corpora,
// bench/masking/corpora/*.jsonl.
// (clinic 13 on Node 20 needs NO_INSIGHT=1 when there is no terminal.)
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { maskText } from '../../engine/masking/index.js';

const args = process.argv.slice(2);
const at = (name: string) => args.indexOf(name);
const seconds = at('--seconds') >= 0 ? Number(args[at('--seconds') + 1]) : 10;
if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('--seconds needs a positive number');

function inputFiles(): string[] {
  const from = at('--inputs');
  if (from >= 0) {
    const files: string[] = [];
    for (let k = from + 1; k < args.length && !args[k].startsWith('--'); k++) files.push(args[k]);
    if (files.length === 0) throw new Error('--inputs needs one file or more');
    return files;
  }
  // dist/bench/masking/profile.js -> bench/masking/corpora in the repo.
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'bench', 'masking', 'corpora');
  return readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(dir, f));
}

const files = inputFiles();
const texts: string[] = [];
for (const file of files) {
  readFileSync(file, 'utf8').split('\n').forEach((line, k) => {
    if (line.trim() === '') return;
    const text = (JSON.parse(line) as { text?: unknown }).text;
    if (typeof text !== 'string') throw new Error(`${file}:${k + 1}: no "text" string`);
    texts.push(text);
  });
}
let chars = 0;
for (const t of texts) chars += t.length;

let checksum = 0;
let passes = 0;
const t0 = process.hrtime.bigint();
const limitNs = BigInt(Math.round(seconds * 1e9));
while (process.hrtime.bigint() - t0 < limitNs) {
  for (const t of texts) {
    const masked = maskText(t);
    checksum += masked.charCodeAt(masked.length - 1);
  }
  passes++;
}
const elapsedS = Number(process.hrtime.bigint() - t0) / 1e9;
process.stdout.write(
  `masked ${passes} passes of ${texts.length} messages (${files.length} file(s)) in ${elapsedS.toFixed(1)} s: ` +
  `${((chars * passes) / elapsedS / 1e6).toFixed(1)} million chars/s (checksum ${checksum % 1000})\n`,
);
