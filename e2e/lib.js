// Shared helpers for the Relais browser tests: what the pages say (one block, easy to adjust),
// how the browser is launched, and the axe-core check.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

// ---------------------------------------------------------------------------------------------
// What the pages say. Change these when the server's wording changes; tests use no other text.
// ---------------------------------------------------------------------------------------------
export const UI = {
  fr: {
    callbackLink: 'Être rappelé',             // link on the home page to /demande
    phoneLabel: 'Votre numéro de téléphone',  // /demande phone field
    submitRequest: 'Envoyer ma demande',      // /demande submit button
    trackReference: 'Référence',              // /suivi fields
    trackPhone: 'Numéro de téléphone',
    cancelRequest: 'Annuler ma demande',      // /suivi button that POSTs to /suivi/annuler
    confirmCancel: /^(oui|confirmer)/i,       // a second confirmation step, if the server has one
    statusOpen: /en attente|reçue|enregistrée|attend/i,
    statusCancelled: /annulée/i,
  },
};
export const LANGS = ['fr', 'en', 'ar'];
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// Public pages known to exist; links found on the home page are added to these.
export const PUBLIC_PATHS = [
  '/', '/demande', '/suivi', '/connexion', '/benevoles/inscription', '/benevoles/charte',
  // The tutorial library: home, a search, a topic, a tutorial and its easy-to-read version.
  '/tutoriels', '/tutoriels?q=declaration%20caf', '/tutoriels/sujet/famille-visio',
  '/tutoriels/appel-video-whatsapp', '/tutoriels/appel-video-whatsapp?variant=falc',
  // The directory of places: the empty form and a search (its error page: a11y.test.js).
  '/lieux', '/lieux?near=73000&radius_km=50&need=&q=',
];
// Public pages answered with 422 and an error tied to a field; checked with axe too.
export const ERROR_PATHS = ['/lieux?near=Xyzzyville'];
// Paths that are not public pages (or not HTML) even when linked from a public page.
export const NOT_PUBLIC = /^\/(static|api|console|coordination|coordinateur|benevole|admin|metrics|healthz|openapi|docs\/api)(\/|$)|\.(csv|ics|json|xml|svg|png|pdf|css|js)$/;
// A reference is two groups of three characters from an unambiguous alphabet.
export const REFERENCE = /^[ACDEFGHJKMNPQRTUVWXY34679]{3}-[ACDEFGHJKMNPQRTUVWXY34679]{3}$/;
// A different valid mobile number for each submission in a run: 06 12 34 56 7x.
export const phoneNumber = (x) => `06 12 34 56 7${x}`;

export const BASE_URL = process.env.RELAIS_URL?.replace(/\/$/, '');
export const SERVER_SKIP = BASE_URL ? false : 'RELAIS_URL is not set (scripts/e2e.sh starts a server and sets it)';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// This machine has no internet: map tiles (OpenStreetMap's server, the default of
// --map-tiles-url) are answered by a stub in every context, and counted per context.
export const TILE_URL = /^https:\/\/([a-z0-9-]+\.)*tile\.openstreetmap\.org\//;
const TILE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** A fresh context (own cookies) with French as the browser's language, like most callers. */
export async function newContext(browser, { javaScriptEnabled = true, ...rest } = {}) {
  const context = await browser.newContext({
    javaScriptEnabled, locale: 'fr-FR', viewport: { width: 360, height: 740 }, ...rest,
  });
  context.tileRequests = 0;
  await context.route(TILE_URL, (route) => {
    context.tileRequests += 1;
    return route.fulfill({ body: TILE_PNG, contentType: 'image/png' });
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  return context;
}

/** Absolute URL on the server under test, with `?lang=` added unless `lang` is null. */
export function url(path, lang = null) {
  const u = new URL(path, BASE_URL + '/');
  if (lang) u.searchParams.set('lang', lang);
  return u.toString();
}

/** Records what goes wrong while a page loads: failed sub-resources, CSP and script errors. */
export function watchProblems(page) {
  const problems = [];
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.request().isNavigationRequest()) {
      problems.push(`${r.status()} for ${r.request().resourceType()} ${r.url()}`);
    }
  });
  page.on('requestfailed', (r) => {
    // Leaving a page cuts its live stream (server-sent events): that abort is the browser
    // closing the connection on purpose, not a failure of the page.
    if (r.resourceType() === 'eventsource' && r.failure()?.errorText === 'net::ERR_ABORTED') return;
    // The browser fetches the favicon on its own after the load event; going on to the next
    // page cancels that fetch. A missing favicon still shows up as a 404 in the handler above.
    if (new URL(r.url()).pathname.endsWith('/favicon.svg') && r.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`failed ${r.resourceType()} ${r.url()}: ${r.failure()?.errorText}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()} (${m.location()?.url ?? page.url()})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

/**
 * Runs `action` (a click or key press that submits a form) and waits for the document it leads
 * to, following redirects; returns the final navigation response (e.g. the 200 after a 303,
 * or a 422 error page).
 */
export async function submit(page, action) {
  const response = page.waitForResponse((r) => r.request().isNavigationRequest()
    && r.frame() === page.mainFrame() && !(r.status() >= 300 && r.status() < 400));
  const loaded = page.waitForEvent('load');
  await action();
  const [r] = await Promise.all([response, loaded]);
  return r;
}

/** Fails with a readable list when axe-core finds WCAG 2.1 A/AA violations on the page. */
export async function assertNoAxeViolations(page, label = page.url()) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  if (results.violations.length > 0) {
    const text = formatViolations(results.violations);
    console.log(`axe violations on ${label}:\n${text}`);
    assert.fail(`${results.violations.length} axe violation(s) on ${label}:\n${text}`);
  }
  return results;
}

export function formatViolations(violations) {
  return violations.map((v) => {
    const nodes = v.nodes.slice(0, 5).map((n) => {
      const summary = (n.failureSummary ?? '').replace(/\s*\n\s*/g, ' ');
      return `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${summary}`;
    }).join('\n');
    const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
    return `  * [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
  }).join('\n');
}

/** Public page paths: the known ones plus the same-site links of the home page. */
export async function discoverPublicPaths() {
  const paths = new Set(PUBLIC_PATHS);
  try {
    const res = await fetch(url('/'));
    const html = await res.text();
    for (const [, href] of html.matchAll(/href="(\/[^"#?]*)/g)) {
      const path = href.replace(/&amp;/g, '&');
      if (!path.startsWith('//') && !NOT_PUBLIC.test(path)) paths.add(path);
    }
  } catch (e) {
    console.log(`could not list the home page's links: ${e.message}`);
  }
  return [...paths];
}
