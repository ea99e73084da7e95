#!/usr/bin/env node
// axe.mjs: accessibility check of rendered pages with axe-core in headless
// Chromium.
//
//   node tools/browser/axe.mjs PAGE.html... | DIR...
//
// Each argument is an HTML file or a directory walked for *.html. Every page
// is opened from its file:// URL twice, with prefers-color-scheme light and
// dark (the stylesheet has a dark mode, so colour contrast is checked in
// both), and axe-core runs the WCAG 2.0/2.1 A and AA rules. In the light
// run the page is also laid out at 320 CSS px: a page that needs scrolling
// sideways there, or whose contents' links are off the screen or hidden,
// is a violation "reflow-320" (WCAG 1.4.10).
//
// Stdout gets one JSON document: {axe, chromium, pages, runs, violations:
// [{file, scheme, id, impact, help, helpUrl, nodes: [{target, html,
// summary}]}], incomplete: [...]}. "incomplete" lists what axe could not
// decide (it needs a person to look) and does not fail the run.
//
// Exit status: 0 no violation, 1 at least one violation, 2 trouble (bad
// arguments, no page found, the browser or axe could not run).
//
// The browser is Debian's /usr/bin/chromium (CHROMIUM overrides it); the
// network is never used: every request other than file:// is aborted.

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SCHEMES = ['light', 'dark'];
const PAGE_TIMEOUT_MS = 30_000;
const REFLOW_WIDTH = 320;

const require = createRequire(import.meta.url);

function usage() {
  process.stderr.write('usage: node axe.mjs PAGE.html... | DIR...\n' +
    'Checks each page with axe-core (WCAG 2.0/2.1 A and AA) in headless Chromium,\n' +
    'in light and dark colour scheme. Exit 0 clean, 1 violations, 2 trouble.\n');
}

function fail(msg) {
  process.stderr.write(`axe.mjs: ${msg}\n`);
  process.exit(2);
}

// collect expands the arguments into a sorted list of absolute HTML paths.
function collect(args) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.html?$/i.test(e.name)) out.push(path.resolve(p));
    }
  };
  for (const a of args) {
    let st;
    try {
      st = fs.statSync(a);
    } catch (err) {
      fail(`${a}: ${err.code === 'ENOENT' ? 'no such file or directory' : err.message}`);
    }
    if (st.isDirectory()) walk(a);
    else out.push(path.resolve(a));
  }
  return [...new Set(out)].sort();
}

