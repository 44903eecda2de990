import { test, expect } from '@playwright/test';
import * as fs from 'fs';
import { asUser, registerPerson, untilHydrated } from './helpers';

// The Territorial Commission in a person's file: the team records a request for an
// interview and a referral with the hearing it goes to with her; the dates come up on
// "Il mio lavoro". Plain forms, so the same test runs with and without JavaScript; in
// Italian on a phone and in English on a desktop.

const runs = [
  {
    locale: 'it-IT', width: 360, link: 'Commissione territoriale', addRequest: 'Registra una richiesta ricevuta',
    commission: 'Commissione', received: 'Ricevuta il', status: 'Stato', interview: 'Data del colloquio',
    saveRequest: 'Salva la richiesta', requestHeading: 'Richiesta della Commissione di Torino', scheduled: 'Colloquio fissato',
    addReferral: 'Registra un invio', referred: 'Inviata il', hearing: 'Data dell\'audizione',
    accompanied: 'Accompagnata all\'audizione da qualcuno della rete', saveReferral: 'Salva l\'invio',
    referralHeading: 'Invio alla Commissione di Milano', pending: 'In attesa di esito', myWork: 'Scadenze del percorso',
    interviewDate: 'colloquio chiesto dalla Commissione', hearingDate: 'audizione in Commissione', required: 'Data dell\'audizione',
  },
  {
    locale: 'en-GB', width: 1280, link: 'Territorial Commission', addRequest: 'Record a request received',
    commission: 'Commission', received: 'Received on', status: 'Status', interview: 'Interview date',
    saveRequest: 'Save the request', requestHeading: 'Request from the Torino Commission', scheduled: 'Interview scheduled',
    addReferral: 'Record a referral', referred: 'Referred on', hearing: 'Hearing date',
    accompanied: 'Accompanied to the hearing by someone of the network', saveReferral: 'Save the referral',
    referralHeading: 'Referral to the Milano Commission', pending: 'Awaiting the outcome', myWork: 'Dates of the path',
    interviewDate: 'interview asked by the Commission', hearingDate: 'hearing before the Commission', required: 'Hearing date',
  },
];

function inDays(days: number) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date.toISOString().slice(0, 10);
}

for (const words of runs) {
  test(`the team records the Commission's request and a referral, ${words.locale} at ${words.width} px`, async ({ browser }, info) => {
    // Registered in Italian by the case worker, who is her reference operator.
    const registrar = await asUser(browser, 'operatrice@anello.test', 1280);
    const code = await registerPerson(registrar.page, 'Blessing', `Commissione${words.width}`);
    await registrar.context.close();

    const { context, page } = await asUser(browser, 'operatrice@anello.test', words.width, words.locale);
    await page.goto(`/persone/${code}`);
    await page.getByRole('link', { name: words.link }).click();
    await expect(page).toHaveURL(new RegExp(`/persone/${code}/commissione$`));
    await untilHydrated(page);

    await page.getByText(words.addRequest).click();
    const request = page.locator('form', { has: page.locator('#request-commission-new') });
    await request.getByRole('combobox', { name: words.commission }).fill('Torino');
    await request.getByLabel(words.received).fill(inDays(-5));
    await request.getByLabel(words.status).selectOption('interview_scheduled');
    await request.getByLabel(words.interview).fill(inDays(3));
    await request.getByRole('button', { name: words.saveRequest }).click();
    const card = page.locator('article', { hasText: words.requestHeading });
    await expect(card).toBeVisible();
    await expect(card.locator('.badge')).toHaveText(words.scheduled);

    // Accompanied without a hearing date: the form says which field is missing.
    await page.getByText(words.addReferral).click();
    const referral = () => page.locator('form', { has: page.locator('#referral-commission-new') });
    await referral().getByRole('combobox', { name: words.commission }).fill('Milano');
    await referral().getByLabel(words.referred).fill(inDays(-20));
    await referral().getByLabel(words.accompanied).check();
    await referral().getByRole('button', { name: words.saveReferral }).click();
    await expect(page.getByRole('alert')).toContainText(words.required);
    if (info.project.use.javaScriptEnabled) {
      // The hydrated form stays open with what was typed: only the date is missing.
      await expect(referral().getByRole('combobox', { name: words.commission })).toHaveValue('Milano');
    } else {
      // A plain form comes back as a new page: open it and type it again.
      await page.getByText(words.addReferral).click();
      await referral().getByRole('combobox', { name: words.commission }).fill('Milano');
      await referral().getByLabel(words.referred).fill(inDays(-20));
      await referral().getByLabel(words.accompanied).check();
    }
    await referral().getByLabel(words.hearing).fill(inDays(6));
    await referral().getByRole('button', { name: words.saveReferral }).click();
    const sent = page.locator('article', { hasText: words.referralHeading });
    await expect(sent).toBeVisible();
    await expect(sent.locator('h3 .badge')).toHaveText(words.pending);
    fs.mkdirSync('screenshots', { recursive: true });
    await page.screenshot({ path: `screenshots/${info.project.name}-commission-${words.locale}-${words.width}.png`, fullPage: true });

    // Both dates are on "Il mio lavoro", each linking to the page.
    await page.goto('/il-mio-lavoro');
    const dates = page.locator('section', { has: page.getByRole('heading', { name: words.myWork }) });
    await expect(dates.locator('li', { hasText: code }).filter({ hasText: words.interviewDate })).toBeVisible();
    await expect(dates.locator('li', { hasText: code }).filter({ hasText: words.hearingDate })).toBeVisible();
    await dates.locator('li', { hasText: code }).first().getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/persone/${code}/commissione$`));
    await context.close();
  });
}

test('another organisation and a partner never open the Commission page', async ({ browser }) => {
  const registrar = await asUser(browser, 'operatrice@anello.test', 1280);
  const code = await registerPerson(registrar.page, 'Joy', 'Riservata');
  await registrar.context.close();
  for (const email of ['operatrice.cuneo@anello.test', 'partner@anello.test']) {
    const { context, page } = await asUser(browser, email, 360);
    const response = await page.goto(`/persone/${code}/commissione`);
    expect(response?.status()).toBe(403);
    await expect(page.getByText('Registra una richiesta ricevuta')).toHaveCount(0);
    await context.close();
  }
});
