// What a locale's customers write. `{v}` marks the sensitive value of a PII
// sentence; `{name}`, `{first}`, `{product}`, `{city}` come from faker; the
// figure placeholders (`{price}`, `{date}`, ...) are filled by figures.ts.
import type { SensitiveKind } from '../../../engine/masking/index.js';

export interface LocalePhrases {
  greetings: readonly string[];
  closings: readonly string[];
  /** The customer's problem, no sensitive data. */
  issues: readonly string[];
  /** Sentences that carry one value of the kind at `{v}`. */
  pii: Readonly<Record<SensitiveKind, readonly string[]>>;
  /** Sentences with figures that are not sensitive: prices, dates, order numbers... */
  figures: readonly string[];
}
