// The public journey of a person asking for a callback, with JavaScript on and off:
// home page → request form → confirmation with a reference → follow-up page → cancel.
// Then a bad phone number: an error tied to its field, an error summary, and axe passing.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  UI, LANGS, REFERENCE, SERVER_SKIP, launch, newContext, url, submit, phoneNumber,
  assertNoAxeViolations, watchProblems,
} from './lib.js';

const fr = UI.fr;

/** The first topic of the request form (the topics are radios in `fieldset.topics`). */
const firstTopic = (page) => page.locator('fieldset.topics').getByRole('radio').first();

for (const javaScriptEnabled of [true, false]) {
  const js = javaScriptEnabled ? 'JavaScript on' : 'JavaScript off';

  describe(`request journey, ${js}`, { skip: SERVER_SKIP }, () => {
    let browser, context, page, problems;
    const phone = phoneNumber(javaScriptEnabled ? 1 : 2);
    let reference;

    before(async () => {
      browser = await launch();
      context = await newContext(browser, { javaScriptEnabled });
      page = await context.newPage();
      problems = watchProblems(page);
    });
    after(async () => { await browser?.close(); });

    it('home page shows the phone number and a link to ask for a callback', async () => {
      const res = await page.goto(url('/', 'fr'));
      assert.equal(res.status(), 200);
      const banner = page.locator('.phone-banner').first();
      assert.ok(await banner.isVisible(), '.phone-banner is visible');
      assert.match(await banner.innerText(), /\d\d[\s.]?\d\d[\s.]?\d\d/, 'the banner shows a phone number');
      const link = page.getByRole('link', { name: fr.callbackLink }).first();
      assert.ok(await link.isVisible(), `a visible link "${fr.callbackLink}"`);
      assert.equal(new URL(await link.getAttribute('href'), page.url()).pathname, '/demande');
      await Promise.all([page.waitForURL('**/demande*'), link.click()]);
    });

    it('the request form accepts a phone number and a topic', async () => {
      assert.equal(new URL(page.url()).pathname, '/demande');
      await page.getByLabel(fr.phoneLabel).fill(phone);
      await firstTopic(page).check();
      const res = await submit(page, () => page.getByRole('button', { name: fr.submitRequest }).click());
      assert.equal(res.status(), 200, `after POST /demande, got ${res.status()} at ${page.url()}`);
      assert.match(new URL(page.url()).pathname, /^\/demande\/[^/]+\/confirmation$/);
    });

    it('the confirmation page shows the reference', async () => {
      const text = (await page.locator('.reference').first().innerText()).trim();
      assert.match(text, REFERENCE);
      reference = text;
      assert.ok(page.url().includes(encodeURIComponent(reference)) || page.url().includes(reference),
        'the confirmation URL carries the reference');
      if (javaScriptEnabled) await assertNoAxeViolations(page, 'confirmation page');
    });

    it('the follow-up page finds the request by reference and phone number', async () => {
      assert.ok(reference, 'a reference from the previous step');
      await page.goto(url('/suivi'));
      await page.getByLabel(fr.trackReference).fill(reference.toLowerCase().replace('-', ' '));
      const phoneField = page.getByLabel(fr.trackPhone);
      await phoneField.fill(phone);
      const res = await submit(page, () => phoneField.press('Enter'));
      assert.equal(res.status(), 200, `POST /suivi gave ${res.status()}`);
      const body = await page.locator('main').innerText();
      assert.ok(body.includes(reference), 'the page shows the reference');
      assert.match(body, fr.statusOpen, 'the page shows that the request is waiting');
      if (javaScriptEnabled) await assertNoAxeViolations(page, 'follow-up page with a request');
    });

    it('the request can be cancelled there', async () => {
      const cancel = page.getByRole('button', { name: fr.cancelRequest });
      let res = await submit(page, () => cancel.click());
      const confirm = page.getByRole('button', { name: fr.confirmCancel });
      if (res.status() === 200 && await confirm.count() > 0) {
        res = await submit(page, () => confirm.first().click());
      }
      assert.equal(res.status(), 200, `cancelling gave ${res.status()} at ${page.url()}`);
      assert.match(await page.locator('main').innerText(), fr.statusCancelled);
      assert.equal(await page.getByRole('button', { name: fr.cancelRequest }).count(), 0,
        'no cancel button once cancelled');
      if (javaScriptEnabled) await assertNoAxeViolations(page, 'cancelled request page');
    });

    it('nothing failed to load along the way', () => {
      assert.deepEqual(problems, []);
    });
  });
}

describe('a bad phone number', { skip: SERVER_SKIP }, () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  for (const javaScriptEnabled of [true, false]) {
    it(`is refused with an error tied to the field (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await newContext(browser, { javaScriptEnabled });
      try {
        const page = await context.newPage();
        await page.goto(url('/demande', 'fr'));
        await page.getByLabel(fr.phoneLabel).fill('12');
        await firstTopic(page).check();
        const res = await submit(page, () => page.getByRole('button', { name: fr.submitRequest }).click());
        assert.equal(res.status(), 422, 'POST /demande with a bad phone');
        await assertErrorTiedToField(page, page.getByLabel(fr.phoneLabel));
        if (javaScriptEnabled) await assertNoAxeViolations(page, 'request form with an error (fr)');
      } finally { await context.close(); }
    });
  }

  for (const lang of LANGS.filter((l) => l !== 'fr')) {
    it(`error page passes axe in ${lang}`, async () => {
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        await page.goto(url('/demande', lang));
        // Labels differ by language: fill the form's only phone field and its first topic.
        const phoneField = page.getByRole('textbox').and(page.locator('[type=tel], [autocomplete=tel], [inputmode=tel]')).first();
        await phoneField.fill('12');
        await firstTopic(page).check();
        const form = page.locator('form').filter({ has: page.locator('fieldset.topics') });
        const res = await submit(page, () => form.getByRole('button').last().click());
        assert.equal(res.status(), 422);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        await assertErrorTiedToField(page, phoneField);
        await assertNoAxeViolations(page, `request form with an error (${lang})`);
      } finally { await context.close(); }
    });
  }
});

/** The field is aria-invalid, described by a visible error message, and listed in the summary. */
async function assertErrorTiedToField(page, field) {
  assert.equal(await field.getAttribute('aria-invalid'), 'true', 'the field has aria-invalid="true"');
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  assert.ok(ids.length > 0, 'the field has aria-describedby');
  const described = [];
  for (const id of ids) {
    const el = page.locator(`[id="${id}"]`);
    assert.equal(await el.count(), 1, `aria-describedby points at #${id}, which exists once`);
    described.push({ id, text: (await el.innerText()).trim(), isError: await el.evaluate((e) => e.classList.contains('error')) });
  }
  const error = described.find((d) => d.isError);
  assert.ok(error, `one of #${ids.join(', #')} is the .error message`);
  assert.ok(error.text.length > 1, 'the error message has text');
  const summary = page.locator('.error-summary');
  assert.equal(await summary.count(), 1, 'an .error-summary exists');
  assert.equal(await summary.getAttribute('role'), 'alert');
  const fieldId = await field.getAttribute('id');
  assert.ok(await summary.locator(`a[href="#${fieldId}"]`).count() >= 1, `the summary links to #${fieldId}`);
}
