// The seam the routing engine and the benchmarks use: anything that turns a
// text into its agent-facing form. Swap in another implementation to compare.
import { maskText } from './mask-text.js';

export interface Masker {
  mask(text: string): string;
}

const identity: Masker = { mask: (text) => text };
const masking: Masker = { mask: maskText };

/** The tenant's masker: masks when `maskSensitiveData` is on, identity otherwise. */
export function createMasker(enabled: boolean): Masker {
  return enabled ? masking : identity;
}
