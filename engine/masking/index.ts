// Masking of PCI (cards, IBANs, SSNs) and PII (emails, phone numbers) on
// agent-facing surfaces: what counts as each kind is in docs/masking.md.
export type { SensitiveKind, SensitiveSpan } from './sensitive-span.js';
export { SENSITIVE_KINDS } from './sensitive-span.js';
export { findSensitiveSpans, maskText, maskValue } from './mask-text.js';
export { createMasker, type Masker } from './masker.js';
export { isValidCardNumber, luhnCheckDigit } from './card.js';
export { isValidIban, ibanCheckDigits, ibanLengthOf } from './iban.js';
export { isValidSsnText } from './ssn.js';
export { maskIdentityField, isNumberValue, type FieldTextMasker } from './identity-field.js';
