import { test, expect } from '@playwright/test';
import * as fs from 'fs';
import { asUser, registerPerson, untilHydrated } from './helpers';

// Transfers between projects: her case worker records that she came through the
// national toll-free number from another project, then plans her transfer to a project
// in another region for her safety; handing over her file without a consent date is
// refused with the field named, then saved with it. Italian on a phone, English on a
// desktop.

const runs = [
  {
    locale: 'it-IT', width: 360, link: 'Trasferimenti', incoming: 'Da un altro progetto (in entrata)',
    outgoing: 'Verso un altro progetto (in uscita)', source: 'Chi l\'ha segnalata', project: 'Progetto',
    region: 'Regione', day: 'Data del trasferimento', safety: 'Trasferimento per la sua sicurezza',
    file: 'Scheda consegnata al progetto che la accoglie', consent: 'Data del consenso',
    saveIn: 'Salva il trasferimento in entrata', saveOut: 'Salva il trasferimento in uscita',
    forSafety: 'Per la sua sicurezza', consentNamed: 'Data del consenso',
  },
  {
    locale: 'en-GB', width: 1280, link: 'Transfers', incoming: 'From another project (incoming)',
    outgoing: 'To another project (outgoing)', source: 'Referred by', project: 'Project',
    region: 'Region', day: 'Date of the transfer', safety: 'Transfer for her safety',
    file: 'File handed over to the receiving project', consent: 'Date of consent',
    saveIn: 'Save the incoming transfer', saveOut: 'Save the outgoing transfer',
    forSafety: 'For her safety', consentNamed: 'Date of consent',
  },
];

function inDays(days: number) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date.toISOString().slice(0, 10);
}

for (const words of runs) {
  test(`her transfers are recorded, ${words.locale} at ${words.width} px`, async ({ browser }, info) => {
    const registrar = await asUser(browser, 'operatrice@anello.test', 1280);
    const code = await registerPerson(registrar.page, 'Faith', `Trasferimenti${words.width}`);
    await registrar.context.close();

    const { context, page } = await asUser(browser, 'operatrice@anello.test', words.width, words.locale);
    await page.goto(`/persone/${code}`);
    await page.getByRole('link', { name: words.link, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/persone/${code}/trasferimenti$`));
    await untilHydrated(page);

    // Where she came from, and who referred her.
    await page.getByText(words.incoming).click();
    const incoming = page.locator('form', { has: page.locator('#incoming-project-new') });
    await incoming.getByRole('combobox', { name: words.source }).selectOption('toll_free');
    await incoming.getByRole('textbox', { name: words.project, exact: true }).fill('Progetto Approdi');
    await incoming.getByRole('combobox', { name: words.region }).fill('Liguria');
    await incoming.getByLabel(words.day).fill(inDays(-30));
    await incoming.getByRole('button', { name: words.saveIn }).click();
    await expect(page.locator('.child-card', { hasText: 'Progetto Approdi' })).toContainText('800 290 290');

    // Her transfer for safety, her file without the day she consented: refused.
    await page.getByText(words.outgoing).click();
    const outgoing = () => page.locator('form', { has: page.locator('#outgoing-project-new') });
    const fillOutgoing = async () => {
      await outgoing().getByRole('textbox', { name: words.project, exact: true }).fill('Progetto Oltre la Strada');
      await outgoing().getByRole('combobox', { name: words.region }).fill('Emilia-Romagna');
      await outgoing().getByLabel(words.day).fill(inDays(10));
      await outgoing().getByLabel(words.safety).check();
      await outgoing().getByLabel(words.file).check();
    };
    await fillOutgoing();
    await outgoing().getByRole('button', { name: words.saveOut }).click();
    await expect(page.getByRole('alert')).toContainText(words.consentNamed);
    if (!info.project.use.javaScriptEnabled) {
      // A plain form comes back as a new page: open it and type it again.
      await page.getByText(words.outgoing).click();
      await fillOutgoing();
    }
    await outgoing().getByLabel(words.consent).fill(inDays(-1));
    await outgoing().getByRole('button', { name: words.saveOut }).click();
    const card = page.locator('.child-card', { hasText: 'Progetto Oltre la Strada' });
    await expect(card).toContainText(words.forSafety);
    await expect(card).toContainText('Emilia-Romagna');

    fs.mkdirSync('screenshots', { recursive: true });
    await page.screenshot({ path: `screenshots/${info.project.name}-transfers-${words.locale}-${words.width}.png`, fullPage: true });
    await context.close();
  });
}
