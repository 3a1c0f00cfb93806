// Checks the stylesheet and pictograms without the server: their size limits, and a style
// guide page (fixtures/styleguide.html, every class of relais.css) passing axe in LTR and RTL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { launch, newContext, assertNoAxeViolations, watchProblems } from './lib.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const STATIC = path.join(here, '..', 'crates', 'relais-web', 'static');
const PICTOS = ['famille-visio', 'declaration-en-ligne', 'info-verifiee', 'sante-ameli',
  'famille-caf', 'travail-emploi', 'impots', 'papiers-ants', 'logement', 'ecole-ent',
  'courriel-comptes', 'achats-en-ligne', 'securite-arnaques', 'equipement-connexion', 'autre'];
const ORIGIN = 'http://relais.test';
const TYPES = { '.css': 'text/css', '.svg': 'image/svg+xml', '.html': 'text/html; charset=utf-8' };

describe('static assets', () => {
  it('relais.css stays under 12 KB and uses no physical left/right properties', async () => {
    const css = await readFile(path.join(STATIC, 'relais.css'), 'utf8');
    assert.ok(css.length < 12 * 1024, `relais.css is ${css.length} bytes`);
    assert.doesNotMatch(css, /(margin|padding|border)-(left|right)\b|[{;]\s*(left|right)\s*:|text-align:\s*(left|right)|float:/);
    assert.doesNotMatch(css, /@import|@font-face|url\(/, 'no web fonts, no images from CSS');
  });

  it('every topic has a small 48×48 stroke pictogram without text', async () => {
    const files = await readdir(path.join(STATIC, 'pictos'));
    for (const id of PICTOS) {
      assert.ok(files.includes(`${id}.svg`), `pictos/${id}.svg is missing`);
      const file = path.join(STATIC, 'pictos', `${id}.svg`);
      const svg = await readFile(file, 'utf8');
      assert.ok((await stat(file)).size < 1536, `${id}.svg is over 1.5 KB`);
      assert.match(svg, /viewBox="0 0 48 48"/, id);
      assert.match(svg, /stroke="currentColor"/, id);
      assert.doesNotMatch(svg, /<text|<script|style=|<image|href=/, id);
    }
    await stat(path.join(STATIC, 'favicon.svg'));
  });
});

describe('style guide page', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  async function open(dir, width) {
    const context = await newContext(browser, { viewport: { width, height: 900 } });
    let html = await readFile(path.join(here, 'fixtures', 'styleguide.html'), 'utf8');
    if (dir === 'rtl') html = html.replace('<html lang="fr" dir="ltr">', '<html lang="ar" dir="rtl">');
    await context.route(`${ORIGIN}/**`, async (route) => {
      const p = new URL(route.request().url()).pathname;
      if (p === '/styleguide.html') return route.fulfill({ body: html, contentType: TYPES['.html'] });
      if (p.startsWith('/static/')) {
        try {
          const body = await readFile(path.join(STATIC, p.slice('/static/'.length)));
          return route.fulfill({ body, contentType: TYPES[path.extname(p)] ?? 'application/octet-stream' });
        } catch { /* fall through */ }
      }
      return route.fulfill({ status: 404, body: 'not found' });
    });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${ORIGIN}/styleguide.html`);
    return { context, page, problems };
  }

  for (const [dir, width] of [['ltr', 360], ['rtl', 360], ['ltr', 1024]]) {
    it(`passes axe (${dir}, ${width}px wide) and loads every picture`, async () => {
      const { context, page, problems } = await open(dir, width);
      try {
        await assertNoAxeViolations(page, `style guide ${dir} ${width}px`);
        const broken = await page.$$eval('img', (imgs) => imgs.filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.src));
        assert.deepEqual(broken, [], 'images that did not load');
        assert.deepEqual(problems, []);
        if (process.env.SCREENSHOT_DIR) {
          await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, `styleguide-${dir}-${width}.png`), fullPage: true });
        }
      } finally { await context.close(); }
    });
  }

  it('has tap targets of at least 44px, topics in 1 column on phones and 2 on wide screens', async () => {
    for (const [width, columns] of [[360, 1], [1024, 2]]) {
      const { context, page } = await open('ltr', width);
      try {
        const small = await page.$$eval('button, .button, label.topic, nav.lang a, input:not([type=radio]):not([type=checkbox]), select',
          (els) => els.filter((e) => e.getBoundingClientRect().height < 44).map((e) => e.outerHTML.slice(0, 80)));
        assert.deepEqual(small, [], `targets under 44px at ${width}px`);
        const lefts = await page.$$eval('label.topic', (els) => new Set(els.map((e) => Math.round(e.getBoundingClientRect().left))).size);
        assert.equal(lefts, columns, `topic columns at ${width}px`);
      } finally { await context.close(); }
    }
  });

  it('shows the skip link and a focus ring when tabbing', async () => {
    const { context, page } = await open('ltr', 360);
    try {
      await page.keyboard.press('Tab');
      const skip = page.locator('.skip-link');
      const box = await skip.boundingBox();
      assert.ok(box && box.y >= 0, 'skip link is on screen when focused');
      const outline = await skip.evaluate((e) => getComputedStyle(e).outlineStyle);
      assert.equal(outline, 'solid');
    } finally { await context.close(); }
  });
});
