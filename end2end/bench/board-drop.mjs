// The bed board at 1000 beds in Chromium, as two reception staff use it: one drags a guest
// to a free bed of her structure; the other has the whole board open in another browser.
// Prints the first render and hydration of the whole board, and for each drop the time
// from the release of the pointer to the change shown on the other board (p50, p95), with
// the goal (p95 ≤ 300 ms). Both times are read from this machine's clock.
//
// Usage: BASE_URL=http://127.0.0.1:3300 node bench/board-drop.mjs (the server on the
// generated network of the board benchmark: `cargo bench -p server --bench board_browser`).
import { chromium } from 'playwright-core';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const drops = Number(process.env.DROPS ?? 20);
const who = 'coordinatrice@anello.test';

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function signedInPage() {
  // Tall enough for a whole structure card: the drop lands away from the edges, where
  // the board scrolls during a drag.
  const context = await browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 2200 } });
  const signedIn = await context.request.post(`${base}/api/auth/sign_in`, {
    headers: { Origin: base, Accept: 'application/json' },
    form: { email: who, password: 'anello-demo' },
  });
  if (!signedIn.ok()) throw new Error(`sign-in: ${signedIn.status()}`);
  // The moment the page says it has hydrated, on the page's own clock.
  // (The script runs before <html> exists: it watches the whole document.)
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.documentElement?.hasAttribute('data-hydrated')) {
        window.__hydratedAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-hydrated'] });
  });
  return context.newPage();
}

/** Opens `path` and returns its first render and hydration times (ms from navigation). */
async function open(page, path) {
  await page.goto(`${base}${path}`);
  await page.waitForSelector('html[data-hydrated]', { timeout: 120_000 });
  await page.getByText('Aggiornamento in diretta attivo').waitFor({ timeout: 60_000 });
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      bytes: navigation.transferSize,
      responseEnd: navigation.responseEnd,
      firstPaint: paint ? paint.startTime : NaN,
      domContentLoaded: navigation.domContentLoadedEventEnd,
      hydrated: window.__hydratedAt,
    };
  });
}

/** A pointer drag from `grip` to `target`, released at the returned time (Date.now()). */
async function drag(page, card, grip, target) {
  await card.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const from = await grip.boundingBox();
  const height = page.viewportSize().height;
  for (const box of [from, await target.boundingBox()]) {
    if (!box || box.y < 60 || box.y + box.height > height - 60) throw new Error('the card does not fit on the screen');
  }
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 12, { steps: 3 });
  await page.locator('.drag-ghost').waitFor({ state: 'visible', timeout: 2000 });
  const to = await target.boundingBox();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  const released = Date.now();
  await page.mouse.up();
  return released;
}

/** On the watcher's page: the time (Date.now()) bed `bed` first shows `code`. */
async function watchFor(watcher, bed, code) {
  await watcher.evaluate(({ bed, code }) => {
    window.__seenAt = null;
    window.__watching?.disconnect();
    const seen = () => document.querySelector(`li.bed[data-bed="${bed}"] a.code`)?.textContent.includes(code);
    window.__watching = new MutationObserver(() => {
      if (seen()) {
        window.__seenAt = Date.now();
        window.__watching.disconnect();
      }
    });
    window.__watching.observe(document.body, { subtree: true, childList: true, characterData: true });
  }, { bed, code });
}

const watcher = await signedInPage();
const board = await open(watcher, '/posti-letto');
const mover = await signedInPage();
// Her own structure only (the search keeps its card), as a reception manager works.
const structure = process.env.STRUCTURE ?? 'Struttura generata 57';
const card = mover.locator('section.structure-card').filter({ hasText: structure });
// The whole board starts folded, and a folded structure's beds are not in the page: the
// coordinator opens the one she follows, as she would to see its beds change.
const watched = watcher.locator('section.structure-card').filter({ hasText: structure });
const watchedFold = watched.locator('details.beds-fold');
if (!(await watchedFold.getAttribute('open') !== null)) await watchedFold.locator('> summary').click();
await watched.locator('li.bed').first().waitFor();
async function openMoverBoard() {
  await open(mover, `/posti-letto?cerca=${encodeURIComponent(structure)}`);
  // A network's board starts folded (`beds::folding`); a search that keeps one
  // structure opens it, and a build from before that is opened by hand.
  const folded = card.locator('details.beds-fold:not([open]) > summary');
  if (await folded.count()) await folded.click();
}
await openMoverBoard();

const latencies = [];
let refused = 0;
for (let round = 0; latencies.length < drops && round < drops * 3; round++) {
  const guests = card.locator('li.bed-occupied');
  const guest = guests.nth(round % (await guests.count()));
  const code = (await guest.locator('a.code').textContent()).trim();
  const free = card.locator('li.bed-free[data-drop]').first();
  const bed = await free.getAttribute('data-bed');
  await watchFor(watcher, bed, code);
  const released = await drag(mover, card, guest.getByRole('button', { name: `Trascina ${code}` }), free);
  // The server's answer: her code in the bed as a guest's (a bed waiting for the answer
  // shows "→ code" only), or a refusal.
  const placed = mover.locator(`li.bed-occupied[data-bed="${bed}"] a.code`).filter({ hasText: code });
  const refusal = mover.getByRole('alert').filter({ hasText: 'non rispetta le regole' });
  await placed.or(refusal).first().waitFor({ timeout: 10_000 });
  if (await refusal.isVisible()) {
    // A rule of the structure refused her (age, family): not a move, try the next guest.
    // One she may set aside asks for a reason (cancelled here); one she may not stays on
    // the board as an error until the page is opened again.
    refused++;
    const cancel = refusal.getByRole('button', { name: 'Annulla' });
    if (await cancel.count()) {
      await cancel.click();
      await refusal.waitFor({ state: 'hidden' });
    } else {
      await openMoverBoard();
    }
    continue;
  }
  await watcher.waitForFunction(() => window.__seenAt, null, { timeout: 10_000 });
  const seenAt = await watcher.evaluate(() => window.__seenAt);
  latencies.push(seenAt - released);
}
await browser.close();

const sorted = [...latencies].sort((a, b) => a - b);
const quantile = (q) => sorted[Math.max(0, Math.ceil(sorted.length * q) - 1)];
const ms = (n) => `${Math.round(n)} ms`;
console.log('\nThe bed board at 1000 beds in Chromium (the whole board, as the coordinator sees it)');
console.log(`page ${(board.bytes / 1024).toFixed(0)} KiB as transferred; response end ${ms(board.responseEnd)}, ` +
  `first contentful paint ${ms(board.firstPaint)}, DOM ready ${ms(board.domContentLoaded)}, ` +
  `hydrated ${ms(board.hydrated)} (from navigation)`);
console.log(`drop in one browser → change shown on the other's whole board, ${latencies.length} drops` +
  (refused ? ` (${refused} refused by a rule, not counted)` : '') +
  `: p50 ${ms(quantile(0.5))}, p95 ${ms(quantile(0.95))}, max ${ms(sorted[sorted.length - 1])}; ` +
  `goal p95 ≤ 300 ms: ${quantile(0.95) <= 300 ? 'met' : 'NOT met'}`);
