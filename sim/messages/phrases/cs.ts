import type { LocalePhrases } from './locale-phrases.js';

export const CS_PHRASES: LocalePhrases = {
  greetings: ['Dobrý den', 'Ahoj', 'Dobré ráno', 'Zdravím', 'Dobrý den,'],
  closings: ['Díky!', 'Děkuji.', 'S pozdravem {name}', 'Předem děkuji, {first}', 'Děkuji moc'],
  issues: [
    'Objednal jsem {product} a pořád nedorazil.',
    'Zboží {product} dorazilo poškozené.',
    'Od včerejška se nemůžu přihlásit.',
    'Kdy mi vrátíte peníze?',
    'Jmenuji se {name} a potřebuji pomoc s předplatným.',
    'Přestěhoval jsem se do města {city}, jak změním adresu?',
    'Aplikace spadne, když otevřu nastavení.',
    'Za stejnou objednávku mi bylo účtováno dvakrát.',
    'Můžu změnit datum doručení?',
    'Váš kolega mi měl zavolat zpět, ale nikdo se neozval.',
  ],
  pii: {
    card: ['Číslo mé karty je {v}.', 'Platil jsem kartou {v}', 'karta: {v}'],
    iban: ['Peníze prosím vraťte na {v}.', 'Můj IBAN je {v}', 'IBAN: {v}'],
    ssn: ['Moje americké SSN je {v}.', 'SSN: {v}'],
    email: ['Napište mi na {v}.', 'Můj e-mail je {v}', 'Fakturu pošlete na {v}!'],
    phone: ['Zavolejte mi na {v}.', 'Moje číslo je {v}', 'Jsem k zastižení na {v} po páté.', 'tel.: {v}'],
  },
  figures: [
    'Stálo to {price}.',
    'Objednal jsem to {date} v {time}.',
    'Číslo objednávky je {order}.',
    'Na dopise je uvedena reference {ref16}.',
    'Aplikace ukazuje zůstatek {decimal}.',
    'V logu je {timestamp}.',
    'Dostal jsem slevu {percent}.',
    'Potřebuji ještě {qty}.',
    'Používám verzi {version}.',
    'Číslo zásilky {tracking}.',
    'Můj router má adresu {ip}.',
    'Chybový kód byl {epoch}.',
  ],
};
