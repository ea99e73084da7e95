// Screenshots of site pages for the README, at a phone's width and a
// desktop's: node screenshots.mjs SITE OUT PAGE... (PAGE relative to
// SITE, e.g. nb/joblearn/index.html). Pages are opened from disk, as the
// site works; nothing else is loaded. The browser is Debian's
// /usr/bin/chromium (CHROMIUM overrides it).
import { chromium } from 'playwright-core';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [site, out, ...pages] = process.argv.slice(2);
if (!site || !out || pages.length === 0) {
  process.stderr.write('usage: node screenshots.mjs SITE OUT PAGE...\n');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  for (const width of [320, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: width === 320 ? 640 : 900 }, colorScheme: 'light', locale: 'nb-NO' });
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    const page = await context.newPage();
    for (const p of pages) {
      await page.goto(pathToFileURL(path.resolve(site, p)).href, { waitUntil: 'load' });
      const name = p.replace(/\/index\.html$/, '').replace(/[/.]+/g, '-') + `-${width}.png`;
      // The first screen: what a reader sees before scrolling.
      await page.screenshot({ path: path.join(out, name), animations: 'disabled' });
      process.stdout.write(path.join(out, name) + '\n');
    }
    await context.close();
  }
} finally {
  await browser.close();
}
