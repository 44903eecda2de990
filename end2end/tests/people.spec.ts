import { test, expect, Page, Browser } from '@playwright/test';
import * as fs from 'fs';
import { registerPerson, signIn } from './helpers';

test.use({ locale: 'it-IT' });


async function asUser(browser: Browser, javaScriptEnabled: boolean, email: string) {
  const context = await browser.newContext({ locale: 'it-IT', javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

test('a case worker registers a person; another organisation never sees who she is', async ({ page, browser }, info) => {
  const javaScript = info.project.name === 'javascript';
  // A family name no other test uses, so that its absence proves something.
  const familyName = `Marcatore${Date.now().toString(36)}${info.project.name.length}`;
  await signIn(page, 'operatrice@anello.test');
  await page.goto('/persone');
  await expect(page.getByRole('heading', { name: 'Persone', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Registra una persona' }).click();
  await expect(page.getByRole('heading', { name: 'Registra una persona' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Nome', exact: true }).fill('Grace');
  await page.getByRole('textbox', { name: 'Cognome', exact: true }).fill(familyName);
  await page.getByRole('radio', { name: 'Donna' }).check();
  await page.getByLabel('Data di nascita', { exact: true }).fill('2000-04-15');
  await page.getByLabel('Lingue parlate').fill('inglese');
  await page.getByRole('checkbox', { name: 'Lavorativo in agricoltura' }).check();
  await page.getByLabel('Provincia della presa in carico').selectOption('TO');
  await page.getByLabel('La persona ha dato oggi il consenso al trattamento dei dati').check();
  await page.getByRole('button', { name: 'Registra la persona' }).click();

  await expect(page).toHaveURL(/\/persone\/TO-\d{4}-\d{4,}$/);
  const code = page.url().split('/').pop()!;
  await expect(page.getByRole('heading', { level: 1 })).toContainText(code);
  await expect(page.locator('[data-identity="shown"]')).toContainText(familyName);
  await expect(page.getByRole('heading', { name: 'Chi ha consultato o modificato la scheda' })).toBeVisible();
  await expect(page.getByRole('table').last()).toContainText('Registrazione persona');
  fs.mkdirSync('screenshots', { recursive: true });
  await page.screenshot({ path: `screenshots/${info.project.name}-person-team.png`, fullPage: true });

  // Another organisation's case worker: refused, and nothing of her on the page.
  const other = await asUser(browser, javaScript, 'operatrice.cuneo@anello.test');
  const refused = await other.page.goto(`/persone/${code}`);
  expect(refused?.status()).toBe(403);
  expect(await other.page.content()).not.toContain(familyName);
  await other.page.goto(`/persone?codice=${code}`);
  await expect(other.page.getByRole('status').filter({ hasText: 'persone' })).toContainText('0 persone');
  await other.context.close();

  // The coordinator follows her path by code only.
  const coordinator = await asUser(browser, javaScript, 'coordinatrice@anello.test');
  const response = await coordinator.page.goto(`/persone/${code}`);
  expect(response?.status()).toBe(200);
  await expect(coordinator.page.getByRole('heading', { level: 1 })).toContainText(code);
  await expect(coordinator.page.getByText('Vedi solo il codice di rete')).toBeVisible();
  expect(await coordinator.page.content()).not.toContain(familyName);
  await coordinator.page.screenshot({ path: `screenshots/${info.project.name}-person-code-only.png`, fullPage: true });
  await coordinator.context.close();
});

test('the people list filters and pages for the team', async ({ page }, info) => {
  await signIn(page, 'operatrice@anello.test');
  await page.goto('/persone');
  await expect(page.getByRole('status').filter({ hasText: 'persone' })).toBeVisible();
  await page.getByLabel('Età').selectOption('minor');
  await page.getByRole('button', { name: 'Filtra' }).click();
  await expect(page).toHaveURL(/eta=minor/);
  const rows = page.locator('tbody tr');
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    await expect(rows.nth(i)).toContainText('minorenne');
  }
  await page.screenshot({ path: `screenshots/${info.project.name}-people-list.png`, fullPage: true });
});

test('a case worker runs a screening with the indicator checklist', async ({ page }, info) => {
  await signIn(page, 'operatrice@anello.test');
  const code = await registerPerson(page, 'Esther', 'Colloquio');
  await page.getByRole('link', { name: 'Nuovo colloquio di valutazione' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Colloquio di valutazione');
  await expect(page.getByRole('group', { name: 'Sfruttamento sessuale' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Sfruttamento lavorativo' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Accattonaggio e attività illegali forzate' })).toBeVisible();
  const labour = page.getByRole('group', { name: 'Sfruttamento lavorativo' }).getByRole('checkbox');
  await labour.nth(0).check();
  await labour.nth(2).check();
  await page.getByLabel('Esito della valutazione').selectOption('proposal');
  await page.screenshot({ path: `screenshots/${info.project.name}-screening.png`, fullPage: true });
  await page.getByRole('button', { name: 'Salva il colloquio' }).click();

  await expect(page).toHaveURL(new RegExp(`/persone/${code}$`));
  const screenings = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Colloqui di valutazione' }) });
  await expect(screenings).toContainText('Proposta di inserimento nel programma');
  await expect(screenings).toContainText('2 indicatori · lista versione 1');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Proposta di inserimento');
});

test('trainers see the checklist versions and may prepare the next one', async ({ page }, info) => {
  await signIn(page, 'formatrice@anello.test');
  await page.goto('/indicatori');
  await expect(page.getByRole('heading', { name: 'Indicatori', level: 1 })).toBeVisible();
  await expect(page.getByText(/Versione 1 del/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Prepara una nuova versione' })).toBeVisible();
  await page.screenshot({ path: `screenshots/${info.project.name}-checklists.png`, fullPage: true });
});

test('a person proposed for shelter appears, by code, on every reception manager\'s waiting list', async ({ page, browser }, info) => {
  const javaScript = info.project.name === 'javascript';
  await signIn(page, 'operatrice@anello.test');
  const code = await registerPerson(page, 'Adaeze', 'Attesa');
  await page.getByText('Proponi per l\'accoglienza').first().click();
  await page.getByLabel('Urgenza').selectOption('immediate');
  await page.getByLabel('Tipo di accoglienza').selectOption('women');
  await page.getByLabel('Lingua per la mediazione').fill('igbo');
  await page.getByRole('button', { name: 'Proponi per l\'accoglienza' }).click();
  const waiting = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Lista d\'attesa per l\'accoglienza' }) });
  await expect(waiting).toContainText('Immediata (pronta accoglienza)');

  const manager = await asUser(browser, javaScript, 'accoglienza.cuneo@anello.test');
  await manager.page.goto('/lista-attesa');
  const row = manager.page.getByRole('row').filter({ hasText: code });
  await expect(row).toContainText('Immediata');
  await expect(row).toContainText('lingua: igbo');
  expect(await manager.page.content()).not.toContain('Attesa</');
  await manager.page.screenshot({ path: `screenshots/${info.project.name}-waiting-list.png`, fullPage: true });
  await manager.context.close();
});
