// Debian's Chromium driven by playwright-core, for tests that look at pages
// as a person would. Nothing is downloaded: the browser is the system one
// (.ci/run installs it), the profile is fresh, and every request that is not
// a file:// read is refused and recorded, so a page that tries the network
// shows up in the test.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CCTWIN_CHROMIUM ?? '/usr/bin/chromium';

/** Why browser tests cannot run here, or null when they can. */
export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM_PATH) ? null : `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium; .ci/run does)`;
}

const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export const ARTIFACTS_DIR = join(process.cwd(), 'test-artifacts', 'browser');

export interface Browser {
  context: BrowserContext;
  /** Requests refused because they were not file:// reads (should stay empty). */
  refused: string[];
  /** Console errors and uncaught page errors (should stay empty). */
  errors: string[];
  open(url: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'cctwin-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    offline: true,
  });
  const refused: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    refused.push(url);
    return route.abort();
  });
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return {
    context, refused, errors,
    async open(url) {
      const page = await context.newPage();
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
