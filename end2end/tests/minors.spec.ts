import { test, expect } from '@playwright/test';
import * as fs from 'fs';
import { asUser, untilHydrated } from './helpers';

// Minors' procedures: the team registers an unaccompanied girl of 16, finds the page
// from her record, records the age assessment asked for, her guardian and a
// communication to the minors' prosecutor. Plain forms, with and without JavaScript;
// Italian on a phone, English on a desktop.

const runs = [
  {
    locale: 'it-IT', width: 360, link: 'Procedure per minori', update: 'Aggiorna le procedure',
    requested: 'Accertamento dell\'età chiesto il', guardian: 'Nome del tutore', appointed: 'Data della nomina',
    save: 'Salva le procedure', add: 'Registra una comunicazione', recipient: 'Destinatario', subject: 'Oggetto',
    saveCommunication: 'Salva la comunicazione', prosecutor: 'Procura presso il Tribunale per i minorenni',
    pending: 'In attesa di esito',
  },
  {
    locale: 'en-GB', width: 1280, link: 'Minors\' procedures', update: 'Update the procedures',
    requested: 'Age assessment requested on', guardian: 'Guardian\'s name', appointed: 'Date of appointment',
    save: 'Save the procedures', add: 'Record a communication', recipient: 'Recipient', subject: 'Subject',
    saveCommunication: 'Save the communication', prosecutor: 'Prosecutor at the juvenile court',
    pending: 'Awaiting the outcome',
  },
];

function inDays(days: number) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date.toISOString().slice(0, 10);
}

for (const words of runs) {
  test(`the team keeps an unaccompanied girl's procedures, ${words.locale} at ${words.width} px`, async ({ browser }, info) => {
    const registrar = await asUser(browser, 'operatrice@anello.test', 1280);
    const page0 = registrar.page;
    await page0.goto('/persone/nuova');
    await page0.getByRole('textbox', { name: 'Nome', exact: true }).fill('Favour');
    await page0.getByRole('textbox', { name: 'Cognome', exact: true }).fill(`Minore${words.width}`);
    await page0.getByRole('radio', { name: 'Donna' }).check();
    await page0.getByRole('textbox', { name: 'Data di nascita' }).fill(inDays(-(16 * 365 + 30)));
    await page0.getByLabel('Minore straniero non accompagnato (MSNA)').check();
    await page0.getByLabel('Provincia della presa in carico').selectOption('TO');
    await page0.getByRole('button', { name: 'Registra la persona' }).click();
    await expect(page0).toHaveURL(/\/persone\/TO-\d{4}-\d{4,}$/);
    const code = page0.url().split('/').pop()!;
    await registrar.context.close();

    const { context, page } = await asUser(browser, 'operatrice@anello.test', words.width, words.locale);
    await page.goto(`/persone/${code}`);
    await page.getByRole('link', { name: words.link }).click();
    await expect(page).toHaveURL(new RegExp(`/persone/${code}/minore$`));
    await untilHydrated(page);
    await page.getByText(words.update).click();
    await page.getByLabel(words.requested).fill(inDays(-3));
    await page.getByLabel(words.guardian).fill('Maria Ferrero');
    await page.getByLabel(words.appointed).fill(inDays(-1));
    await page.getByRole('button', { name: words.save }).click();
    const facts = page.locator('dl.facts');
    await expect(facts).toContainText('Maria Ferrero');
    await expect(facts).toContainText(words.pending);

    await page.getByText(words.add).click();
    await page.getByLabel(words.recipient).selectOption('minors_prosecutor');
    await page.getByLabel(words.subject).fill('Segnalazione di minore straniera non accompagnata');
    await page.getByRole('button', { name: words.saveCommunication }).click();
    await expect(page.locator('.diary-note', { hasText: words.prosecutor })).toBeVisible();
    fs.mkdirSync('screenshots', { recursive: true });
    await page.screenshot({ path: `screenshots/${info.project.name}-minors-${words.locale}-${words.width}.png`, fullPage: true });
    await context.close();
  });
}
