// Seeded customer chat messages in the seed guides' languages. A configured
// share of messages carries cards, IBANs, SSNs, emails and phone numbers in
// their written forms, and every message says where each of them is.
import type { Faker } from '@faker-js/faker';
import { SENSITIVE_KINDS, type SensitiveKind, type SensitiveSpan } from '../../engine/masking/index.js';
import { createRng, deriveSeed, type Rng } from '../random/prng.js';
import { pick } from './draw.js';
import { isFigureName, writeFigure } from './figures.js';
import { MessageBuilder } from './message-builder.js';
import { MESSAGE_LOCALES, createLocaleFaker, type MessageLocale } from './message-locale.js';
import { PHRASES } from './phrases/index.js';
import { writePii } from './pii-values.js';

export interface MessageOptions {
  /** Languages to draw from (default: all five). */
  locales?: readonly MessageLocale[];
  /** Share of messages with at least one sensitive value (default 0.1). */
  piiShare?: number;
  /** At most this many sensitive values in one message (default 2). */
  maxPiiPerMessage?: number;
  /** Kinds of sensitive values to write (default: all). */
  kinds?: readonly SensitiveKind[];
  /** Share of messages with non-sensitive figures: prices, dates, order numbers... (default 0.3). */
  figureShare?: number;
}

export interface GeneratedMessage {
  text: string;
  /** Where the sensitive values are, in order: the ground truth. */
  spans: SensitiveSpan[];
  locale: MessageLocale;
}

export interface MessageGenerator {
  next(): GeneratedMessage;
}

const PLACEHOLDER = /\{(\w+)\}/g;

// Faker's words carry no trigger characters into the text: the only digits in
// a message are the figures and the sensitive values put there on purpose.
function sanitize(s: string): string {
  return s.replace(/[0-9@+()]/g, '').trim();
}

function fill(template: string, rng: Rng, faker: Faker, locale: MessageLocale): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    if (isFigureName(name)) return writeFigure(name, rng, locale);
    switch (name) {
      case 'name': return sanitize(faker.person.fullName());
      case 'first': return sanitize(faker.person.firstName());
      case 'product': return sanitize(faker.commerce.productName());
      case 'city': return sanitize(faker.location.city());
      default: throw new Error(`unknown placeholder {${name}}`);
    }
  });
}

function addPiiSentence(b: MessageBuilder, kind: SensitiveKind, rng: Rng, faker: Faker, locale: MessageLocale): void {
  const template = pick(rng, PHRASES[locale].pii[kind]);
  const at = template.indexOf('{v}');
  b.add(fill(template.slice(0, at), rng, faker, locale));
  b.addSensitive(writePii(kind, rng, faker, locale), kind);
  b.add(fill(template.slice(at + 3), rng, faker, locale));
}

type Sentence = { kind: 'text'; template: string } | { kind: 'pii'; pii: SensitiveKind };

function compose(rng: Rng, faker: Faker, locale: MessageLocale, options: Required<MessageOptions>): GeneratedMessage {
  const phrases = PHRASES[locale];
  const sentences: Sentence[] = [];
  const issues = 1 + rng.int(2);
  for (let k = 0; k < issues; k++) sentences.push({ kind: 'text', template: pick(rng, phrases.issues) });
  if (rng.chance(options.figureShare)) {
    const figures = 1 + rng.int(2);
    for (let k = 0; k < figures; k++) sentences.push({ kind: 'text', template: pick(rng, phrases.figures) });
  }
  if (options.kinds.length > 0 && rng.chance(options.piiShare)) {
    const count = 1 + rng.int(Math.max(1, options.maxPiiPerMessage));
    for (let k = 0; k < count; k++) {
      sentences.splice(1 + rng.int(sentences.length), 0, { kind: 'pii', pii: pick(rng, options.kinds) });
    }
  }

  const b = new MessageBuilder();
  if (rng.chance(0.7)) b.add(`${fill(pick(rng, phrases.greetings), rng, faker, locale)} `);
  sentences.forEach((sentence, k) => {
    if (k > 0) b.add(' ');
    if (sentence.kind === 'pii') addPiiSentence(b, sentence.pii, rng, faker, locale);
    else b.add(fill(sentence.template, rng, faker, locale));
  });
  if (rng.chance(0.5)) b.add(` ${fill(pick(rng, phrases.closings), rng, faker, locale)}`);
  return { text: b.text, spans: b.spans, locale };
}

function withDefaults(options: MessageOptions): Required<MessageOptions> {
  return {
    locales: options.locales ?? MESSAGE_LOCALES,
    piiShare: options.piiShare ?? 0.1,
    maxPiiPerMessage: options.maxPiiPerMessage ?? 2,
    kinds: options.kinds ?? SENSITIVE_KINDS,
    figureShare: options.figureShare ?? 0.3,
  };
}

/** A stream of messages from one seed: the same seed gives the same messages. */
export function createMessageGenerator(seed: number, options: MessageOptions = {}): MessageGenerator {
  const resolved = withDefaults(options);
  const rng = createRng(deriveSeed(seed, 'messages'));
  const fakers = new Map<MessageLocale, Faker>();
  const fakerFor = (locale: MessageLocale): Faker => {
    let faker = fakers.get(locale);
    if (faker === undefined) {
      faker = createLocaleFaker(locale, deriveSeed(seed, 'faker', locale));
      fakers.set(locale, faker);
    }
    return faker;
  };
  return {
    next() {
      const locale = pick(rng, resolved.locales);
      return compose(rng, fakerFor(locale), locale, resolved);
    },
  };
}

function seedOf(source: Rng | number): number {
  return typeof source === 'number' ? source : source.nextUint32();
}

/** One message, from a seed or drawn from a seeded stream. */
export function generateMessage(source: Rng | number, options: MessageOptions = {}): GeneratedMessage {
  return createMessageGenerator(seedOf(source), options).next();
}

/**
 * One message with no sensitive value, by construction: faker's words lose
 * their digits, `@`, `+` and parentheses, and the only figures are prices,
 * dates, times, order and reference numbers that fail Luhn, decimals,
 * timestamps, versions, tracking numbers and IP addresses. What a masker
 * finds here is a false positive.
 */
export function generatePiiFreeMessage(source: Rng | number, options: Omit<MessageOptions, 'piiShare' | 'kinds'> = {}): GeneratedMessage {
  return generateMessage(source, { figureShare: 0.6, ...options, piiShare: 0, kinds: [] });
}
