#!/usr/bin/env node
// browse.mjs: click through a built site the way a reader would, in headless
// Chromium, and take screenshots.
//
//   node tools/browser/browse.mjs [--base-url URL] [--scheme light|dark]
//                                 [--width PX] SITE SHOTS
//
// SITE is a folder made by "personvern build"; it is served over HTTP on
// 127.0.0.1 at a random port (a directory serves its index.html; a directory
// without its trailing slash is redirected, as on GitHub Pages). The walk:
//
//   front page -> the bokmål link (hreflang="nb") -> nb/ index
//   -> the first notice's title link -> nb/<id>/ (lang="nb", one h1)
//   -> the language switch (hreflang="nn", "Les på nynorsk")
//   -> nn/<id>/, the same notice (lang="nn", one h1)
//   -> "Alle personvernerklæringane" -> nn/ index (lang="nn", lists <id>)
//
// Full-page screenshots go to SHOTS: front.png, index-nb.png, notice-nb.png,
// notice-nn.png and index-nn.png.
//
// A privacy page must make no outside request: every request that does not
// go to the local server is aborted and fails the run, as does a page that
// answers 4xx/5xx, a script error or a console error.
//
// --base-url URL is the site's public address (base_url in personvern.yaml).
// A site built with one links the other language by its absolute public
// address. With the flag, requests under URL are answered from SITE too, as
// if the site were published there, and the report lists them under
// "viaBaseURL"; without it they are outside requests like any other.
//
// Stdout gets one JSON document: {ok, chromium, server, baseURL, scheme,
// viewport, steps: [{name, url, path, lang, h1, title}], screenshots,
// viaBaseURL, outsideRequests, httpErrors, pageErrors, consoleErrors,
// failures}.
//
// Exit status: 0 everything held, 1 an assertion failed (or an outside
// request, HTTP error or page error), 2 trouble (bad arguments, the
// browser could not run).
//
// The browser is Debian's /usr/bin/chromium (CHROMIUM overrides it).

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const PAGE_TIMEOUT_MS = 30_000;
const NAV_TIMEOUT_MS = 15_000;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

function usage() {
  process.stderr.write('usage: node browse.mjs [--base-url URL] [--scheme light|dark] [--width PX] SITE SHOTS\n' +
    'Serves SITE on 127.0.0.1, clicks front page -> nb index -> first notice -> nn -> nn index\n' +
    'in headless Chromium and saves full-page screenshots in SHOTS.\n' +
    'Exit 0 ok, 1 assertion failed, 2 trouble.\n');
}

function fail(msg) {
  process.stderr.write(`browse.mjs: ${msg}\n`);
  process.exit(2);
}

class AssertionError extends Error {}

function check(cond, msg) {
  if (!cond) throw new AssertionError(msg);
}

function parseArgs(argv) {
  const opt = { baseURL: null, scheme: 'light', width: 1280, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) fail(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '-h' || a === '--help') {
      usage();
      process.exit(0);
    } else if (a === '--base-url') {
      opt.baseURL = value();
    } else if (a === '--scheme') {
      opt.scheme = value();
    } else if (a === '--width') {
      opt.width = Number(value());
    } else if (a.startsWith('--')) {
      usage();
      fail(`unknown flag ${a}`);
    } else {
      opt.rest.push(a);
    }
  }
  if (opt.rest.length !== 2) {
    usage();
    process.exit(2);
  }
  if (opt.baseURL !== null) {
    let u;
    try {
      u = new URL(opt.baseURL);
    } catch {
      fail(`--base-url ${opt.baseURL}: not a URL`);
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') fail(`--base-url ${opt.baseURL}: not http(s)`);
    u.search = '';
    u.hash = '';
    if (!u.pathname.endsWith('/')) u.pathname += '/';
    opt.baseURL = u.href;
  }
  if (!['light', 'dark'].includes(opt.scheme)) fail(`--scheme ${opt.scheme}: want light or dark`);
  if (!Number.isInteger(opt.width) || opt.width < 200 || opt.width > 4000) fail(`--width: want a whole number of pixels, 200 to 4000`);
  return opt;
}

