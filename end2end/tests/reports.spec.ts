import { test, expect } from '@playwright/test';
import fs from 'fs';
import { signIn } from './helpers';

test.use({ locale: 'it-IT' });

// The last twelve months up to yesterday: the demo network's activity of the past year
// and a half. Not today: the other specs, running beside these on the same server, take
// people in, move and discharge them today, and a figure read here must still count the
// same people when its list is opened a moment later.
const DAY = 24 * 3600 * 1000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const PERIOD = { from: iso(new Date(Date.now() - 366 * DAY)), to: iso(new Date(Date.now() - DAY)) };

// The coordinator picks a period, reads the funder report, follows a figure to the list
// it counts, downloads a table as CSV and opens the A4 print view. With and without
// JavaScript: the report is a plain GET form and links.
test('the coordinator reads the funder report, checks a figure, exports and prints', async ({ page }, info) => {
  await signIn(page, 'coordinatrice@anello.test');
  await page.goto('/rapporti');
  await expect(page.getByRole('heading', { name: 'Rapporto per il finanziatore', level: 1 })).toBeVisible();

  await page.getByLabel('Dal giorno').fill(PERIOD.from);
  await page.getByLabel('Al giorno (compreso)').fill(PERIOD.to);
  await page.getByRole('button', { name: 'Mostra il rapporto' }).click();
  await expect(page).toHaveURL(new RegExp(`dal=${PERIOD.from}`));
  const bySex = page.locator('section', { has: page.getByRole('heading', { name: 'Accoglienze per sesso' }) });
  await expect(bySex.getByRole('table')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Modalità di contatto' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Giornate di presenza per struttura' })).toBeVisible();
  await expect(page.getByText('Sul tuo schermo i numeri sono esatti')).toBeVisible();
  fs.mkdirSync('screenshots', { recursive: true });
  await page.screenshot({ path: `screenshots/${info.project.name}-report.png`, fullPage: true });

  // The total of the take-ins is a link to the people it counts.
  const total = bySex.locator('tr.total-row a.figure-link').last();
  const figure = Number(await total.innerText());
  expect(figure).toBeGreaterThan(0);
  await total.click();
  await expect(page.getByRole('heading', { name: 'Chi conta questo numero' })).toBeVisible();
  await expect(page.getByText(`Totale ${figure}`)).toBeVisible();
  const codes = page.getByRole('table').getByRole('link', { name: /^[A-Z]{2}-\d{4}-\d{4,}$/ });
  await expect(codes).toHaveCount(figure);
  await page.getByRole('link', { name: 'Torna al rapporto' }).click();
  await expect(page.getByRole('heading', { name: 'Accoglienze per sesso' })).toBeVisible();

  // One table as CSV: small counts hidden, since it leaves the screen.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('section', { has: page.getByRole('heading', { name: 'Modalità di contatto' }) })
      .getByRole('link', { name: 'Scarica questa tabella (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^anello-contact_channels-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('Modalità di contatto');
  expect(csv).toContain('Unità di strada');
  expect(csv).toContain('<3');
  // For Italian spreadsheets: a byte-order mark, cells split on ";".
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.split('\n')[0]).toContain(';');

  // The print view: suppressed even for the coordinator, laid out for A4.
  await page.getByRole('link', { name: 'Versione da stampare (A4)' }).click();
  await expect(page.getByRole('heading', { name: 'Scheda riassuntiva esiti progetto' })).toBeVisible();
  await expect(page.getByText('i numeri inferiori a 3 sono mostrati come «<3»')).toBeVisible();
  await expect(page.locator('a.figure-link')).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `screenshots/${info.project.name}-report-print.png`, fullPage: true });
});

test('the staff of one body see their own figures, small counts hidden', async ({ page }) => {
  await signIn(page, 'accoglienza.cuneo@anello.test');
  await page.goto('/rapporti');
  await expect(page.getByText('Solo la tua organizzazione')).toBeVisible();
  await expect(page.getByText('Enti attuatori')).toHaveCount(0);
  await expect(page.getByText('i numeri inferiori a 3 sono mostrati come «<3»')).toBeVisible();
});

// The dashboards of the same period: a chart without colour beside each table, each
// figure still a link to its list. With and without JavaScript (plain SVG and links).
test('the coordinator reads the dashboards: beds today, months, the path', async ({ page }, info) => {
  await signIn(page, 'coordinatrice@anello.test');
  await page.goto(`/rapporti?dal=${PERIOD.from}&al=${PERIOD.to}`);
  await page.getByRole('link', { name: 'Cruscotto con i grafici' }).click();
  await expect(page).toHaveURL(new RegExp(`/rapporti/cruscotto\\?dal=${PERIOD.from}&al=${PERIOD.to}`));
  await expect(page.getByRole('heading', { name: 'Cruscotto: posti letto e percorsi', level: 1 })).toBeVisible();
  for (const heading of ['Posti letto oggi per provincia', 'Posti letto oggi per ente', 'Occupazione mese per mese',
    'Il percorso delle persone nel periodo', 'Uscite dal percorso per esito', 'Il percorso per provincia', 'Il percorso per ente']) {
    const section = page.locator('section', { has: page.getByRole('heading', { name: heading, exact: true }) });
    await expect(section.getByRole('img', { name: heading, exact: true })).toBeVisible();
    await expect(section.getByRole('table')).toBeVisible();
  }
  // The beds of the demo network today: the total of all beds is a figure, not a link.
  const beds = page.locator('section', { has: page.getByRole('heading', { name: 'Posti letto oggi per provincia' }) });
  await expect(beds.locator('tr.total-row')).toContainText('Totale');
  await expect(beds.locator('tr.total-row td').last().locator('a')).toHaveCount(0);
  fs.mkdirSync('screenshots', { recursive: true });
  await page.screenshot({ path: `screenshots/${info.project.name}-dashboards.png`, fullPage: true });

  // A step of the path opens the list of the people who took it.
  const flow = page.locator('section', { has: page.getByRole('heading', { name: 'Il percorso delle persone nel periodo' }) });
  const placed = flow.getByRole('row', { name: /In accoglienza/ }).locator('a.figure-link');
  const figure = Number(await placed.innerText());
  await placed.click();
  await expect(page.getByRole('heading', { name: 'Chi conta questo numero' })).toBeVisible();
  await expect(page.getByText(`Totale ${figure}`)).toBeVisible();
  await page.getByRole('link', { name: 'Torna al rapporto' }).click();
  await expect(page.getByRole('heading', { name: 'Cruscotto: posti letto e percorsi', level: 1 })).toBeVisible();
});
