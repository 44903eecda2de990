import { test, expect } from '@playwright/test';
import * as fs from 'fs';
import { registerPerson, signIn } from './helpers';

// The agreed plan: the case worker records the version agreed with the person and asks
// her reception manager to approve it; the plan changes and the two are compared; the
// reception manager, notified, approves; the agreed plan prints on A4, in Italian and in
// English. Works with and without JavaScript.
test.use({ locale: 'it-IT' });

test('a plan is agreed, compared, approved and printed to be signed', async ({ page, browser }, info) => {
  const javascript = info.project.name === 'javascript';
  await signIn(page, 'operatrice@anello.test');
  const family = `Accordo${info.project.name.length}`;
  const code = await registerPerson(page, 'Esther', family);
  await page.goto(`/persone/${code}/progetto`);
  await page.getByRole('button', { name: 'Apri il progetto personalizzato' }).click();
  const language = page.locator('#area-language');
  await language.getByText('Aggiungi un obiettivo').click();
  await language.getByRole('textbox', { name: 'Obiettivo' }).fill('Livello A2 di italiano');
  await language.getByRole('button', { name: "Aggiungi l'obiettivo" }).click();
  await expect(language.getByText('Livello A2 di italiano')).toBeVisible();
  await expect(page.getByText('Il progetto non è ancora stato concordato con la persona.')).toBeVisible();

  // Record the version agreed with her, asking Marta Gallo to approve it.
  await page.getByRole('link', { name: 'Versioni concordate' }).click();
  await expect(page.getByRole('heading', { name: 'Versioni concordate del progetto' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Lingua' }).fill('inglese');
  await page.getByRole('textbox', { name: 'Mediatrice o mediatore culturale presente' }).fill('Grace Osas');
  const approver = await page.locator('#agreed-approver option', { hasText: 'Marta Gallo' }).getAttribute('value');
  await page.getByRole('combobox', { name: 'Chi approva' }).selectOption(approver!);
  await page.getByRole('button', { name: "Registra e chiedi l'approvazione" }).click();
  await expect(page.getByRole('heading', { name: /Versione 1/ })).toBeVisible();
  await expect(page.locator('.version-card')).toContainText('in attesa di Marta Gallo');

  // The plan changes; comparing the agreed version with it shows what changed.
  await page.goto(`/persone/${code}/progetto`);
  const work = page.locator('#area-work');
  await work.getByText('Aggiungi un obiettivo').click();
  await work.getByRole('textbox', { name: 'Obiettivo' }).fill('Tirocinio in ristorazione');
  await work.getByRole('button', { name: "Aggiungi l'obiettivo" }).click();
  await expect(work.getByText('Tirocinio in ristorazione')).toBeVisible();
  await page.goto(`/persone/${code}/progetto/versioni`);
  await page.getByRole('combobox', { name: 'Da' }).selectOption({ label: 'Versione 1' });
  await page.getByRole('combobox', { name: 'A', exact: true }).selectOption({ label: 'Progetto attuale (non ancora concordato)' });
  await page.getByRole('button', { name: 'Confronta' }).click();
  const diff = page.locator('table.diff-table');
  await expect(diff).toContainText('Obiettivo: Tirocinio in ristorazione');
  await expect(diff).toContainText('Aggiunta');
  fs.mkdirSync('screenshots', { recursive: true });
  await page.screenshot({ path: `screenshots/${info.project.name}-plan-versions.png`, fullPage: true });

  // The reception manager sees the request among her notifications and approves.
  const context = await browser.newContext({ locale: 'it-IT', javaScriptEnabled: javascript });
  const manager = await context.newPage();
  await signIn(manager, 'accoglienza@anello.test');
  await expect(manager.locator('.notifications-link .count-badge')).toBeVisible();
  await manager.locator('.notifications-link').click();
  await expect(manager.getByRole('heading', { name: 'Notifiche' })).toBeVisible();
  const request = manager.locator('.notification-list li', { hasText: code });
  await expect(request.first()).toContainText('aspetta la tua approvazione');
  await request.first().getByRole('link', { name: 'Apri' }).click();
  await manager.getByRole('button', { name: 'Approva la versione 1' }).click();
  await expect(manager.locator('.version-card')).toContainText('Approvata da Marta Gallo');
  await context.close();

  // The print view of the agreed version, clean on A4.
  await page.goto(`/persone/${code}/progetto/stampa`);
  await expect(page.getByRole('heading', { name: 'Progetto personalizzato', level: 1 })).toBeVisible();
  await expect(page.locator('.print-person')).toContainText(`Esther ${family}`);
  await expect(page.locator('.print-sheet')).toContainText('Versione 1, concordata il');
  await expect(page.locator('.print-sheet')).toContainText('Livello A2 di italiano');
  // What was added after the agreement is not in the agreed version.
  await expect(page.locator('.print-sheet')).not.toContainText('Tirocinio in ristorazione');
  await expect(page.getByRole('heading', { name: 'Firme' })).toBeVisible();
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await page.screenshot({ path: `screenshots/${info.project.name}-plan-print.png`, fullPage: true });

  // The same sheet in English, for a user whose interface is English.
  const english = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: javascript });
  const reader = await english.newPage();
  await reader.goto('/accedi');
  await reader.getByLabel('E-mail address').fill('operatrice@anello.test');
  await reader.getByLabel('Password').fill('anello-demo');
  await reader.locator('main').getByRole('button', { name: 'Sign in' }).click();
  await expect(reader.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await reader.goto(`/persone/${code}/progetto/stampa`);
  await expect(reader.getByRole('heading', { name: 'Personalised plan', level: 1 })).toBeVisible();
  await expect(reader.locator('.print-sheet')).toContainText('Version 1, agreed on');
  await expect(reader.getByRole('heading', { name: 'Signatures' })).toBeVisible();
  await reader.setViewportSize({ width: 794, height: 1123 });
  await reader.emulateMedia({ media: 'print' });
  await reader.screenshot({ path: `screenshots/${info.project.name}-plan-print-en.png`, fullPage: true });
  await english.close();
});

test('a hand-over note goes to the new reference operator', async ({ page, browser }, info) => {
  const javascript = info.project.name === 'javascript';
  await signIn(page, 'operatrice@anello.test');
  const code = await registerPerson(page, 'Mercy', `Consegne${info.project.name.length}`);
  await page.goto(`/persone/${code}/progetto`);
  await page.getByRole('button', { name: 'Apri il progetto personalizzato' }).click();
  await page.goto(`/persone/${code}`);
  const reference = page.locator('form', { has: page.getByRole('combobox', { name: /Operatore di riferimento/ }) });
  await reference.getByRole('combobox', { name: /Operatore di riferimento/ }).selectOption({ label: 'Marta Gallo' });
  await reference.getByRole('textbox', { name: 'Nota di passaggio di consegne' }).fill('Appuntamento al consultorio giovedì alle 10.');
  await reference.getByRole('button', { name: 'Salva' }).click();
  await expect(page.getByText('Operatrice o operatore di riferimento: Marta Gallo')).toBeVisible();

  const context = await browser.newContext({ locale: 'it-IT', javaScriptEnabled: javascript });
  const colleague = await context.newPage();
  await signIn(colleague, 'accoglienza@anello.test');
  await colleague.goto('/notifiche');
  const notice = colleague.locator('.notification-list li', { hasText: code });
  await expect(notice.first()).toContainText("Sei ora l'operatrice di riferimento");
  await notice.first().getByRole('link', { name: 'Apri' }).click();
  await expect(colleague.getByRole('heading', { name: /Progetto personalizzato/ })).toBeVisible();
  await colleague.getByText('Un passaggio di consegne').click();
  await expect(colleague.getByText('Appuntamento al consultorio giovedì alle 10.')).toBeVisible();
  await context.close();
});
