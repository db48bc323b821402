// The languages of the seed guides, and the faker locale chain for each.
import { Faker, base, cs_CZ, de, en, nl, sv, type LocaleDefinition } from '@faker-js/faker';

export type MessageLocale = 'en' | 'de' | 'nl' | 'sv' | 'cs';

export const MESSAGE_LOCALES: readonly MessageLocale[] = ['en', 'de', 'nl', 'sv', 'cs'];

const FAKER_LOCALES: Record<MessageLocale, LocaleDefinition[]> = {
  en: [en, base],
  de: [de, en, base],
  nl: [nl, en, base],
  sv: [sv, en, base],
  cs: [cs_CZ, en, base],
};

/** A faker for the locale, seeded: the same seed gives the same names and addresses. */
export function createLocaleFaker(locale: MessageLocale, seed: number): Faker {
  const faker = new Faker({ locale: FAKER_LOCALES[locale] });
  faker.seed(seed);
  return faker;
}
