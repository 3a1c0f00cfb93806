// axe-core (WCAG 2.0/2.1 A and AA) on every public page, in French, English and Arabic;
// the language and direction of the page; sub-resources and CSP on each page.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  LANGS, ERROR_PATHS, SERVER_SKIP, launch, newContext, url, assertNoAxeViolations, watchProblems, discoverPublicPaths,
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

describe('public pages with a field error pass axe', { skip: SERVER_SKIP }, () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  for (const lang of LANGS) {
    for (const path of ERROR_PATHS) {
      it(`${path} in ${lang}`, async () => {
        const context = await newContext(browser);
        try {
          const page = await context.newPage();
          const res = await page.goto(url(path, lang));
          assert.equal(res.status(), 422, `GET ${path}?lang=${lang}`);
          assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
          assert.equal(await page.getAttribute('#near', 'aria-describedby'), 'near-error near-hint');
          assert.ok((await page.locator('#near-error').innerText()).trim().length > 1);
          await assertNoAxeViolations(page, `${path}?lang=${lang}`);
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

  it('phone numbers and references read left to right on Arabic pages', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      const reversed = [];
      for (const path of ['/', '/demande', '/suivi']) {
        await page.goto(url(path, 'ar'));
        reversed.push(...(await page.evaluate(reversedNumbers)).map((t) => `${path}: "${t}"`));
      }
      assert.deepEqual(reversed, [], 'numbers shown right to left (wrap them in <bdi dir="ltr"> or an LTR isolate)');
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

/**
 * Runs in the page: the texts of phone numbers (06 12 34 56 78) and references (K7M-4QX)
 * whose first group is drawn to the right of their last one, as the bidi algorithm does to
 * spaced digit groups in a right-to-left paragraph unless they are isolated.
 */
function reversedNumbers() {
  const pattern = /(?:\+33 ?|0)\d(?:[ .]\d\d){4}|\b[A-Z0-9]{3}-[A-Z0-9]{3}\b/g;
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of node.data.matchAll(pattern)) {
      const rect = (from, to) => {
        const r = document.createRange();
        r.setStart(node, from); r.setEnd(node, to);
        return r.getBoundingClientRect();
      };
      const first = rect(m.index, m.index + 2);
      const last = rect(m.index + m[0].length - 2, m.index + m[0].length);
      if (first.width === 0 || Math.abs(first.top - last.top) > 2) continue; // hidden or wrapped
      if (first.left > last.left) out.push(m[0]);
    }
  }
  return out;
}
