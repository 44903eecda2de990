import { test, expect, Page } from '@playwright/test';
import * as fs from 'fs';
import { signIn, untilHydrated } from './helpers';

// Outreach without signal: the contact page registers its service worker and keeps
// itself; two contacts logged with the phone offline wait on the phone ("in attesa di
// invio"), survive the page being closed, and arrive once each when the phone is back
// online and the page opens again. Signing out empties what waits. Only in the
// javascript project: without JavaScript there is no service worker.

// In Italian on a phone, and in English on a desktop (a worker at the office with a
// dropping connection).
const runs = [
  {
    locale: 'it-IT', language: 'it' as const, width: 360, woman: 'Donna', area: 'Zona', details: 'Data, luogo, nazionalità, più persone',
    submit: 'Registra contatto', ready: 'Questa pagina si apre anche senza connessione.', privacy: /restano solo i campi di questo modulo/,
    kept: 'Salvato sul telefono: sarà inviato appena torna la connessione.', two: '2 contatti in attesa di invio',
    one: 'Un contatto in attesa di invio', waiting: /in attesa di invio/, signOut: 'Esci',
  },
  {
    locale: 'en-GB', language: 'en' as const, width: 1280, woman: 'Woman', area: 'Area', details: 'Date, place, nationality, several people',
    submit: 'Log contact', ready: 'This page also opens without a connection.', privacy: /Only this form's fields stay on the phone/,
    kept: 'Saved on the phone: it will be sent as soon as the connection returns.', two: '2 contacts waiting to be sent',
    one: 'One contact waiting to be sent', waiting: /waiting to be sent/, signOut: 'Sign out',
  },
];
type Words = typeof runs[number];

async function logContact(page: Page, words: Words, area: string) {
  await page.getByRole('radio', { name: words.woman, exact: true }).check();
  await page.getByRole('radio', { name: '18–24' }).check();
  // Opened once, the details stay open after a reset.
  const details = page.locator('details.more-details');
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await page.getByText(words.details).click();
  }
  await page.getByLabel(words.area, { exact: true }).fill(area);
  await page.getByRole('button', { name: words.submit }).click();
}

/** How many contacts wait in the phone's outbox (IndexedDB, as the worker keeps it). */
function waitingOn(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => {
    const open = indexedDB.open('anello-outreach', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('outbox', { keyPath: 'clientId' });
    open.onsuccess = () => {
      const count = open.result.transaction('outbox').objectStore('outbox').count();
      count.onsuccess = () => { resolve(count.result); open.result.close(); };
    };
  }));
}

for (const words of runs) {
  test(`contacts logged without signal wait on the phone and arrive once when it returns, ${words.locale} at ${words.width} px`, async ({ browser }, info) => {
    const context = await browser.newContext({ locale: words.locale, viewport: { width: words.width, height: 800 }, serviceWorkers: 'allow' });
    const page = await context.newPage();
    await signIn(page, 'strada@anello.test', words.language);
    await page.goto('/contatti');
    await untilHydrated(page);
    await expect(page.getByText(words.ready)).toBeVisible({ timeout: 20000 });
    await expect(page.getByText(words.privacy)).toBeVisible();

    const tag = `${words.language}${Date.now().toString(36)}`;
    const areas = [`Piazza senza campo ${tag}`, `Lungo Dora senza campo ${tag}`];
    await context.setOffline(true);
    for (const area of areas) {
      await logContact(page, words, area);
      await expect(page.getByRole('status').getByText(words.kept)).toBeVisible();
    }
    await expect(page.getByText(words.two)).toBeVisible();
    expect(await waitingOn(page)).toBe(2);
    fs.mkdirSync('screenshots', { recursive: true });
    await page.screenshot({ path: `screenshots/${info.project.name}-offline-outbox-${words.locale}-${words.width}.png`, fullPage: true });
    await page.close();

    // Back online, the page opens again and sends what waits.
    await context.setOffline(false);
    const again = await context.newPage();
    await again.goto('/contatti');
    await untilHydrated(again);
    // Sent once the worker has been told: nothing waits on the phone any more.
    await expect.poll(() => waitingOn(again), { timeout: 20000 }).toBe(0);
    await expect(again.getByText(words.waiting)).toHaveCount(0);
    await again.reload();
    for (const area of areas) {
      await expect(again.locator('main').getByText(area)).toHaveCount(1);
    }
    // Opened once more: nothing sent twice.
    await again.reload();
    await untilHydrated(again);
    await again.waitForTimeout(1000);
    await again.reload();
    for (const area of areas) {
      await expect(again.locator('main').getByText(area)).toHaveCount(1);
    }

    // A contact waiting at sign-out is deleted with the outbox.
    await expect(again.getByText(words.ready)).toBeVisible({ timeout: 20000 });
    await context.setOffline(true);
    await logContact(again, words, `Non inviato ${tag}`);
    await expect(again.getByText(words.one)).toBeVisible();
    expect(await waitingOn(again)).toBe(1);
    await again.getByRole('button', { name: words.signOut }).click();
    await expect.poll(() => waitingOn(again), { timeout: 10000 }).toBe(0);
    await context.setOffline(false);
    await context.close();
  });
}

test('the app can be added to the home screen', async ({ page }) => {
  const response = await page.request.get('/manifest.webmanifest');
  expect(response.status()).toBe(200);
  const manifest = await response.json();
  expect(manifest.short_name).toBe('Anello');
  expect(manifest.start_url).toBe('/contatti');
  expect(manifest.display).toBe('standalone');
  await page.goto('/accedi');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
});
