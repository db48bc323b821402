import type { LocalePhrases } from './locale-phrases.js';

export const EN_PHRASES: LocalePhrases = {
  greetings: ['Hi', 'Hello', 'Hey there', 'Good morning', 'Hi team'],
  closings: ['Thanks!', 'Thank you.', 'Cheers', 'Kind regards, {first}', 'Thanks in advance, {first}'],
  issues: [
    'I ordered a {product} and it still has not arrived.',
    'The {product} I received is damaged.',
    'I cannot log in to my account since yesterday.',
    'Can you tell me when my refund will be processed?',
    'My name is {name} and I need help with my subscription.',
    'I moved to {city}, how do I update my address?',
    'The app crashes every time I open the settings page.',
    'I was charged twice for the same order.',
    'Is it possible to change the delivery date?',
    'Your colleague promised to call me back but nobody did.',
  ],
  pii: {
    card: ['My card number is {v}.', 'Please charge the card {v}', 'I paid with card {v}, can you check?', 'card: {v}'],
    iban: ['Please refund to my account {v}.', 'My IBAN is {v}', 'IBAN: {v}'],
    ssn: ['My SSN is {v}.', 'social security number {v}', 'SSN: {v}'],
    email: ['You can email me at {v}.', 'My email is {v}', 'Please send the invoice to {v}!'],
    phone: ['Call me on {v}.', 'My number is {v}', 'You can reach me at {v} after five.', 'phone: {v}'],
  },
  figures: [
    'It cost {price}.',
    'I ordered it on {date} at {time}.',
    'My order number is {order}.',
    'The reference on the letter says {ref16}.',
    'The app shows a balance of {decimal}.',
    'The log says {timestamp}.',
    'I got a {percent} discount.',
    'I need {qty} more.',
    'I am on version {version}.',
    'Tracking number {tracking}.',
    'My router has the address {ip}.',
    'The error code was {epoch}.',
  ],
};
