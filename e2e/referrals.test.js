// Issue 6: a partner structure's pages and the referral form pass axe, in French, English
// and Arabic: the partner area, the request on behalf of a person with its consent error,
// "Orienter ici" on the places search, the referral form with its consent error, and the
// partner area listing the referral, then the place's one-time link page (before and after
// its answer, and spent). Uses the demo partner (ccas@relais.test).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { LANGS, SERVER_SKIP, launch, newContext, url, submit, assertNoAxeViolations } from './lib.js';

const PARTNER = 'ccas@relais.test';
const DB = process.env.RELAIS_E2E_DB;

/** The path of the newest answer link e-mailed to a place (`/orientation/<token>`), read from
 *  the outbox of the server under test (its SQLite file; scripts/e2e.sh gives its path). */
function answerLinkOf() {
  assert.ok(DB, 'RELAIS_E2E_DB is not set (scripts/e2e.sh sets it to the server\'s database)');
  const body = execFileSync('sqlite3', [DB,
    "SELECT body_text FROM outbox WHERE idempotency_key LIKE 'referral-answer:%' ORDER BY id DESC LIMIT 1"], { encoding: 'utf8' });
  const m = body.match(/\/orientation\/[0-9a-f]+/);
  assert.ok(m, `no answer link in the newest referral e-mail: ${body}`);
  return m[0];
}
const PASSWORD = 'demo-relais-2026';

describe('partner pages and the referral form pass axe', { skip: SERVER_SKIP }, () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  for (const lang of LANGS) {
    it(`orienting a person as a partner, in ${lang}`, async () => {
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        await page.goto(url('/connexion', lang));
        await page.locator('#email').fill(PARTNER);
        await page.locator('#password').fill(PASSWORD);
        let res = await submit(page, () => page.locator('form[action="/connexion"] button[type="submit"]').click());
        assert.equal(res.status(), 200);
        assert.equal(new URL(page.url()).pathname, '/partenaire');
        await assertNoAxeViolations(page, `/partenaire?lang=${lang}`);

        // A request on behalf of a person without the consent: 422, the error tied to it.
        await page.goto(url('/partenaire/demande', lang));
        await assertNoAxeViolations(page, `/partenaire/demande?lang=${lang}`);
        await page.locator('#phone').fill('06 12 34 56 99');
        await page.locator('fieldset.topics input[type="radio"]').first().check();
        res = await submit(page, () => page.locator('form[action="/partenaire/demande"] button[type="submit"]').click());
        assert.equal(res.status(), 422);
        assert.equal(await page.getAttribute('#consent', 'aria-describedby'), 'consent-error consent-hint');
        await assertNoAxeViolations(page, `/partenaire/demande (consent missing) ?lang=${lang}`);

        // The search offers "Orienter ici" to a partner; the referral form and its error.
        await page.goto(url('/lieux?near=Chambéry', lang));
        await assertNoAxeViolations(page, `/lieux with Orienter ici ?lang=${lang}`);
        const orient = page.locator('a[href^="/partenaire/orienter?lieu="]').first();
        await Promise.all([page.waitForURL('**/partenaire/orienter*'), orient.click()]);
        await assertNoAxeViolations(page, `referral form ?lang=${lang}`);
        await page.locator('#topic').selectOption({ index: 1 });
        await page.locator('#first_name').fill('Jules');
        res = await submit(page, () => page.locator('form[action^="/partenaire/orienter"] button[type="submit"]').click());
        assert.equal(res.status(), 422);
        assert.equal(await page.getAttribute('#consent', 'aria-describedby'), 'consent-error consent-hint');
        await assertNoAxeViolations(page, `referral form (consent missing) ?lang=${lang}`);
        await page.locator('#consent').check();
        res = await submit(page, () => page.locator('form[action^="/partenaire/orienter"] button[type="submit"]').click());
        assert.equal(res.status(), 200);
        assert.equal(new URL(page.url()).pathname, '/partenaire');
        assert.ok(await page.locator('#referrals-title').isVisible());
        await assertNoAxeViolations(page, `/partenaire with a referral ?lang=${lang}`);

        // The place's one-time link page (public, no sign-in), read from the e-mail waiting in
        // the server's outbox: before an answer, the thanks after accepting, and spent (410).
        const link = answerLinkOf();
        const place = await context.browser().newContext({ locale: 'fr-FR', viewport: { width: 360, height: 740 } });
        try {
          const p = await place.newPage();
          let r = await p.goto(url(link, lang));
          assert.equal(r.status(), 200);
          await assertNoAxeViolations(p, `the place's link page ?lang=${lang}`);
          r = await submit(p, () => p.locator('form[action^="/orientation/"]').filter({ has: p.locator('input[name="action"][value="accept"]') }).locator('button').click());
          assert.equal(r.status(), 200);
          await assertNoAxeViolations(p, `the place's link page, accepted ?lang=${lang}`);
          r = await p.goto(url(link, lang));
          assert.equal(r.status(), 410);
          await assertNoAxeViolations(p, `the place's link page, spent (410) ?lang=${lang}`);
        } finally { await place.close(); }
      } finally { await context.close(); }
    });
  }
});
