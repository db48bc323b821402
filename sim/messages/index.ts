// Seeded customer messages with known PII: for scenarios, tests and the masking bench.
export {
  createMessageGenerator, generateMessage, generatePiiFreeMessage,
  type GeneratedMessage, type MessageGenerator, type MessageOptions,
} from './message-generator.js';
export { MESSAGE_LOCALES, type MessageLocale } from './message-locale.js';