async function main() {
  const args = process.argv.slice(2);
  if (args.length === 0 || args.includes('-h') || args.includes('--help')) {
    usage();
    process.exit(args.length === 0 ? 2 : 0);
  }
  const files = collect(args);
  if (files.length === 0) fail(`no *.html file in ${args.join(' ')}`);

  let axeSource;
  try {
    axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  } catch (err) {
    fail(`cannot load axe-core (run "cd tools/browser && npm ci"): ${err.message}`);
  }

  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    fail(`no browser at ${executablePath} (apt-get install chromium, or set CHROMIUM)`);
  }

  // A fresh profile for every run, removed afterwards.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'personvern-axe-'));
  let context;
  let trouble = null;
  const report = { axe: null, chromium: null, pages: files.length, runs: 0, violations: [], incomplete: [] };
  try {
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
      viewport: { width: 1280, height: 900 },
      bypassCSP: true, // so the axe script tag runs whatever CSP a page sets
      offline: true,
      timeout: PAGE_TIMEOUT_MS,
    });
    report.chromium = context.browser()?.version() ?? null;
    // The network is closed; never wait on it.
    await context.route('**/*', (route) => {
      if (route.request().url().startsWith('file:')) return route.continue();
      return route.abort('blockedbyclient');
    });

    const page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));

    for (const file of files) {
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        pageErrors.length = 0;
        const resp = await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        if (resp && !resp.ok()) throw new Error(`${file}: load failed (${resp.status()})`);
        // Make sure the emulation took: otherwise dark mode would go unchecked.
        const matches = await page.evaluate((s) => matchMedia(`(prefers-color-scheme: ${s})`).matches, scheme);
        if (!matches) throw new Error(`${file}: prefers-color-scheme ${scheme} was not applied`);
        await page.addScriptTag({ content: axeSource });
        const res = await page.evaluate(async (tags) => {
          // eslint-disable-next-line no-undef
          const r = await axe.run(document, {
            runOnly: { type: 'tag', values: tags },
            resultTypes: ['violations', 'incomplete'],
          });
          const slim = (list) => list.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            helpUrl: v.helpUrl,
            nodes: v.nodes.map((n) => ({
              target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)),
              html: n.html,
              summary: n.failureSummary,
            })),
          }));
          // eslint-disable-next-line no-undef
          return { version: axe.version, violations: slim(r.violations), incomplete: slim(r.incomplete) };
        }, TAGS);
        if (pageErrors.length) throw new Error(`${file}: script error in page: ${pageErrors.join('; ')}`);
        // Reflow (WCAG 1.4.10): at 320 CSS px nothing needs scrolling
        // sideways, and every link of the page's contents (nav lists,
        // the list of notices) is on the screen, not cut off or hidden.
        if (scheme === SCHEMES[0]) {
          await page.setViewportSize({ width: REFLOW_WIDTH, height: 640 });
          const reflow = await page.evaluate((width) => {
            const nodes = [];
            const doc = document.documentElement;
            if (doc.scrollWidth > width) {
              for (const el of document.querySelectorAll('body *')) {
                const r = el.getBoundingClientRect();
                if (r.right > width + 1 && getComputedStyle(el).position !== 'absolute' && nodes.length < 5) {
                  nodes.push({ target: [el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '')], html: el.outerHTML.slice(0, 200),
                    summary: `ends at ${Math.round(r.right)} px; the page is ${doc.scrollWidth} px wide` });
                }
              }
              if (nodes.length === 0) nodes.push({ target: ['html'], html: '', summary: `the page is ${doc.scrollWidth} px wide` });
            }
            for (const a of document.querySelectorAll('main nav a, main ul a, main ol a')) {
              const r = a.getBoundingClientRect();
              const hidden = r.width === 0 || r.height === 0 || getComputedStyle(a).visibility === 'hidden';
              if ((hidden || r.left < 0 || r.right > width + 1) && nodes.length < 10) {
                nodes.push({ target: [a.getAttribute('href') || 'a'], html: a.outerHTML.slice(0, 200),
                  summary: hidden ? 'a link of the contents is not shown' : `a link of the contents runs from ${Math.round(r.left)} to ${Math.round(r.right)} px` });
              }
            }
            return nodes;
          }, REFLOW_WIDTH);
          await page.setViewportSize({ width: 1280, height: 900 });
          if (reflow.length) {
            res.violations.push({ id: 'reflow-320', impact: 'serious',
              help: `Content can be read at ${REFLOW_WIDTH} CSS px without scrolling sideways, and its links are reachable (WCAG 1.4.10)`,
              helpUrl: 'https://www.w3.org/WAI/WCAG21/Understanding/reflow.html', nodes: reflow });
          }
        }
        report.axe = res.version;
        report.runs++;
        const r = path.relative(process.cwd(), file);
        const rel = r && !r.startsWith('..') ? r : file;
        for (const v of res.violations) report.violations.push({ file: rel, scheme, ...v });
        for (const v of res.incomplete) report.incomplete.push({ file: rel, scheme, ...v });
      }
    }
  } catch (err) {
    trouble = err && err.stack ? err.stack : String(err);
  } finally {
    if (context) await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
  if (trouble) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    fail(trouble);
  }

  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  process.exit(report.violations.length > 0 ? 1 : 0);
}

main().catch((err) => fail(err && err.stack ? err.stack : String(err)));
