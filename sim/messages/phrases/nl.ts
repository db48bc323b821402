import type { LocalePhrases } from './locale-phrases.js';

export const NL_PHRASES: LocalePhrases = {
  greetings: ['Hoi', 'Hallo', 'Goedemiddag', 'Beste klantenservice,', 'Goedemorgen'],
  closings: ['Bedankt!', 'Alvast bedankt.', 'Groetjes, {first}', 'Met vriendelijke groet, {name}', 'Dank je wel'],
  issues: [
    'Ik heb een {product} besteld en die is nog steeds niet binnen.',
    'De {product} is beschadigd aangekomen.',
    'Ik kan sinds gisteren niet meer inloggen.',
    'Wanneer wordt mijn terugbetaling verwerkt?',
    'Mijn naam is {name} en ik heb een vraag over mijn abonnement.',
    'Ik ben verhuisd naar {city}, hoe pas ik mijn adres aan?',
    'De app crasht als ik de instellingen open.',
    'Ik heb twee keer betaald voor dezelfde bestelling.',
    'Kan ik de bezorgdatum wijzigen?',
    'Uw collega zou me terugbellen, maar niemand heeft gebeld.',
  ],
  pii: {
    card: ['Mijn kaartnummer is {v}.', 'Ik heb betaald met kaart {v}', 'creditcard: {v}'],
    iban: ['Graag terugstorten op {v}.', 'Mijn IBAN is {v}', 'rekeningnummer: {v}'],
    ssn: ['Mijn Amerikaanse SSN is {v}.', 'SSN: {v}'],
    email: ['Je kunt me mailen op {v}.', 'Mijn e-mailadres is {v}', 'Stuur de factuur naar {v}!'],
    phone: ['Bel me op {v}.', 'Mijn nummer is {v}', 'Bereikbaar op {v} na vijf uur.', 'tel: {v}'],
  },
  figures: [
    'Het kostte {price}.',
    'Ik heb op {date} om {time} besteld.',
    'Mijn bestelnummer is {order}.',
    'Op de brief staat kenmerk {ref16}.',
    'De app toont een saldo van {decimal}.',
    'In het logboek staat {timestamp}.',
    'Ik kreeg {percent} korting.',
    'Ik heb er nog {qty} nodig.',
    'Ik gebruik versie {version}.',
    'Trackingnummer {tracking}.',
    'Mijn router heeft adres {ip}.',
    'De foutcode was {epoch}.',
  ],
};
