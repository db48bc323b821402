#!/usr/bin/env ruby
# Values from Ruby Faker as Debian packages it (ruby-faker), for compose.mjs:
#   apt-get install ruby ruby-faker
#   ruby bench/masking/corpora/make-ruby-faker.rb | node bench/masking/corpora/compose.mjs > bench/masking/corpora/ruby-faker.jsonl
# (make.sh does both.) Seeded: the same Faker version gives the same values.
require 'json'
require 'faker'

GENERATOR = 'ruby-faker'
PER_TYPE = 30
# Corpus locale => [Faker locale, IBAN country or nil, a national identity number or nil].
LOCALES = {
  'en_US' => ['en-US', 'gb', -> { Faker::IDNumber.valid }],
  'en_GB' => ['en-GB', 'gb', nil],
  'de_DE' => ['de', 'de', nil],
  'nl_NL' => ['nl', 'nl', nil],
  'sv_SE' => ['sv', nil, nil],
  'da_DK' => ['da-DK', 'dk', nil],
  'nb_NO' => ['nb-NO', 'no', nil],
  'fi_FI' => ['fi-FI', 'fi', nil],
  'fr_FR' => ['fr', 'fr', nil],
  'es_ES' => ['es', 'es', -> { Faker::IDNumber.spanish_citizen_number }],
  'it_IT' => ['it', 'it', nil],
  'pl_PL' => ['pl', 'pl', nil],
  'pt_PT' => ['pt', 'pt', nil],
  'pt_BR' => ['pt-BR', 'br', -> { Faker::IDNumber.brazilian_citizen_number(formatted: true) }],
}.freeze
CARDS = %i[visa mastercard american_express discover diners_club jcb maestro dankort].freeze

def emit(locale, fields)
  puts JSON.generate({ 'generator' => GENERATOR, 'locale' => locale }.merge(fields))
end

LOCALES.each_with_index do |(locale, (faker_locale, iban_country, national_id)), n|
  Faker::Config.locale = faker_locale
  Faker::Config.random = Random.new(3000 + n)
  PER_TYPE.times { emit(locale, 'type' => 'phone', 'value' => Faker::PhoneNumber.phone_number, 'form' => 'phone_number') }
  (PER_TYPE / 2).times { emit(locale, 'type' => 'phone', 'value' => Faker::PhoneNumber.cell_phone, 'form' => 'cell_phone') }
  (PER_TYPE / 2).times { emit(locale, 'type' => 'phone', 'value' => Faker::PhoneNumber.cell_phone_with_country_code, 'form' => 'cell_phone_with_country_code') }
  PER_TYPE.times do |k|
    emit(locale, 'type' => 'email', 'value' => k.even? ? Faker::Internet.email : Faker::Internet.free_email, 'form' => k.even? ? 'email' : 'free_email')
  end
  PER_TYPE.times do |k|
    card = CARDS[k % CARDS.size]
    emit(locale, 'type' => 'card', 'value' => Faker::Finance.credit_card(card), 'form' => card.to_s)
  end
  if iban_country
    PER_TYPE.times { emit(locale, 'type' => 'iban', 'value' => Faker::Bank.iban(country_code: iban_country), 'form' => "iban #{iban_country}") }
  end
  if national_id
    PER_TYPE.times { emit(locale, 'type' => 'ssn', 'value' => national_id.call, 'form' => "id #{locale}") }
  end
  12.times do
    emit(locale, 'free' => 'postcode', 'value' => Faker::Address.zip_code)
    emit(locale, 'free' => 'date', 'value' => Faker::Date.between(from: Date.new(2023, 1, 1), to: Date.new(2026, 12, 31)).iso8601)
    emit(locale, 'free' => 'time', 'value' => format('%02d:%02d', Faker::Number.between(from: 0, to: 23), Faker::Number.between(from: 0, to: 59)))
    emit(locale, 'free' => 'amount', 'value' => Faker::Commerce.price(range: 1..9999.0).to_s)
    emit(locale, 'free' => 'ean', 'value' => Faker::Barcode.ean(13).to_s) rescue emit(locale, 'free' => 'ean', 'value' => Faker::Code.ean)
    emit(locale, 'free' => 'ip', 'value' => Faker::Internet.ip_v4_address)
    emit(locale, 'free' => 'uuid', 'value' => Faker::Internet.uuid)
    emit(locale, 'free' => 'plate', 'value' => Faker::Vehicle.license_plate) rescue nil
  end
end
