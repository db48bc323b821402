<?php
// Values from PHP Faker (FakerPHP) as Debian packages it (php-faker), for
// compose.mjs:
//   apt-get install php-cli php-faker
//   php bench/masking/corpora/make-php-faker.php | node bench/masking/corpora/compose.mjs > bench/masking/corpora/php-faker.jsonl
// (make.sh does both.) Seeded: the same Faker version gives the same values.
require_once '/usr/share/php/Faker/autoload.php';

const GENERATOR = 'php-faker';
const PER_TYPE = 30;
// Corpus locale => [IBAN country, the locale's national identity number method].
$locales = [
  'en_US' => ['GB', 'ssn'], 'en_GB' => ['GB', 'nino'], 'de_DE' => ['DE', null], 'nl_NL' => ['NL', 'idNumber'],
  'sv_SE' => ['SE', 'personalIdentityNumber'], 'cs_CZ' => ['CZ', 'birthNumber'], 'da_DK' => ['DK', 'cpr'],
  'nb_NO' => ['NO', 'personalIdentityNumber'], 'fi_FI' => ['FI', 'personalIdentityNumber'], 'fr_FR' => ['FR', 'nir'],
  'es_ES' => ['ES', 'dni'], 'it_IT' => ['IT', 'taxId'], 'pl_PL' => ['PL', 'pesel'], 'pt_PT' => ['PT', 'taxpayerIdentificationNumber'],
  'pt_BR' => ['BR', 'cpf'],
];
$cardTypes = ['Visa', 'MasterCard', 'American Express', 'Discover Card', 'JCB', 'Visa Retired'];

function emit(string $locale, array $fields): void {
  echo json_encode(['generator' => GENERATOR, 'locale' => $locale] + $fields, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), "\n";
}

$n = 0;
foreach ($locales as $locale => [$ibanCountry, $idMethod]) {
  $f = Faker\Factory::create($locale);
  $f->seed(2000 + $n++);
  for ($k = 0; $k < PER_TYPE * 2; $k++) emit($locale, ['type' => 'phone', 'value' => $f->phoneNumber(), 'form' => 'phoneNumber']);
  for ($k = 0; $k < 8; $k++) emit($locale, ['type' => 'phone', 'value' => $f->e164PhoneNumber(), 'form' => 'e164PhoneNumber']);
  for ($k = 0; $k < PER_TYPE; $k++) emit($locale, ['type' => 'email', 'value' => $f->email(), 'form' => 'email']);
  for ($k = 0; $k < PER_TYPE; $k++) {
    $type = $cardTypes[$k % count($cardTypes)];
    emit($locale, ['type' => 'card', 'value' => (string) @$f->creditCardNumber($type), 'form' => $type]);
  }
  for ($k = 0; $k < PER_TYPE; $k++) emit($locale, ['type' => 'iban', 'value' => $f->iban($ibanCountry), 'form' => "iban $ibanCountry"]);
  if ($idMethod !== null) {
    for ($k = 0; $k < PER_TYPE; $k++) emit($locale, ['type' => 'ssn', 'value' => (string) $f->$idMethod(), 'form' => "$idMethod $locale"]);
  }
  for ($k = 0; $k < 12; $k++) {
    emit($locale, ['free' => 'postcode', 'value' => (string) $f->postcode()]);
    emit($locale, ['free' => 'date', 'value' => $f->dateTimeBetween('2023-01-01', '2026-12-31')->format('Y-m-d')]);
    emit($locale, ['free' => 'time', 'value' => sprintf('%02d:%02d', $f->numberBetween(0, 23), $f->numberBetween(0, 59))]);
    emit($locale, ['free' => 'amount', 'value' => (string) $f->randomFloat(2, 1, 9999)]);
    emit($locale, ['free' => 'ean', 'value' => $f->ean13()]);
    emit($locale, ['free' => 'ip', 'value' => $f->ipv4()]);
    emit($locale, ['free' => 'uuid', 'value' => $f->uuid()]);
  }
}