// lookup answers a GET for pathname (URL-encoded, starting with "/") from
// the folder root: {status, headers, body}.
function lookup(root, pathname) {
  const text = (status, msg, headers = {}) => ({
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
    body: Buffer.from(msg + '\n'),
  });
  let p;
  try {
    p = decodeURIComponent(pathname);
  } catch {
    return text(400, 'bad path');
  }
  if (p.includes('\0') || !p.startsWith('/')) return text(400, 'bad path');
  const file = path.join(root, path.posix.normalize(p));
  if (file !== root && !file.startsWith(root + path.sep)) return text(403, 'outside the site');
  let st;
  try {
    st = fs.statSync(file);
  } catch {
    return text(404, 'not found');
  }
  let target = file;
  if (st.isDirectory()) {
    if (!p.endsWith('/')) {
      // Relative, so that it holds under any base path.
      return text(301, 'moved', { location: encodeURIComponent(path.posix.basename(p)) + '/' });
    }
    target = path.join(file, 'index.html');
    try {
      st = fs.statSync(target);
    } catch {
      return text(404, 'not found');
    }
  }
  if (!st.isFile()) return text(404, 'not found');
  const body = fs.readFileSync(target);
  return {
    status: 200,
    headers: {
      'content-type': TYPES[path.extname(target).toLowerCase()] || 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
    body,
  };
}

function serve(root) {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    const r = lookup(root, pathname);
    res.writeHead(r.status, { ...r.headers, 'content-length': r.body.length });
    res.end(req.method === 'HEAD' ? undefined : r.body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  const [siteArg, shotsArg] = opt.rest;
  const site = path.resolve(siteArg);
  const shots = path.resolve(shotsArg);
  if (!fs.existsSync(path.join(site, 'index.html'))) fail(`${siteArg}: no index.html (not a built site?)`);
  try {
    fs.mkdirSync(shots, { recursive: true });
  } catch (err) {
    fail(`${shotsArg}: ${err.message}`);
  }

  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    fail(`no browser at ${executablePath} (apt-get install chromium, or set CHROMIUM)`);
  }

  const server = await serve(site).catch((err) => fail(`cannot start the HTTP server: ${err.message}`));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const home = origin + '/';

  const report = {
    ok: false,
    chromium: null,
    server: home,
    baseURL: opt.baseURL,
    scheme: opt.scheme,
    viewport: null,
    steps: [],
    screenshots: [],
    viaBaseURL: [],
    outsideRequests: [],
    httpErrors: [],
    pageErrors: [],
    consoleErrors: [],
    failures: [],
  };

  // sitePath is url's path inside the site ("nn/joblearn/"), or null when
  // url is not in the site.
  const sitePath = (url) => {
    let u;
    try {
      u = new URL(url);
    } catch {
      return null;
    }
    u.search = '';
    u.hash = '';
    // Links name the folder's index.html, so that the site also works
    // opened from disk; nb/index.html and nb/ are the same page.
    const s = u.href.replace(/(^|\/)index\.html$/, '$1');
    if (s.startsWith(home)) return s.slice(home.length);
    if (opt.baseURL && s.startsWith(opt.baseURL)) return s.slice(opt.baseURL.length);
    return null;
  };

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'personvern-browse-'));
  let context;
  let trouble = null;
  try {
    const viewport = { width: opt.width, height: 900 };
    report.viewport = viewport;
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
      viewport,
      colorScheme: opt.scheme,
      reducedMotion: 'reduce',
      locale: 'nb-NO',
      serviceWorkers: 'block',
      timeout: PAGE_TIMEOUT_MS,
    });
    report.chromium = context.browser()?.version() ?? null;

    await context.route('**/*', async (route) => {
      const req = route.request();
      const url = req.url();
      if (url.startsWith(home)) return route.continue();
      if (opt.baseURL && url.startsWith(opt.baseURL)) {
        const u = new URL(url);
        const rel = u.pathname.slice(new URL(opt.baseURL).pathname.length);
        if (!report.viaBaseURL.includes(url)) report.viaBaseURL.push(url);
        const r = lookup(site, '/' + rel);
        return route.fulfill({ status: r.status, headers: r.headers, body: r.body });
      }
      let from = null;
      try {
        from = req.frame().url();
      } catch {
        // a request with no frame (a worker's)
      }
      report.outsideRequests.push({
        url,
        method: req.method(),
        resourceType: req.resourceType(),
        navigation: req.isNavigationRequest(),
        from,
      });
      return route.abort('blockedbyclient');
    });

    const page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    page.on('pageerror', (err) => report.pageErrors.push({ page: page.url(), error: String(err) }));
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const text = msg.text();
      // Blocked requests and HTTP errors are reported on their own already.
      if (text.includes('ERR_BLOCKED_BY_CLIENT') || text.startsWith('Failed to load resource: the server responded with a status of')) return;
      report.consoleErrors.push({ page: page.url(), text });
    });
    page.on('response', (resp) => {
      if (resp.status() >= 400) {
        report.httpErrors.push({ url: resp.url(), status: resp.status(), from: page.url() });
      }
    });

    const shoot = async (name) => {
      const file = path.join(shots, name);
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      report.screenshots.push(file);
    };

    // look records where the page is and what it is.
    const look = async (name) => {
      const info = await page.evaluate(() => ({
        lang: document.documentElement.getAttribute('lang'),
        h1: [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()),
        title: document.title,
        sheets: [...document.styleSheets].length,
      }));
      const step = { name, url: page.url(), path: sitePath(page.url()), lang: info.lang, h1: info.h1, title: info.title };
      report.steps.push(step);
      check(step.path !== null, `${name}: the page is ${page.url()}, not in the site`);
      check(info.sheets > 0, `${name}: no stylesheet applied`);
      check(info.title !== '', `${name}: empty <title>`);
      return step;
    };

    // follow clicks a link and waits for the page it leads to.
    const follow = async (link, what) => {
      check(await link.count() > 0, `${what}: no such link on ${page.url()}`);
      link = link.first();
      const href = await link.getAttribute('href');
      const before = page.url();
      const target = new URL(href, before).href;
      await link.click();
      try {
        await page.waitForURL((u) => u.href !== before, { timeout: NAV_TIMEOUT_MS, waitUntil: 'load' });
      } catch {
        throw new AssertionError(`${what}: clicking it (href="${href}") on ${before} did not lead to a new page`);
      }
      await page.waitForLoadState('load');
      check(sitePath(page.url()) !== null,
        `${what}: the link (href="${href}") on ${before} leaves the site: the browser is at ${page.url()}` +
        (sitePath(target) === null ? ` (the link points to ${target}${opt.baseURL ? '' : '; is it the public address? see --base-url'})` : ''));
      return href;
    };

    // 1. Front page.
    const resp = await page.goto(home, { waitUntil: 'load' });
    check(resp && resp.ok(), `front page: ${resp ? resp.status() : 'no response'}`);
    const front = await look('front page');
    check(front.path === '', `front page: at ${front.url}`);
    check(front.h1.length > 0, 'front page: no h1');
    await shoot('front.png');

    // 2. The bokmål index.
    await follow(page.locator('body a[hreflang="nb"]'), 'front page: the bokmål link (a[hreflang="nb"])');
    const nbIndex = await look('nb index');
    check(nbIndex.path === 'nb/', `nb index: at ${nbIndex.path}, want nb/`);
    check(nbIndex.lang === 'nb', `nb index: <html lang="${nbIndex.lang}">, want nb`);
    check(nbIndex.h1.length === 1, `nb index: ${nbIndex.h1.length} h1 elements, want 1`);
    await shoot('index-nb.png');

    // 3. The first notice, in bokmål.
    const titleLink = page.locator('main ul.notices a');
    const titleText = (await titleLink.count()) > 0 ? (await titleLink.first().textContent()).trim() : '';
    await follow(titleLink, 'nb index: the first notice\'s title link (main ul.notices a)');
    const nbNotice = await look('nb notice');
    const m = /^nb\/([^/]+)\/$/.exec(nbNotice.path);
    check(m, `nb notice: at ${nbNotice.path}, want nb/<id>/`);
    const id = m[1];
    check(nbNotice.lang === 'nb', `nb notice: <html lang="${nbNotice.lang}">, want nb`);
    check(nbNotice.h1.length === 1 && nbNotice.h1[0] !== '', `nb notice: h1 ${JSON.stringify(nbNotice.h1)}, want one, not empty`);
    check(nbNotice.h1[0] === titleText, `nb notice: h1 "${nbNotice.h1[0]}" is not the title linked from the index, "${titleText}"`);
    const nbBack = page.locator('nav.crumbs li:nth-child(2) a');
    check(await nbBack.count() > 0, 'nb notice: no breadcrumb back to the index (nav.crumbs, second step)');
    check(sitePath(new URL(await nbBack.first().getAttribute('href'), page.url()).href) === 'nb/',
      'nb notice: the breadcrumb does not lead to nb/');
    check(await page.locator('head link[rel="alternate"][type="application/atom+xml"]').count() >= 2,
      'nb notice: no feeds announced (link rel="alternate" type="application/atom+xml")');
    check(await page.locator('link[rel="canonical"]').count() === 1, 'nb notice: no rel=canonical');
    await shoot('notice-nb.png');

    // On a phone of 320 px the contents start in the first screen, and
    // nothing is wider than the screen.
    await page.setViewportSize({ width: 320, height: 568 });
    const toc = page.locator('nav.toc');
    const tocTop = await toc.evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
    check(tocTop < 568, `nb notice at 320 px: the contents start ${Math.round(tocTop)} px down, below the first screen (568 px)`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    check(wide <= 320, `nb notice at 320 px: the page is ${wide} px wide`);
    await shoot('notice-nb-320.png');
    await page.setViewportSize(viewport);

    // Forced colours (Windows high contrast): the boxes keep a border.
    await page.emulateMedia({ forcedColors: 'active' });
    for (const sel of ['nav.toc', 'section.summary']) {
      if (await page.locator(sel).count() === 0) continue;
      const border = await page.locator(sel).first().evaluate((e) => getComputedStyle(e).borderTopStyle + ' ' + getComputedStyle(e).borderTopWidth);
      check(!border.startsWith('none') && !border.endsWith(' 0px'), `nb notice in forced colours: ${sel} has no border (${border})`);
    }
    await page.emulateMedia({ forcedColors: 'none' });

    // Print: A4, the contents printed, the page's address printed, in-page
    // links not.
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      toc: getComputedStyle(document.querySelector('nav.toc')).display,
      address: [...document.querySelectorAll('.print-only')].map((e) => getComputedStyle(e).display),
      back: [...document.querySelectorAll('.back')].map((e) => getComputedStyle(e).display),
    }));
    check(printed.toc !== 'none', 'nb notice in print: the contents are not printed');
    check(!opt.baseURL || printed.address.some((d) => d !== 'none'), 'nb notice in print: the page\'s address is not printed');
    check(printed.back.every((d) => d === 'none'), 'nb notice in print: "Til innholdet" links are printed');
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    check(box && Math.abs(+box[1] - 595.3) < 3 && Math.abs(+box[2] - 841.9) < 3,
      `nb notice in print: the PDF page is ${box ? box[1] + ' × ' + box[2] : 'of unknown size'} pt, want A4 (595 × 842)`);
    await page.emulateMedia({ media: 'screen' });

    // 4. The same notice in nynorsk, by the language switch.
    const sw = page.locator('header nav a[hreflang="nn"]');
    check(await sw.count() > 0, 'nb notice: no language switch (header nav a[hreflang="nn"])');
    const swText = (await sw.first().textContent()).trim();
    check(swText === 'Les på nynorsk', `nb notice: the language switch says "${swText}", want "Les på nynorsk"`);
    check(await sw.first().getAttribute('lang') === 'nn', 'nb notice: the language switch has no lang="nn"');
    await follow(sw, 'nb notice: the language switch (hreflang="nn")');
    const nnNotice = await look('nn notice');
    check(nnNotice.path === `nn/${id}/`, `nn notice: at ${nnNotice.path}, want the same notice in nynorsk, nn/${id}/`);
    check(nnNotice.lang === 'nn', `nn notice: <html lang="${nnNotice.lang}">, want nn`);
    check(nnNotice.h1.length === 1 && nnNotice.h1[0] !== '', `nn notice: h1 ${JSON.stringify(nnNotice.h1)}, want one, not empty`);
    const back = page.locator('header nav a[hreflang="nb"]');
    check(await back.count() > 0 && (await back.first().textContent()).trim() === 'Les på bokmål',
      'nn notice: no language switch "Les på bokmål" (header nav a[hreflang="nb"])');
    check(sitePath(new URL(await back.first().getAttribute('href'), page.url()).href) === `nb/${id}/`,
      `nn notice: "Les på bokmål" does not lead to nb/${id}/`);
    await shoot('notice-nn.png');

    // 5. Back to the nynorsk index.
    await follow(page.locator('nav.crumbs li:nth-child(2) a'), 'nn notice: the breadcrumb back to the index');
    const nnIndex = await look('nn index');
    check(nnIndex.path === 'nn/', `nn index: at ${nnIndex.path}, want nn/`);
    check(nnIndex.lang === 'nn', `nn index: <html lang="${nnIndex.lang}">, want nn`);
    check(nnIndex.h1.length === 1, `nn index: ${nnIndex.h1.length} h1 elements, want 1`);
    check(await page.locator(`main ul.notices a[href="${id}/index.html"]`).count() === 1, `nn index: no title link to ${id}/index.html`);
    await shoot('index-nn.png');

    // Every notice, as on a phone: contents on the first screen, nothing
    // wider than 320 px (a long address in a narrow column is the usual
    // culprit).
    const hrefs = await page.locator('main ul.notices a').evaluateAll((as) => as.map((a) => a.href));
    await page.setViewportSize({ width: 320, height: 568 });
    for (const href of hrefs) {
      await page.goto(href, { waitUntil: 'load' });
      const fit = await page.evaluate(() => ({
        toc: document.querySelector('nav.toc')?.getBoundingClientRect().top ?? null,
        width: document.documentElement.scrollWidth,
      }));
      const where = sitePath(page.url());
      check(fit.toc !== null && fit.toc < 568, `${where} at 320 px: the contents start ${fit.toc === null ? 'nowhere' : Math.round(fit.toc) + ' px down'}, below the first screen`);
      check(fit.width <= 320, `${where} at 320 px: the page is ${fit.width} px wide`);
    }
    await page.setViewportSize(viewport);
  } catch (err) {
    if (err instanceof AssertionError) report.failures.push(err.message);
    else trouble = err && err.stack ? err.stack : String(err);
  } finally {
    if (context) await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
    await new Promise((resolve) => server.close(resolve));
  }

  for (const r of report.outsideRequests) {
    report.failures.push(`outside request${r.navigation ? ' (navigation)' : ''}: ${r.method} ${r.url} (${r.resourceType}) from ${r.from}`);
  }
  for (const r of report.httpErrors) report.failures.push(`HTTP ${r.status}: ${r.url} (on ${r.from})`);
  for (const r of report.pageErrors) report.failures.push(`script error on ${r.page}: ${r.error}`);
  for (const r of report.consoleErrors) report.failures.push(`console error on ${r.page}: ${r.text}`);
  report.ok = !trouble && report.failures.length === 0;

  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  if (trouble) fail(trouble);
  process.exit(report.failures.length > 0 ? 1 : 0);
}

main().catch((err) => fail(err && err.stack ? err.stack : String(err)));
