// What the masking core finds: a half-open range of the input and what it holds.

export type SensitiveKind = 'card' | 'iban' | 'ssn' | 'phone' | 'email';

export const SENSITIVE_KINDS: readonly SensitiveKind[] = ['card', 'iban', 'ssn', 'phone', 'email'];

export interface SensitiveSpan {
  start: number;
  end: number;
  kind: SensitiveKind;
}
