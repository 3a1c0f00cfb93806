// axe-core (WCAG 2.0/2.1 A and AA) on every public page, in French, English and Arabic;
// the language and direction of the page; sub-resources and CSP on each page.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  LANGS, SERVER_SKIP, launch, newContext, url, assertNoAxeViolations, watchProblems, discoverPublicPaths,
} from './lib.js';

const paths = SERVER_SKIP ? [] : await discoverPublicPaths();

describe('public pages pass axe', { skip: SERVER_SKIP }, () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  for (const lang of LANGS) {
    for (const path of paths) {
      it(`${path} in ${lang}`, async () => {
        const context = await newContext(browser);
        try {
          const page = await context.newPage();
          const problems = watchProblems(page);
          const res = await page.goto(url(path, lang));
          assert.ok(res, `no response for ${path}`);
          assert.equal(res.status(), 200, `GET ${path}?lang=${lang}`);
          assert.match(res.headers()['content-type'] ?? '', /text\/html/);
          assert.equal(await page.getAttribute('html', 'lang'), lang);
          assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
          await assertNoAxeViolations(page, `${path}?lang=${lang}`);
          assert.deepEqual(problems, [], `problems while loading ${path}?lang=${lang}`);
        } finally { await context.close(); }
      });
    }
  }
});

describe('languages', { skip: SERVER_SKIP }, () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  it('the Arabic home page is right to left, and the choice is remembered', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(url('/', 'ar'));
      assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
      assert.equal(await page.getAttribute('html', 'lang'), 'ar');
      await page.goto(url('/demande'));
      assert.equal(await page.getAttribute('html', 'lang'), 'ar', 'the language cookie is kept across pages');
      assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    } finally { await context.close(); }
  });

  it('French is the default, left to right', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(url('/'));
      assert.equal(await page.getAttribute('html', 'lang'), 'fr');
      assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    } finally { await context.close(); }
  });
});
