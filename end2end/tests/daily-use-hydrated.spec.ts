import { test, expect, Browser } from '@playwright/test';
import * as fs from 'fs';
import { proposeForShelter, signIn, untilHydrated } from './helpers';

// Daily use in the hydrated page (the no-javascript project does not run this file: a
// plain form has no busy state, no live count and no upload progress): a submit button
// busy while its action runs (no second submit); the unread count in the bar that grows
// by itself when a colleague proposes someone for a bed; an upload's progress.

test.use({ locale: 'it-IT' });

async function asUser(browser: Browser, email: string, width: number, locale = 'it-IT') {
  const context = await browser.newContext({
    locale,
    viewport: { width, height: 900 },
    javaScriptEnabled: test.info().project.use.javaScriptEnabled,
  });
  const page = await context.newPage();
  if (locale.startsWith('en')) {
    await page.goto('/accedi');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill('anello-demo');
    await page.locator('main').getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  } else {
    await signIn(page, email);
  }
  return { context, page };
}

test('a submit button is busy while its action runs and is not sent twice', async ({ browser }, info) => {
  const trainer = await asUser(browser, 'formatrice@anello.test', 360);
  const page = trainer.page;
  await page.goto('/notifiche/impostazioni');
  await untilHydrated(page);
  let sent = 0;
  await page.route('**/api/notifications/email/save', async (route) => {
    sent += 1;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.getByRole('radio', { name: 'Un riepilogo al giorno, alle 7' }).check();
  const save = page.locator('main button[type="submit"]', { hasText: /Salva la scelta|Invio in corso/ });
  await save.click();
  await expect(save).toBeDisabled();
  await expect(save).toHaveText('Invio in corso…', { useInnerText: true });
  await expect(save).toHaveAttribute('aria-busy', 'true');
  // A second press while it runs sends nothing.
  await page.keyboard.press('Enter');
  // The page says it itself (no toast beside it).
  await expect(page.getByRole('status').filter({ hasText: 'Scelta salvata.' })).toBeVisible();
  await expect(save).toBeEnabled();
  await expect(save).toHaveText('Salva la scelta', { useInnerText: true });
  expect(sent).toBe(1);
  await page.screenshot({ path: `screenshots/${info.project.name}-busy-toast.png` });
  // Back to no e-mail.
  await page.unroute('**/api/notifications/email/save');
  await page.getByRole('radio', { name: 'Mai: le leggo solo in Anello' }).check();
  await save.click();
  await expect(save).toBeEnabled();
  await trainer.context.close();
});

for (const width of [360, 1280]) {
  test(`the unread count grows by itself when someone is proposed for a bed, at ${width} px`, async ({ browser }, info) => {
    const locale = width === 360 ? 'it-IT' : 'en-GB';
    const manager = await asUser(browser, 'accoglienza.cuneo@anello.test', width, locale);
    await manager.page.goto('/');
    await untilHydrated(manager.page);
    const link = manager.page.locator('.notifications-link');
    const countNow = async () => Number((await link.locator('.count-badge').textContent({ timeout: 500 }).catch(() => '0')) || '0');
    const before = await countNow();

    const worker = await asUser(browser, 'operatrice@anello.test', 1280);
    const code = await proposeForShelter(worker.page, 'Elena', `Contatore${width}`);
    await worker.context.close();

    // No navigation: the bar's count follows.
    await expect.poll(countNow, { timeout: 15000 }).toBeGreaterThan(before);
    await manager.page.screenshot({ path: `screenshots/${info.project.name}-live-count-${width}.png` });
    await link.click();
    const sentence = width === 360 ? `${code} è in lista d'attesa per un posto letto` : `${code} is waiting for a bed`;
    await expect(manager.page.locator('.notification-list li', { hasText: sentence })).toBeVisible();
    await manager.context.close();
  });
}

test('an upload shows its progress and the file arrives', async ({ browser }, info) => {
  const trainer = await asUser(browser, 'formatrice@anello.test', 360);
  const page = trainer.page;
  await page.goto('/forum/materiali/nuovo');
  await page.locator('#material-title').fill(`Materiale con allegato lento ${Date.now()}`);
  await page.locator('#material-body').fill('Indicazioni per il primo colloquio: ascolto, tempi, interprete.');
  await page.locator('input[type="checkbox"][name^="form[tags]"]').first().check();
  await page.getByRole('button', { name: 'Crea la bozza' }).click();
  await expect(page).toHaveURL(/\/forum\/materiali\/bozze\/\d+/);
  await untilHydrated(page);
  // 1 MiB at about 2 Mbit/s: four seconds of progress.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 50, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024 * 1024, 0x25), Buffer.from('\n%%EOF\n')]);
  await page.getByLabel('Allega un file').setInputFiles({ name: 'lento.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Carica il file' }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByText(/Invio del file: \d+%/)).toBeVisible();
  await page.screenshot({ path: `screenshots/${info.project.name}-upload-progress.png` });
  await expect(page.locator('.material-files')).toContainText('lento.pdf', { timeout: 30000 });
  await trainer.context.close();
});
