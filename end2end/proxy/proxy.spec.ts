import { test, expect, Page, Response } from '@playwright/test';
import * as fs from 'fs';
import { openPlaceForm, proposeForShelter, signIn } from '../tests/helpers';

test.use({ locale: 'it-IT', viewport: { width: 1280, height: 2200 } });

// nginx of this run names the replica that answered (X-Anello-Upstream), so that the
// test can prove a change crossed from one replica to the other.
const upstream = (response: Response) => response.headers()['x-anello-upstream'];

test('over https through nginx: sign in with a __Host- cookie, and a move on one replica is seen live through the other', async ({ page, browser, context }) => {
  await signIn(page, 'accoglienza@anello.test');
  const session = (await context.cookies()).find((c) => c.name === '__Host-anello_session');
  expect(session, 'the __Host- session cookie').toBeTruthy();
  expect(session!.secure).toBe(true);
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe('Strict');
  const code = await proposeForShelter(page, 'Nora', 'Proxy');

  // The coordinator's board in another browser; which replica holds its event stream?
  const other = await browser.newContext({ locale: 'it-IT', ignoreHTTPSErrors: true, viewport: { width: 1280, height: 2200 } });
  const watcher = await other.newPage();
  const streams: string[] = [];
  watcher.on('response', (response) => {
    if (response.url().includes('/posti-letto/eventi')) streams.push(upstream(response));
  });
  await signIn(watcher, 'coordinatrice@anello.test');
  await watcher.goto('/posti-letto?provincia=TO&accoglie=women');
  await expect(watcher.getByText('Aggiornamento in diretta attivo')).toBeVisible();
  expect(streams.length).toBeGreaterThan(0);

  // The manager places her with the form...
  await page.goto('/posti-letto?provincia=TO&accoglie=women');
  await expect(page.getByText('Aggiornamento in diretta attivo')).toBeVisible();
  const entry = await openPlaceForm(page, code);
  const place = entry.getByLabel('Inserisci nel posto');
  const beds = [
    await place.locator('option').nth(1).getAttribute('value'),
    await place.locator('option').nth(2).getAttribute('value'),
  ];
  await place.selectOption(beds[0]!);
  await entry.getByRole('button', { name: 'Inserisci' }).click();
  await expect(page.locator(`li.bed[data-bed="${beds[0]}"]`)).toContainText(code);
  await expect(watcher.locator(`li.bed[data-bed="${beds[0]}"]`)).toContainText(code, { timeout: 5000 });

  // ...then moves her between two beds until a move has been answered by the replica
  // that does not hold the watcher's stream; the watcher sees every move, live.
  let crossed = false;
  for (let round = 0; round < 8 && !crossed; round++) {
    const from = beds[round % 2];
    const to = beds[(round + 1) % 2];
    const bed = page.locator(`li.bed[data-bed="${from}"]`);
    // Her forms close when the last answer's redirect lands (the board without
    // ?persona=): until then they are still open on her new bed, and would close under
    // the next select. Wait for it, then open them with her link.
    await expect(page).not.toHaveURL(/persona=/);
    // The link is a full page load. Until the page has hydrated, "Sposta" would send the
    // plain form (answered with a redirect, not the server function's 200): on a busy
    // machine the page's files arrive after the click. Wait for them.
    await bed.getByRole('link', { name: `Sposta o fai uscire ${code}` }).click();
    await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
    await bed.getByLabel('Sposta nel posto').selectOption(to!);
    const answered = page.waitForResponse((r) => r.url().includes('/api/beds/move'));
    await bed.getByRole('button', { name: 'Sposta' }).click();
    const move = await answered;
    expect(move.status()).toBe(200);
    await expect(page.locator(`li.bed[data-bed="${to}"]`)).toContainText(code);
    await expect(watcher.locator(`li.bed[data-bed="${to}"]`)).toContainText(code, { timeout: 5000 });
    crossed = upstream(move) !== streams[streams.length - 1];
    // nginx takes turns over the replicas: if each round makes an even number of
    // requests, every move would land on the same one. One or two more requests, in
    // turn, change whose turn the next move is, whatever a round's own count.
    if (!crossed) {
      for (let extra = 0; extra <= round % 2; extra++) await page.request.get('/healthz');
    }
  }
  expect(crossed, 'a move answered by the other replica than the watcher\'s stream').toBe(true);
  fs.mkdirSync('screenshots', { recursive: true });
  await watcher.screenshot({ path: 'screenshots/proxy-watcher.png' });
  await other.close();
});
