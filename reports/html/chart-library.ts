// Chart.js, read from node_modules when a page is rendered and inlined into
// it, so report.html opens offline and `npm ci` is all a machine needs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/** The UMD build (it defines `window.Chart`), without its source-map comment. */
export function chartLibrarySource(): string {
  if (cached === undefined) {
    // chart.js exports only its module entries; the UMD file sits beside them in dist/.
    const entry = createRequire(import.meta.url).resolve('chart.js');
    const source = readFileSync(join(dirname(entry), 'chart.umd.min.js'), 'utf8');
    cached = source.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  }
  return cached;
}
