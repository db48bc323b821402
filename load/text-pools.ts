// The words simulated people write, drawn once before the run from its seed
// (faker and the message generator are too slow to call per message at
// thousands of messages a second): customer messages from sim/messages, a
// share of them holding cards, IBANs, SSNs, emails and phone numbers; agent
// replies made with faker, free of digits and of Livechat's reserved `<` `>`.
// The customer texts come with the values they hold (the generator's ground
// truth), which the leak check searches agent frames for.
import type { InjectedValue } from '../sim/messages/leak-oracle.js';
import { createLocaleFaker } from '../sim/messages/message-locale.js';
import { createMessageGenerator } from '../sim/messages/index.js';
import { writePhone } from '../sim/messages/pii-values.js';
import { createRng, deriveSeed, type Rng } from '../sim/random/prng.js';

export interface TextPools {
  customer: readonly string[];
  agent: readonly string[];
  /** The sensitive values written into the customer texts (those a text cut to length still holds whole). */
  customerValues: readonly InjectedValue[];
}

/** Longest text drawn: under every channel's reply limit, with room for the message tag. */
const MAX_TEXT_CHARS = 900;

export function createTextPools(seed: number, piiShare: number, size = 512): TextPools {
  const messages = createMessageGenerator(deriveSeed(seed, 'load-customer-texts'), { piiShare });
  const customerValues: InjectedValue[] = [];
  const customer = Array.from({ length: size }, () => {
    const m = messages.next();
    for (const s of m.spans) if (s.end <= MAX_TEXT_CHARS) customerValues.push({ value: m.text.slice(s.start, s.end), kind: s.kind });
    return m.text.slice(0, MAX_TEXT_CHARS);
  });
  const faker = createLocaleFaker('en', deriveSeed(seed, 'load-agent-texts'));
  const agent = Array.from({ length: size }, () => {
    const text = `${faker.helpers.arrayElement(['Thanks', 'Sure', 'Of course', 'Let me check', 'Got it'])}, ${faker.person.firstName()}. ${faker.company.catchPhrase()}. ${faker.hacker.phrase()}`;
    return text.replace(/[0-9<>@+()]/g, '').slice(0, MAX_TEXT_CHARS);
  });
  return { customer, agent, customerValues };
}

export function pickText(pool: readonly string[], rng: Rng): string {
  return pool[rng.int(pool.length)]!;
}

/** A mobile number for an SMS or WhatsApp customer: agents must only ever see it masked. */
export function customerNumber(rng: Rng): string {
  return writePhone(rng, 'en');
}

export { createRng, deriveSeed };
