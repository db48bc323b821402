// The languages of the seed guides, and the faker locale chain for each.
//
// Faker is imported per locale, not from its root: the root module builds
// every one of faker's ~70 locales on import (about 0.2 s of CPU), and each
// replication worker would pay it at start-up; the five entries used here
// cost about 0.06 s. Each entry's prebuilt instance has exactly the chain
// below ([locale, en, base]), so a new Faker on its merged definitions draws
// the same values as one built from the chain.
import type { Faker, LocaleDefinition } from '@faker-js/faker';
import { faker as csFaker } from '@faker-js/faker/locale/cs_CZ';
import { faker as deFaker } from '@faker-js/faker/locale/de';
import { faker as enFaker } from '@faker-js/faker/locale/en';
import { faker as nlFaker } from '@faker-js/faker/locale/nl';
import { faker as svFaker } from '@faker-js/faker/locale/sv';

export type MessageLocale = 'en' | 'de' | 'nl' | 'sv' | 'cs';

export const MESSAGE_LOCALES: readonly MessageLocale[] = ['en', 'de', 'nl', 'sv', 'cs'];

/** Each locale's prebuilt faker, whose chain is en: [en, base]; de: [de, en, base]; nl, sv, cs likewise. */
const PREBUILT: Record<MessageLocale, Faker> = { en: enFaker, de: deFaker, nl: nlFaker, sv: svFaker, cs: csFaker };

/** The Faker class, from a prebuilt instance (importing it by name would load faker's root). */
const FakerClass = enFaker.constructor as new (options: { locale: LocaleDefinition }) => Faker;

/** A faker for the locale, seeded: the same seed gives the same names and addresses. */
export function createLocaleFaker(locale: MessageLocale, seed: number): Faker {
  // A fresh instance per call: the prebuilt one is shared and its seed is global to it.
  const faker = new FakerClass({ locale: PREBUILT[locale].rawDefinitions });
  faker.seed(seed);
  return faker;
}
