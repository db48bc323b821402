import type { LocalePhrases } from './locale-phrases.js';

export const SV_PHRASES: LocalePhrases = {
  greetings: ['Hej', 'Hejsan', 'God morgon', 'Hej hej', 'Hallå'],
  closings: ['Tack!', 'Tack på förhand.', 'Mvh {first}', 'Med vänliga hälsningar, {name}', 'Tack så mycket'],
  issues: [
    'Jag beställde en {product} men den har fortfarande inte kommit.',
    'Min {product} kom fram trasig.',
    'Jag kan inte logga in sedan i går.',
    'När betalas min återbetalning ut?',
    'Jag heter {name} och behöver hjälp med mitt abonnemang.',
    'Jag har flyttat till {city}, hur ändrar jag min adress?',
    'Appen kraschar när jag öppnar inställningarna.',
    'Jag har debiterats två gånger för samma order.',
    'Kan jag ändra leveransdatum?',
    'Din kollega skulle ringa tillbaka men ingen hörde av sig.',
  ],
  pii: {
    card: ['Mitt kortnummer är {v}.', 'Jag betalade med kortet {v}', 'kort: {v}'],
    iban: ['Betala tillbaka till {v}.', 'Mitt IBAN är {v}', 'IBAN: {v}'],
    ssn: ['Mitt amerikanska SSN är {v}.', 'SSN: {v}'],
    email: ['Du kan mejla mig på {v}.', 'Min e-post är {v}', 'Skicka fakturan till {v}!'],
    phone: ['Ring mig på {v}.', 'Mitt nummer är {v}', 'Nås på {v} efter fem.', 'tel: {v}'],
  },
  figures: [
    'Det kostade {price}.',
    'Jag beställde den {date} kl. {time}.',
    'Mitt ordernummer är {order}.',
    'På brevet står referens {ref16}.',
    'Appen visar ett saldo på {decimal}.',
    'I loggen står det {timestamp}.',
    'Jag fick {percent} rabatt.',
    'Jag behöver {qty} till.',
    'Jag kör version {version}.',
    'Spårningsnummer {tracking}.',
    'Min router har adressen {ip}.',
    'Felkoden var {epoch}.',
  ],
};
