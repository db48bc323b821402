// redact-pii (https://www.npmjs.com/package/redact-pii) as a whole-process
// masker, line by line like naive-masker.ts: stdin to stdout through
// readline, each line through a SyncRedactor with its default rules. Not a
// project dependency: bench/mask-cli/main.ts installs the package into a
// scratch folder and passes that folder in REDACT_PII_PREFIX.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

interface SyncRedactor {
  redact(text: string): string;
}

const prefix = process.env.REDACT_PII_PREFIX;
if (!prefix) {
  process.stderr.write('redact-pii-masker: set REDACT_PII_PREFIX to the folder redact-pii is installed in (npm install --prefix DIR redact-pii)\n');
  process.exit(2);
}
const require = createRequire(join(prefix, 'package.json'));
const { SyncRedactor } = require('redact-pii') as { SyncRedactor: new () => SyncRedactor };
const redactor = new SyncRedactor();

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) process.stdout.write(`${redactor.redact(line)}\n`);
