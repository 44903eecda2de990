import { test, expect } from '@playwright/test';
import * as fs from 'fs';
import { asUser, proposeForShelter, untilHydrated } from './helpers';

// Daily use in the hydrated page (the no-javascript project does not run this file: a
// plain form has no busy state, no live count and no upload progress): a submit button
// busy while its action runs (no second submit); the unread count in the bar that grows
// by itself when a colleague proposes someone for a bed; an upload's progress.

test.use({ locale: 'it-IT' });

// Each flow in Italian on a phone and in English on a desktop.
const runs = [
  {
    locale: 'it-IT', width: 360, busy: 'Invio in corso…', daily: 'Un riepilogo al giorno, alle 7', off: 'Mai: le leggo solo in Anello',
    save: 'Salva la scelta', saved: 'Scelta salvata.', create: 'Crea la bozza', attach: 'Allega un file', upload: 'Carica il file',
    progress: /Invio del file: \d+%/,
  },
  {
    locale: 'en-GB', width: 1280, busy: 'Sending…', daily: 'One summary a day, at 7', off: 'Never: I read them in Anello',
    save: 'Save my choice', saved: 'Choice saved.', create: 'Create the draft', attach: 'Attach a file', upload: 'Upload the file',
    progress: /Sending the file: \d+%/,
  },
];

fs.mkdirSync('screenshots', { recursive: true });

for (const words of runs) {
  test(`a submit button is busy while its action runs and is not sent twice, ${words.locale} at ${words.width} px`, async ({ browser }, info) => {
    const trainer = await asUser(browser, 'formatrice@anello.test', words.width, words.locale);
    const page = trainer.page;
    await page.goto('/notifiche/impostazioni');
    await untilHydrated(page);
    let sent = 0;
    await page.route('**/api/notifications/email/save', async (route) => {
      sent += 1;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.getByRole('radio', { name: words.daily }).check();
    const save = page.locator('main button[type="submit"]', { hasText: new RegExp(`${words.save}|${words.busy}`) });
    await save.click();
    await expect(save).toBeDisabled();
    await expect(save).toHaveText(words.busy, { useInnerText: true });
    await expect(save).toHaveAttribute('aria-busy', 'true');
    // A second press while it runs sends nothing.
    await page.keyboard.press('Enter');
    // The page says it itself (no toast beside it).
    await expect(page.getByRole('status').filter({ hasText: words.saved })).toBeVisible();
    await expect(save).toBeEnabled();
    await expect(save).toHaveText(words.save, { useInnerText: true });
    expect(sent).toBe(1);
    await page.screenshot({ path: `screenshots/${info.project.name}-busy-${words.locale}-${words.width}.png` });
    // Back to no e-mail.
    await page.unroute('**/api/notifications/email/save');
    await page.getByRole('radio', { name: words.off }).check();
    await save.click();
    await expect(save).toBeEnabled();
    await trainer.context.close();
  });

  test(`an upload shows its progress and the file arrives, ${words.locale} at ${words.width} px`, async ({ browser }, info) => {
    const trainer = await asUser(browser, 'formatrice@anello.test', words.width, words.locale);
    const page = trainer.page;
    await page.goto('/forum/materiali/nuovo');
    await page.locator('#material-title').fill(`Materiale con allegato lento ${words.locale} ${Date.now()}`);
    await page.locator('#material-body').fill('Indicazioni per il primo colloquio: ascolto, tempi, interprete.');
    await page.locator('input[type="checkbox"][name^="form[tags]"]').first().check();
    await page.getByRole('button', { name: words.create }).click();
    await expect(page).toHaveURL(/\/forum\/materiali\/bozze\/\d+/);
    await untilHydrated(page);
    // 1 MiB at about 2 Mbit/s: four seconds of progress.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 50, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024 * 1024, 0x25), Buffer.from('\n%%EOF\n')]);
    await page.getByLabel(words.attach).setInputFiles({ name: 'lento.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: words.upload }).click();
    await expect(page.getByRole('progressbar')).toBeVisible();
    await expect(page.getByText(words.progress)).toBeVisible();
    await page.screenshot({ path: `screenshots/${info.project.name}-upload-progress-${words.locale}-${words.width}.png` });
    await expect(page.locator('.material-files')).toContainText('lento.pdf', { timeout: 30000 });
    await trainer.context.close();
  });
}

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
