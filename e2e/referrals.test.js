// Issue 6: a partner structure's pages and the referral form pass axe, in French, English
// and Arabic: the partner area, the request on behalf of a person with its consent error,
// "Orienter ici" on the places search, the referral form with its consent error, and the
// partner area listing the referral. Uses the demo partner (ccas@relais.test).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, SERVER_SKIP, launch, newContext, url, submit, assertNoAxeViolations } from './lib.js';

const PARTNER = 'ccas@relais.test';
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
      } finally { await context.close(); }
    });
  }
});
