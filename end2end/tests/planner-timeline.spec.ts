import { test, expect, Page } from '@playwright/test';
import * as fs from 'fs';
import { registerPerson, signIn } from './helpers';

test.use({ locale: 'it-IT' });

/** `iso` (YYYY-MM-DD) moved by `days`, as the page writes it (DD/MM/YYYY). */
function shown(iso: string, days: number): string {
  const day = new Date(`${iso}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  const [y, m, d] = day.toISOString().slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

function iso(base: string, days: number): string {
  const day = new Date(`${base}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

async function planWithOneAction(page: Page, name: string) {
  await signIn(page, 'operatrice@anello.test');
  const code = await registerPerson(page, 'Mary', name);
  await page.goto(`/persone/${code}/progetto`);
  await page.getByRole('button', { name: 'Apri il progetto personalizzato' }).click();
  const work = page.locator('#area-work');
  await work.getByText('Aggiungi un obiettivo').click();
  await work.getByRole('textbox', { name: 'Obiettivo' }).fill('Un tirocinio');
  await work.getByRole('button', { name: "Aggiungi l'obiettivo" }).click();
  await work.getByText("Aggiungi un'azione").click();
  // The form starts on the server's today (Italian time): the base of every date here.
  const today = await work.getByRole('textbox', { name: 'Inizio previsto' }).inputValue();
  await work.getByRole('combobox', { name: 'Servizio', exact: true }).selectOption({ label: 'Tirocinio' });
  await work.getByRole('textbox', { name: 'Inizio previsto' }).fill(iso(today, 10));
  await work.getByRole('textbox', { name: 'Fine prevista' }).fill(iso(today, 20));
  await work.getByRole('button', { name: "Aggiungi l'azione" }).click();
  await expect(work.locator('.plan-action')).toContainText(`${shown(today, 10)} – ${shown(today, 20)}`);
  // Hydrated: the keyboard hint appears and the bars take the focus.
  await expect(page.locator('#plan-timeline-keys')).toBeVisible();
  return { code, today, work };
}

test('an action is moved on the timeline with the pointer', async ({ page }, info) => {
  const { today, work } = await planWithOneAction(page, `Trascina${info.project.name.length}`);
  const bar = page.locator('svg.plan-timeline rect[id^="bar-"]');
  // The mouse acts where the page is on screen: bring the timeline into view first.
  await bar.scrollIntoViewIfNeeded();
  const box = (await bar.boundingBox())!;
  // The chart spans 3 days before today to 4 after the last end: 27 days on 620 units.
  const perDay = 620 / 27;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 2 * perDay, box.y + box.height / 2, { steps: 5 });
  await expect(page.getByRole('status').filter({ hasText: 'nuove date' })).toContainText(shown(today, 12));
  await page.mouse.move(box.x + box.width / 2 + 5 * perDay, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(work.locator('.plan-action')).toContainText(`${shown(today, 15)} – ${shown(today, 25)}`);

  // The end grip changes only the end.
  const grip = page.locator('svg.plan-timeline rect.grip');
  await grip.scrollIntoViewIfNeeded();
  const end = (await grip.boundingBox())!;
  const perDayNow = 620 / 32;
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2 - 3 * perDayNow, end.y + end.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(work.locator('.plan-action')).toContainText(`${shown(today, 15)} – ${shown(today, 22)}`);
  fs.mkdirSync('screenshots', { recursive: true });
  await page.screenshot({ path: `screenshots/${info.project.name}-plan-timeline.png`, fullPage: true });
});

test('an action is moved on the timeline with the keyboard', async ({ page }, info) => {
  const { today, work } = await planWithOneAction(page, `Tastiera${info.project.name.length}`);
  const bar = page.locator('svg.plan-timeline rect[id^="bar-"]');
  await bar.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('status').filter({ hasText: 'nuove date' })).toContainText(shown(today, 12));
  await page.keyboard.press('Enter');
  await expect(work.locator('.plan-action')).toContainText(`${shown(today, 12)} – ${shown(today, 22)}`);
  // The focus comes back to the bar after the save: the next keys act on it again.
  await expect(page.locator('svg.plan-timeline rect[id^="bar-"]')).toBeFocused();
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(work.locator('.plan-action')).toContainText(`${shown(today, 12)} – ${shown(today, 20)}`);
  // Escape drops a change in progress.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('status').filter({ hasText: 'nuove date' })).toBeHidden();
});
