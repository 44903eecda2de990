import { test, expect } from '@playwright/test';
import * as fs from 'fs';
import { registerPerson, signIn } from './helpers';

test.use({ locale: 'it-IT' });

/** A date `offset` days from today, as the date inputs want it. */
function isoDay(offset: number): string {
  const day = new Date(Date.now() + offset * 86_400_000);
  return day.toISOString().slice(0, 10);
}

test('a case worker builds a plan, My work lists the late action, marking it done clears it', async ({ page }, info) => {
  await signIn(page, 'operatrice@anello.test');
  const code = await registerPerson(page, 'Blessing', `Progetto${info.project.name.length}`);

  await page.getByRole('link', { name: 'Progetto personalizzato' }).click();
  await expect(page.getByRole('heading', { name: 'Nessun progetto ancora' })).toBeVisible();
  await page.getByRole('button', { name: 'Apri il progetto personalizzato' }).click();
  await expect(page.getByRole('heading', { name: 'Fase del percorso' })).toBeVisible();
  await expect(page.locator('.phase-step.current')).toContainText('Primo contatto');

  // A goal in the work area, and an internship that should have ended five days ago.
  const work = page.locator('#area-work');
  await work.getByText('Aggiungi un obiettivo').click();
  await work.getByRole('textbox', { name: 'Obiettivo' }).fill('Un tirocinio in ristorazione');
  await work.getByRole('button', { name: "Aggiungi l'obiettivo" }).click();
  await expect(work.getByText('Un tirocinio in ristorazione')).toBeVisible();
  await work.getByText("Aggiungi un'azione").click();
  await work.getByRole('combobox', { name: 'Servizio', exact: true }).selectOption({ label: 'Tirocinio' });
  await work.getByRole('combobox', { name: 'Responsabile' }).selectOption({ label: 'Sara Colombo' });
  await work.getByRole('textbox', { name: 'Inizio previsto' }).fill(isoDay(-40));
  await work.getByRole('textbox', { name: 'Fine prevista' }).fill(isoDay(-5));
  await work.getByRole('button', { name: "Aggiungi l'azione" }).click();
  await expect(work.locator('.plan-action')).toContainText('In ritardo');
  await expect(page.getByText("Un'azione è in ritardo.")).toBeVisible();
  await expect(page.locator('svg.plan-timeline')).toBeVisible();
  fs.mkdirSync('screenshots', { recursive: true });
  await page.screenshot({ path: `screenshots/${info.project.name}-plan.png`, fullPage: true });

  // Bad input is explained, in words, next to the forms.
  await work.getByText("Aggiungi un'azione").click();
  await work.getByRole('combobox', { name: 'Servizio', exact: true }).selectOption({ label: 'Borsa lavoro' });
  await work.getByRole('textbox', { name: 'Inizio previsto' }).fill(isoDay(10));
  await work.getByRole('textbox', { name: 'Fine prevista' }).fill(isoDay(1));
  await work.getByRole('button', { name: "Aggiungi l'azione" }).click();
  await expect(page.getByRole('alert')).toContainText('Fine prevista');
  // The error shown is the one of the form answered last: another form that then
  // succeeds clears it (the page used to keep the first failed form's error).
  await work.getByText('Aggiungi un obiettivo').click();
  await work.getByRole('textbox', { name: 'Obiettivo' }).fill('Un corso di cucina');
  await work.getByRole('button', { name: "Aggiungi l'obiettivo" }).click();
  await expect(work.getByText('Un corso di cucina')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Fine prevista' })).toHaveCount(0);

  // My work lists her late action (the demo network's plans may be there too).
  await page.goto('/il-mio-lavoro');
  const late = page.locator('section', { has: page.getByRole('heading', { name: /Azioni in ritardo/ }) });
  await expect(late.getByRole('link', { name: code })).toBeVisible();
  await page.screenshot({ path: `screenshots/${info.project.name}-my-work.png`, fullPage: true });

  await late.getByRole('link', { name: code }).click();
  await page.locator('#area-work').getByRole('button', { name: 'Segna come fatta' }).click();
  await expect(page.locator('#area-work .plan-action')).toContainText('Fatta');
  await expect(page.locator('#area-work .plan-action')).not.toContainText('In ritardo');
  await page.goto('/il-mio-lavoro');
  await expect(page.getByRole('heading', { name: /Azioni in ritardo/ })).toBeVisible();
  await expect(late.getByRole('link', { name: code })).toHaveCount(0);
});

test('the case diary keeps restricted notes from the rest of the team', async ({ page, browser }, info) => {
  await signIn(page, 'operatrice@anello.test');
  const code = await registerPerson(page, 'Joy', `Diario${info.project.name.length}`);
  await page.goto(`/persone/${code}/progetto`);
  await page.getByRole('button', { name: 'Apri il progetto personalizzato' }).click();
  await page.getByRole('link', { name: 'Apri il diario' }).click();
  await expect(page.getByRole('heading', { name: 'Diario', level: 1 })).toBeVisible();
  await page.getByLabel('Riservatezza').selectOption('legal');
  await page.getByLabel('Testo della nota').fill('Nota solo per la consulente legale');
  await page.getByRole('button', { name: 'Salva la nota' }).click();
  await expect(page.getByText('Nota solo per la consulente legale')).toBeVisible();
  await page.screenshot({ path: `screenshots/${info.project.name}-diary.png`, fullPage: true });

  const context = await browser.newContext({ locale: 'it-IT', javaScriptEnabled: info.project.name === 'javascript' });
  const colleague = await context.newPage();
  await signIn(colleague, 'accoglienza@anello.test');
  await colleague.goto(`/persone/${code}/diario`);
  await expect(colleague.getByText('Una nota è riservata ad altri professionisti')).toBeVisible();
  expect(await colleague.content()).not.toContain('Nota solo per la consulente legale');
  await context.close();
});

test('the service catalogue shows the error of the form answered last', async ({ page }, info) => {
  await signIn(page, 'coordinatrice@anello.test');
  await page.goto('/servizi');
  const name = `Mediazione di prova ${info.project.name} ${Date.now()}`;
  const add = async () => {
    await page.getByRole('textbox', { name: 'Nome in italiano' }).fill(name);
    await page.getByRole('textbox', { name: 'Nome in inglese' }).fill(`Test mediation ${Date.now()}`);
    await page.getByRole('button', { name: 'Aggiungi il servizio' }).click();
  };
  await add();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Attivo');
  // The same name again in the same area is refused...
  await add();
  await expect(page.getByRole('alert')).toContainText('Già in uso');
  // ...and another form of the page that then succeeds clears that error.
  await row.getByRole('button', { name: 'Disattiva' }).click();
  await expect(row).toContainText('Disattivato');
  await expect(page.getByRole('alert').filter({ hasText: 'Già in uso' })).toHaveCount(0);
});
