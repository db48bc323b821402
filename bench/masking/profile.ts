// Profiling entry: generates the corpora once, then does nothing but mask
// them for a while, so a profiler sees the masking core, not faker.
//   node dist/bench/masking/profile.js [--seconds 10] [--corpus chat|dense|both]
//   NO_INSIGHT=1 npx clinic flame -- node dist/bench/masking/profile.js
// (clinic 13 on Node 20 needs NO_INSIGHT=1 when there is no terminal.)
import { maskText } from '../../engine/masking/index.js';
import { chatCorpus, denseCorpus } from './corpora.js';

const args = process.argv.slice(2);
const at = (name: string) => args.indexOf(name);
const seconds = at('--seconds') >= 0 ? Number(args[at('--seconds') + 1]) : 10;
const which = at('--corpus') >= 0 ? args[at('--corpus') + 1] : 'both';
if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('--seconds needs a positive number');
if (!['chat', 'dense', 'both'].includes(which)) throw new Error('--corpus is chat, dense or both');

const texts: string[] = [];
if (which !== 'dense') texts.push(...chatCorpus(1, 20000).messages.map((m) => m.text));
if (which !== 'chat') texts.push(...denseCorpus(1, 20000).messages.map((m) => m.text));
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
  `masked ${passes} passes of ${texts.length} messages (${which}) in ${elapsedS.toFixed(1)} s: ` +
  `${((chars * passes) / elapsedS / 1e6).toFixed(1)} million chars/s (checksum ${checksum % 1000})\n`,
);
