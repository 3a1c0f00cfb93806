// The directory of places in a browser: the /lieux map (Leaflet, progressive enhancement:
// the list stays the page, nothing without JavaScript), its tiles from the stub of lib.js,
// and the coordinators' pages of places (list, form, its field errors, import) with axe, in
// French, English and Arabic.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, SERVER_SKIP, launch, newContext, url, assertNoAxeViolations, watchProblems, submit } from './lib.js';

const DEMO_PASSWORD = 'demo-relais-2026';
const SEARCH = '/lieux?near=73000&radius_km=10&need=&q=';

describe('the /lieux map', { skip: SERVER_SKIP }, () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  for (const lang of LANGS) {
    it(`shows a marker per listed place, with OSM attribution, and passes axe (${lang})`, async () => {
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        const problems = watchProblems(page);
        const res = await page.goto(url(SEARCH, lang));
        assert.equal(res.status(), 200);
        assert.match(res.headers()['content-security-policy'] ?? '', /img-src 'self' data: https:\/\/tile\.openstreetmap\.org;/);
        await page.locator('#places-map .leaflet-marker-icon').first().waitFor();
        await page.waitForLoadState('networkidle');
        const placed = await page.locator('.place-list [data-lat][data-lon]').count();
        assert.ok(placed > 0, 'places with coordinates are listed');
        assert.equal(await page.locator('#places-map .leaflet-marker-icon').count(), placed, 'one marker per placed item of the list');
        assert.ok(await page.locator('#map-title').isVisible());
        assert.ok(context.tileRequests > 0, 'tiles were asked of the (stubbed) tile server');
        assert.match(await page.locator('.leaflet-control-attribution').innerText(), /OpenStreetMap/);
        // A marker's popup links to its place in the list.
        await page.locator('#places-map .leaflet-marker-icon').first().click();
        const href = await page.locator('.leaflet-popup-content a').getAttribute('href');
        assert.match(href, /^#place-\d+$/);
        assert.equal(await page.locator(href).count(), 1);
        await assertNoAxeViolations(page, `${SEARCH} map (${lang})`);
        assert.deepEqual(problems, [], `problems while loading ${SEARCH}?lang=${lang}`);
      } finally { await context.close(); }
    });
  }

  it('without JavaScript the page is the list, with no map and no tile request', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const res = await page.goto(url(SEARCH, 'fr'));
      assert.equal(res.status(), 200);
      assert.ok(await page.locator('.place-list li.place').count() > 0);
      assert.equal(await page.locator('#places-map').isVisible(), false);
      assert.equal(context.tileRequests, 0);
      // (axe needs JavaScript in the page; the same HTML passes it in a11y.test.js.)
    } finally { await context.close(); }
  });
});

describe('coordinators\' pages of places pass axe', { skip: SERVER_SKIP }, () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  it('list, a place, a new place with field errors, import (every language)', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(url('/connexion'));
      await page.fill('#email', 'coordination@relais.test');
      await page.fill('#password', DEMO_PASSWORD);
      await submit(page, () => page.click('main form button[type=submit]'));
      await page.goto(url('/coordination/lieux'));
      const first = await page.locator('table.data tbody a').first().getAttribute('href');
      assert.match(first, /^\/coordination\/lieux\/[^/]+$/);
      for (const lang of LANGS) {
        for (const path of ['/coordination/lieux', '/coordination/lieux?flag=stale', first, '/coordination/lieux/nouveau', '/coordination/lieux/import']) {
          const problems = watchProblems(page);
          const res = await page.goto(url(path, lang));
          assert.equal(res.status(), 200, `GET ${path}?lang=${lang}`);
          assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
          await assertNoAxeViolations(page, `${path}?lang=${lang}`);
          assert.deepEqual(problems, [], `problems while loading ${path}?lang=${lang}`);
        }
        // The empty new-place form sent: 422, each error under its field and tied to it.
        await page.goto(url('/coordination/lieux/nouveau', lang));
        const r = await submit(page, () => page.click('main section form button[type=submit]'));
        assert.equal(r.status(), 422);
        assert.match(await page.getAttribute('#f-nom', 'aria-describedby'), /f-nom-error/);
        assert.ok((await page.locator('#f-nom-error').innerText()).trim().length > 3);
        await assertNoAxeViolations(page, `/coordination/lieux/nouveau 422 (${lang})`);
      }
    } finally { await context.close(); }
  });
});
