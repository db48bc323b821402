// The corpora of one bench run, generated from its seed: ordinary chat with
// little PII, PII-dense chat (with ground truth), PII-free chat (for false
// positives), and adversarial strings that would make a backtracking masker
// slow.
import { createMessageGenerator, generatePiiFreeMessage, type GeneratedMessage } from '../../sim/messages/index.js';
import { createRng, deriveSeed } from '../../sim/random/prng.js';

export interface MessageCorpus {
  name: 'chat' | 'dense';
  messages: GeneratedMessage[];
  chars: number;
}

export interface AdversarialInput {
  name: string;
  /** The repeated unit, for the report. */
  unit: string;
  /** Builds the input at a size in characters. */
  build(chars: number): string;
}

function corpus(name: MessageCorpus['name'], messages: GeneratedMessage[]): MessageCorpus {
  let chars = 0;
  for (const m of messages) chars += m.text.length;
  return { name, messages, chars };
}

export function chatCorpus(seed: number, count: number): MessageCorpus {
  const g = createMessageGenerator(deriveSeed(seed, 'chat'), { piiShare: 0.05, maxPiiPerMessage: 1 });
  return corpus('chat', Array.from({ length: count }, () => g.next()));
}

export function denseCorpus(seed: number, count: number): MessageCorpus {
  const g = createMessageGenerator(deriveSeed(seed, 'dense'), { piiShare: 1, maxPiiPerMessage: 3 });
  return corpus('dense', Array.from({ length: count }, () => g.next()));
}

export function piiFreeMessages(seed: number, count: number): GeneratedMessage[] {
  const rng = createRng(deriveSeed(seed, 'pii-free'));
  return Array.from({ length: count }, () => generatePiiFreeMessage(rng));
}

function repeated(name: string, unit: string): AdversarialInput {
  return { name, unit, build: (chars) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars) };
}

export const ADVERSARIAL_INPUTS: readonly AdversarialInput[] = [
  repeated('letters', 'a'),
  repeated('digits', '7'),
  repeated('at signs', '@'),
  repeated('spaced digits', '1 '),
  repeated('dashed digits', '4-'),
  repeated('separators', '- . ( ) '),
  repeated('plus signs', '+ '),
  repeated('local part and @', 'ab.'),
  repeated('phones in one run', '0612345678 '),
  repeated('cards in one run', '4111 1111 1111 1111 '),
  // The national id readers: letters glued to digits, ids back to back, date-serial numbers.
  repeated('letters and digits', 'a1B2'),
  repeated('lettered ids', 'AB123456C RSSMRA85T10A562S 12345678Z '),
  repeated('date serials', '850312-1234/'),
];

