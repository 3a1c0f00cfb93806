// axe-core on the signed-in pages (demo accounts): the volunteer's slots, the
// coordinators' coverage grid, the administrators' hours editor, the telephony page and the
// tutorial editor, in the three languages.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, SERVER_SKIP, launch, newContext, url, assertNoAxeViolations, watchProblems, submit } from './lib.js';

const DEMO_PASSWORD = 'demo-relais-2026';
const PAGES = [
  ['amina@relais.test', '/benevole/creneaux'],
  ['coordination@relais.test', '/coordination/couverture'],
  ['admin@relais.test', '/coordination/horaires'],
  // Issue 5: the coordinators' telephony page (URLs to paste, anonymous event log).
  ['coordination@relais.test', '/coordination/telephonie'],
  // Issue 3: the tutorial editor (list, and one tutorial's source with its preview).
  ['admin@relais.test', '/coordination/tutoriels'],
  ['admin@relais.test', '/coordination/tutoriels/ameli-attestation-droits/fr'],
  // Issue 6: every referral (referrals.test.js, which runs before, sent some), and one state.
  ['admin@relais.test', '/coordination/orientations'],
  ['admin@relais.test', '/coordination/orientations?etat=sent'],
  // The partner accounts, with their deactivate buttons.
  ['admin@relais.test', '/coordination/partenaires'],
];

describe('signed-in pages pass axe', { skip: SERVER_SKIP }, () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  for (const [email, path] of PAGES) {
    it(`${path} (${email}) in every language`, async () => {
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        await page.goto(url('/connexion'));
        await page.fill('#email', email);
        await page.fill('#password', DEMO_PASSWORD);
        await submit(page, () => page.click('main form button[type=submit]'));
        for (const lang of LANGS) {
          const problems = watchProblems(page);
          const res = await page.goto(url(path, lang));
          assert.equal(res.status(), 200, `GET ${path}?lang=${lang}`);
          assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
          await assertNoAxeViolations(page, `${path}?lang=${lang}`);
          assert.deepEqual(problems, [], `problems while loading ${path}?lang=${lang}`);
        }
      } finally { await context.close(); }
    });
  }
});
