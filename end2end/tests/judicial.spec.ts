import { test, expect } from '@playwright/test';
import * as fs from 'fs';
import { asUser, registerPerson, untilHydrated } from './helpers';

// The judicial route: her reference operator records the complaint, the proceedings and
// a hearing; a colleague of the same team finds neither the page nor a link to it, and
// none of its words. Plain forms: with and without JavaScript; Italian on a phone,
// English on a desktop.

const runs = [
  {
    locale: 'it-IT', width: 360, link: 'Percorso giudiziario', add: 'Registra una denuncia o un procedimento',
    filed: 'Data della denuncia', body: 'Presentata a', office: 'Procura della Repubblica', number: 'Numero del procedimento',
    opinion: 'Parere del pubblico ministero per il permesso art. 18', opinionOn: 'Data del parere', witness: 'Testimone nel procedimento',
    save: 'Salva', favourable: 'Parere favorevole', addHearing: 'Registra un\'udienza', hearingOn: 'Data dell\'udienza',
    kind: 'Tipo', saveHearing: 'Salva l\'udienza', evidentiary: 'Incidente probatorio', myWork: 'Scadenze del percorso',
    hearingDate: 'udienza del procedimento', restricted: 'Dati riservati',
  },
  {
    locale: 'en-GB', width: 1280, link: 'Judicial route', add: 'Record a complaint or proceedings',
    filed: 'Date of the complaint', body: 'Filed with', office: 'Prosecutor\'s office', number: 'Proceedings number',
    opinion: 'Prosecutor\'s opinion for the art. 18 permit', opinionOn: 'Date of the opinion', witness: 'Witness in the proceedings',
    save: 'Save', favourable: 'Favourable opinion', addHearing: 'Record a hearing', hearingOn: 'Hearing date',
    kind: 'Kind', saveHearing: 'Save the hearing', evidentiary: 'Pre-trial evidentiary hearing', myWork: 'Dates of the path',
    hearingDate: 'hearing of the proceedings', restricted: 'Restricted data',
  },
];

function inDays(days: number) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date.toISOString().slice(0, 10);
}

for (const words of runs) {
  test(`the reference operator keeps the judicial route and her colleague never sees it, ${words.locale} at ${words.width} px`, async ({ browser }, info) => {
    const registrar = await asUser(browser, 'operatrice@anello.test', 1280);
    const code = await registerPerson(registrar.page, 'Esther', `Procedimento${words.width}`);
    await registrar.context.close();
    const number = `${Date.now() % 100000}/26 RGNR`;

    const { context, page } = await asUser(browser, 'operatrice@anello.test', words.width, words.locale);
    await page.goto(`/persone/${code}`);
    await page.getByRole('link', { name: words.link }).click();
    await expect(page).toHaveURL(new RegExp(`/persone/${code}/giudiziario$`));
    await expect(page.getByText(words.restricted)).toBeVisible();
    await untilHydrated(page);
    await page.getByText(words.add).click();
    const form = page.locator('form', { has: page.locator('#proceedings-filed-new') });
    await form.getByLabel(words.filed).fill(inDays(-40));
    await form.getByLabel(words.body).selectOption('carabinieri');
    await form.getByLabel(words.office).fill('Procura della Repubblica di Torino');
    await form.getByLabel(words.number).fill(number);
    await form.getByLabel(words.opinion).selectOption('favourable');
    await form.getByLabel(words.opinionOn).fill(inDays(-10));
    await form.getByLabel(words.witness).check();
    await form.getByRole('button', { name: words.save, exact: true }).click();
    const card = page.locator('article', { hasText: number });
    await expect(card).toBeVisible();
    await expect(card.locator('h3 .badge')).toHaveText(words.favourable);

    await page.getByText(words.addHearing).click();
    const hearing = page.locator('form', { has: page.locator('#hearing-on') });
    await hearing.getByLabel(words.hearingOn).fill(inDays(8));
    await hearing.getByLabel(words.kind, { exact: true }).selectOption('evidentiary_hearing');
    await hearing.getByRole('button', { name: words.saveHearing }).click();
    await expect(page.locator('li', { hasText: words.evidentiary })).toBeVisible();
    fs.mkdirSync('screenshots', { recursive: true });
    await page.screenshot({ path: `screenshots/${info.project.name}-judicial-${words.locale}-${words.width}.png`, fullPage: true });

    await page.goto('/il-mio-lavoro');
    const dates = page.locator('section', { has: page.getByRole('heading', { name: words.myWork }) });
    await expect(dates.locator('li', { hasText: code }).filter({ hasText: words.hearingDate })).toBeVisible();
    await context.close();

    // Her colleague in the same organisation, on the team but neither reference nor
    // legal advisor: no link, a refusal, and not a word of it.
    const colleague = await asUser(browser, 'accoglienza@anello.test', words.width, words.locale);
    await colleague.page.goto(`/persone/${code}`);
    await expect(colleague.page.getByRole('link', { name: words.link })).toHaveCount(0);
    const response = await colleague.page.goto(`/persone/${code}/giudiziario`);
    expect(response?.status()).toBe(403);
    expect(await colleague.page.content()).not.toContain(number);
    await colleague.context.close();
  });
}
