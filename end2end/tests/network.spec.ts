import { test, expect } from '@playwright/test';
import * as fs from 'fs';
import { asUser, untilHydrated } from './helpers';

// The network's own work: a trainer records a training held yesterday for an emergency
// department, registers a nurse without an account, marks her present and gets her
// certificate as a PDF; the coordinator writes the minutes of a steering-group meeting
// and a decision for a case worker, who finds it on "Il mio lavoro" and marks it done.
// Italian on a phone, English on a desktop.

const runs = [
  {
    locale: 'it-IT', width: 360, nav: 'Formazione e incontri', kind: 'Tipo', audience: 'Per chi',
    title: 'Titolo o argomento', day: 'Giorno', place: 'Luogo', trainers: 'Formatrici e formatori',
    save: 'Salva l\'evento', name: 'Nome e cognome', organisation: 'Ente o servizio', register: 'Iscrivi',
    present: 'Segna presente', certificate: 'Scarica l\'attestato (PDF)', minutes: 'Verbale',
    saveMinutes: 'Salva il verbale', decision: 'Decisione', owner: 'Chi se ne occupa', due: 'Entro il',
    saveDecision: 'Registra la decisione', done: 'Segna come fatta', doneBadge: 'Fatto',
    myWork: 'Il mio lavoro',
  },
  {
    locale: 'en-GB', width: 1280, nav: 'Training and meetings', kind: 'Kind', audience: 'For whom',
    title: 'Title or topic', day: 'Day', place: 'Place', trainers: 'Trainers',
    save: 'Save the event', name: 'Full name', organisation: 'Organisation or service', register: 'Add to the register',
    present: 'Mark present', certificate: 'Download the certificate (PDF)', minutes: 'Minutes',
    saveMinutes: 'Save the minutes', decision: 'Decision', owner: 'Who sees to it', due: 'Due by',
    saveDecision: 'Record the decision', done: 'Mark as done', doneBadge: 'Done',
    myWork: 'My work',
  },
];

function inDays(days: number) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date.toISOString().slice(0, 10);
}

for (const words of runs) {
  test(`a training certifies who came and a meeting's decision reaches its owner, ${words.locale} at ${words.width} px`, async ({ browser }, info) => {
    // Three people sign in and go through two events: longer than one page's test.
    test.setTimeout(120_000);
    const suffix = `${info.project.name} ${words.width}`;
    const trainer = await asUser(browser, 'formatrice@anello.test', words.width, words.locale);
    const page = trainer.page;
    await page.goto('/azioni-di-sistema');
    await untilHydrated(page);
    const training = `Indicatori al pronto soccorso ${suffix}`;
    await page.getByRole('combobox', { name: words.kind, exact: true }).selectOption('training');
    await page.getByRole('combobox', { name: words.audience, exact: true }).selectOption('emergency_department');
    await page.getByRole('textbox', { name: words.title, exact: true }).fill(training);
    await page.getByRole('textbox', { name: words.day, exact: true }).fill(inDays(-1));
    await page.getByRole('textbox', { name: words.place, exact: true }).fill('Ospedale Maria Vittoria, Torino');
    await page.getByRole('textbox', { name: words.trainers, exact: true }).fill('Laura Ferrero');
    await page.getByRole('button', { name: words.save }).click();
    await expect(page).toHaveURL(/\/azioni-di-sistema\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(training);
    await untilHydrated(page);

    await page.getByRole('textbox', { name: words.name, exact: true }).fill('Anna Rossi');
    await page.getByRole('textbox', { name: words.organisation, exact: true }).fill('ASL Città di Torino');
    await page.getByRole('button', { name: words.register, exact: true }).click();
    const row = page.locator('tr', { hasText: 'Anna Rossi' });
    await row.getByRole('button', { name: words.present }).click();
    const certificate = page.locator('tr', { hasText: 'Anna Rossi' }).getByRole('link', { name: words.certificate });
    await expect(certificate).toBeVisible();
    const pdf = await page.request.get((await certificate.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    fs.mkdirSync('screenshots', { recursive: true });
    await page.screenshot({ path: `screenshots/${info.project.name}-network-training-${words.locale}-${words.width}.png`, fullPage: true });
    await trainer.context.close();

    // The coordinator's meeting: minutes and a decision for Sara Colombo.
    const coordinator = await asUser(browser, 'coordinatrice@anello.test', words.width, words.locale);
    const meetingPage = coordinator.page;
    await meetingPage.goto('/azioni-di-sistema');
    await untilHydrated(meetingPage);
    const meeting = `Cabina di regia ${suffix}`;
    await meetingPage.getByRole('combobox', { name: words.kind, exact: true }).selectOption('meeting');
    await meetingPage.getByRole('combobox', { name: words.audience, exact: true }).selectOption('network_staff');
    await meetingPage.getByRole('textbox', { name: words.title, exact: true }).fill(meeting);
    await meetingPage.getByRole('textbox', { name: words.day, exact: true }).fill(inDays(-1));
    await meetingPage.getByRole('textbox', { name: words.place, exact: true }).fill('Regione Piemonte, Torino');
    await meetingPage.getByRole('button', { name: words.save }).click();
    await expect(meetingPage).toHaveURL(/\/azioni-di-sistema\/\d+$/);
    await untilHydrated(meetingPage);
    const decision = `Raccogliere le segnalazioni dei CAS (${suffix})`;
    await meetingPage.getByRole('textbox', { name: words.minutes, exact: true }).fill('Protocollo per le 16-18enni: bozza entro la settimana.');
    await meetingPage.getByRole('button', { name: words.saveMinutes }).click();
    await expect(meetingPage.getByRole('textbox', { name: words.minutes, exact: true })).toHaveValue(/16-18enni/);
    await meetingPage.getByRole('textbox', { name: words.decision, exact: true }).fill(decision);
    await meetingPage.getByRole('combobox', { name: words.owner, exact: true }).selectOption({ label: 'Sara Colombo (Cooperativa Progetto Tenda)' });
    await meetingPage.getByRole('textbox', { name: words.due, exact: true }).fill(inDays(3));
    await meetingPage.getByRole('button', { name: words.saveDecision }).click();
    await expect(meetingPage.locator('.child-card', { hasText: decision })).toContainText('Sara Colombo');
    await coordinator.context.close();

    const worker = await asUser(browser, 'operatrice@anello.test', words.width, words.locale);
    await worker.page.goto('/il-mio-lavoro');
    const item = worker.page.locator('li', { hasText: decision });
    await expect(item).toBeVisible();
    await item.getByRole('link').click();
    await expect(worker.page.getByRole('heading', { level: 1 })).toHaveText(meeting);
    await untilHydrated(worker.page);
    const card = worker.page.locator('.child-card', { hasText: decision });
    await card.getByRole('button', { name: words.done }).click();
    await expect(worker.page.locator('.child-card', { hasText: decision })).toContainText(words.doneBadge);
    await worker.page.screenshot({ path: `screenshots/${info.project.name}-network-meeting-${words.locale}-${words.width}.png`, fullPage: true });
    await worker.context.close();
  });
}
