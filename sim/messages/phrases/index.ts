import type { MessageLocale } from '../message-locale.js';
import { CS_PHRASES } from './cs.js';
import { DE_PHRASES } from './de.js';
import { EN_PHRASES } from './en.js';
import type { LocalePhrases } from './locale-phrases.js';
import { NL_PHRASES } from './nl.js';
import { SV_PHRASES } from './sv.js';

export type { LocalePhrases } from './locale-phrases.js';

export const PHRASES: Readonly<Record<MessageLocale, LocalePhrases>> = {
  en: EN_PHRASES, de: DE_PHRASES, nl: NL_PHRASES, sv: SV_PHRASES, cs: CS_PHRASES,
};
