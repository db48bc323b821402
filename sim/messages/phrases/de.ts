import type { LocalePhrases } from './locale-phrases.js';

export const DE_PHRASES: LocalePhrases = {
  greetings: ['Hallo', 'Guten Tag', 'Moin', 'Hallo zusammen', 'Sehr geehrte Damen und Herren,'],
  closings: ['Danke!', 'Vielen Dank.', 'Viele Grüße, {first}', 'Mit freundlichen Grüßen, {name}', 'Danke im Voraus'],
  issues: [
    'Ich habe {product} bestellt und es ist immer noch nicht angekommen.',
    'Der Artikel {product} ist beschädigt angekommen.',
    'Ich kann mich seit gestern nicht mehr anmelden.',
    'Wann wird meine Rückerstattung bearbeitet?',
    'Mein Name ist {name}, ich brauche Hilfe mit meinem Abo.',
    'Ich bin nach {city} umgezogen, wie ändere ich meine Adresse?',
    'Die App stürzt ab, sobald ich die Einstellungen öffne.',
    'Mir wurde dieselbe Bestellung zweimal berechnet.',
    'Kann ich den Liefertermin ändern?',
    'Ihr Kollege wollte mich zurückrufen, aber niemand hat sich gemeldet.',
  ],
  pii: {
    card: ['Meine Kartennummer ist {v}.', 'Bitte belasten Sie die Karte {v}', 'Ich habe mit der Karte {v} bezahlt.', 'Karte: {v}'],
    iban: ['Bitte überweisen Sie das Geld auf {v}.', 'Meine IBAN lautet {v}', 'IBAN: {v}'],
    ssn: ['Meine amerikanische Sozialversicherungsnummer ist {v}.', 'SSN: {v}'],
    email: ['Sie erreichen mich per Mail unter {v}.', 'Meine E-Mail-Adresse ist {v}', 'Bitte schicken Sie die Rechnung an {v}!'],
    phone: ['Rufen Sie mich unter {v} an.', 'Meine Nummer ist {v}', 'Tel.: {v}', 'Erreichbar unter {v} ab fünf Uhr.'],
  },
  figures: [
    'Es hat {price} gekostet.',
    'Ich habe am {date} um {time} bestellt.',
    'Meine Bestellnummer ist {order}.',
    'Auf dem Brief steht die Referenz {ref16}.',
    'Die App zeigt ein Guthaben von {decimal}.',
    'Im Protokoll steht {timestamp}.',
    'Ich habe {percent} Rabatt bekommen.',
    'Ich brauche noch {qty}.',
    'Ich nutze Version {version}.',
    'Sendungsnummer {tracking}.',
    'Mein Router hat die Adresse {ip}.',
    'Der Fehlercode war {epoch}.',
  ],
};
