#!/usr/bin/python3
# Values from Python Faker as Debian packages it (python3-fake-factory), for
# compose.mjs. Run with Debian's python, where apt installed the package:
#   apt-get install python3-fake-factory
#   /usr/bin/python3 bench/masking/corpora/make-python-faker.py | node bench/masking/corpora/compose.mjs > bench/masking/corpora/python-faker.jsonl
# (make.sh does both.) Seeded: the same Faker version gives the same values.
import datetime
import json
import sys

import faker
from faker import Faker

# Corpus locale -> Faker locale (Faker 0.9.3 has no_NO, not nb_NO, and no da_DK).
LOCALES = {
    'en_US': 'en_US', 'en_GB': 'en_GB', 'de_DE': 'de_DE', 'nl_NL': 'nl_NL', 'sv_SE': 'sv_SE', 'cs_CZ': 'cs_CZ',
    'nb_NO': 'no_NO', 'fi_FI': 'fi_FI', 'fr_FR': 'fr_FR', 'es_ES': 'es_ES', 'it_IT': 'it_IT', 'pl_PL': 'pl_PL',
    'pt_PT': 'pt_PT', 'pt_BR': 'pt_BR',
}
CARD_TYPES = ['visa16', 'visa13', 'visa19', 'mastercard', 'amex', 'discover', 'jcb15', 'jcb16', 'diners', 'maestro']
PER_TYPE = 30
GENERATOR = 'python-faker'


def emit(locale, **fields):
    sys.stdout.write(json.dumps(dict(generator=GENERATOR, locale=locale, **fields), ensure_ascii=False) + '\n')


for n, (locale, faker_locale) in enumerate(LOCALES.items()):
    f = Faker(faker_locale)
    f.seed_instance(1000 + n)
    for k in range(PER_TYPE * 2):
        emit(locale, type='phone', value=f.phone_number(), form='phone_number')
    for k in range(4):
        emit(locale, type='phone', value=f.msisdn(), form='msisdn')
    for k in range(PER_TYPE):
        emit(locale, type='email', value=f.email(), form='email')
    for k in range(PER_TYPE):
        card = CARD_TYPES[k % len(CARD_TYPES)]
        emit(locale, type='card', value=f.credit_card_number(card_type=card), form=card)
    for k in range(PER_TYPE):
        emit(locale, type='iban', value=f.iban(), form='iban')
    for k in range(PER_TYPE):
        emit(locale, type='ssn', value=f.ssn(), form='ssn ' + faker_locale)
    for k in range(12):
        emit(locale, free='postcode', value=f.postcode())
        emit(locale, free='date', value=f.date_between_dates(datetime.date(2023, 1, 1), datetime.date(2026, 12, 31)).isoformat())
        emit(locale, free='time', value='%02d:%02d' % (f.random_int(0, 23), f.random_int(0, 59)))
        emit(locale, free='amount', value=str(round(f.pyfloat(left_digits=4, right_digits=2, positive=True), 2)))
        emit(locale, free='ean', value=f.ean13())
        emit(locale, free='ip', value=f.ipv4())
        emit(locale, free='uuid', value=f.uuid4())
        if hasattr(f, 'license_plate'):
            emit(locale, free='plate', value=f.license_plate())

sys.stderr.write(json.dumps({'generator': GENERATOR, 'version': faker.VERSION}) + '\n')
