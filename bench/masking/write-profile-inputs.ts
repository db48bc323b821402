// Writes the bench's generated chat and dense corpora to a file, one JSON
// object `{"text": ...}` a line, for profile.ts to read: generating them
// (faker) happens here, in another process, so a profile of profile.js shows
// the masker and nothing of corpus generation.
//   node dist/bench/masking/write-profile-inputs.js OUT.jsonl [--corpus chat|dense|both] [--messages N] [--seed N]
import { writeFileSync } from 'node:fs';
import { chatCorpus, denseCorpus } from '../../microbench/masking/corpora.js';

const args = process.argv.slice(2);
const out = args[0];
const at = (name: string) => args.indexOf(name);
const value = (name: string, fallback: string) => (at(name) >= 0 ? args[at(name) + 1] : fallback);
const which = value('--corpus', 'both');
const messages = Number(value('--messages', '20000'));
const seed = Number(value('--seed', '1'));
if (!out || out.startsWith('--')) throw new Error('usage: write-profile-inputs.js OUT.jsonl [--corpus chat|dense|both] [--messages N] [--seed N]');
if (!['chat', 'dense', 'both'].includes(which)) throw new Error('--corpus is chat, dense or both');
if (!Number.isInteger(messages) || messages < 1 || !Number.isInteger(seed)) throw new Error('--messages and --seed need whole numbers');

const texts: string[] = [];
if (which !== 'dense') texts.push(...chatCorpus(seed, messages).messages.map((m) => m.text));
if (which !== 'chat') texts.push(...denseCorpus(seed, messages).messages.map((m) => m.text));
writeFileSync(out, `${texts.map((text) => JSON.stringify({ text })).join('\n')}\n`);
process.stderr.write(`wrote ${texts.length} messages (${which}, seed ${seed}) to ${out}\n`);
