import { test, expect } from '@playwright/test';
import * as fs from 'fs';
import { signIn } from './helpers';

// The knowledge forum: a partner asks, a trainer answers, the partner is told and accepts
// the answer; a post with a phone number is held by the personal-data guard until it is
// edited. Works with and without JavaScript.
test.use({ locale: 'it-IT' });

test('a partner asks, a trainer answers and the asker accepts the answer', async ({ page, browser }, info) => {
  const javascript = info.project.name === 'javascript';
  const title = `Indicatori nei controlli stradali (${info.project.name})`;
  await signIn(page, 'partner@anello.test');
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Forum' }).click();
  await expect(page.getByRole('heading', { name: 'Forum della rete' })).toBeVisible();
  // The minors' category is for the network's bodies only.
  await expect(page.getByRole('link', { name: 'Minori' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Indicatori di tratta' }).click();
  await page.getByRole('link', { name: 'Nuova discussione' }).click();
  await page.getByRole('textbox', { name: 'Titolo' }).fill(title);
  await page.getByRole('textbox', { name: 'La tua domanda' }).fill('Quali segnali conviene annotare durante un controllo notturno?');
  await page.getByRole('checkbox', { name: 'Torino' }).check();
  await page.getByRole('button', { name: 'Pubblica' }).click();
  await expect(page).toHaveURL(/\/forum\/discussioni\/\d+/);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();

  // The trainer finds the question in the category and answers it.
  const context = await browser.newContext({ locale: 'it-IT', javaScriptEnabled: javascript });
  const trainer = await context.newPage();
  await signIn(trainer, 'formatrice@anello.test');
  await trainer.goto('/forum/categoria/indicatori');
  await trainer.getByRole('link', { name: title }).click();
  await trainer.getByRole('textbox', { name: 'Testo' }).fill('Guardate **chi tiene i documenti** e dove dormono.');
  await trainer.getByRole('button', { name: 'Invia la risposta' }).click();
  await expect(trainer.locator('.forum-post strong', { hasText: 'chi tiene i documenti' })).toBeVisible();
  await context.close();

  // The asker is told, opens the thread from the notification and accepts the answer.
  await page.goto('/notifiche');
  const notice = page.locator('.notification-list li', { hasText: title });
  await expect(notice.first()).toContainText('Nuova risposta nella discussione');
  await notice.first().getByRole('link', { name: 'Apri' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Accetta come risposta' }).click();
  const accepted = page.locator('.forum-post.accepted');
  await expect(accepted).toContainText('Risposta accettata');
  await expect(accepted).toContainText('chi tiene i documenti');
  fs.mkdirSync('screenshots', { recursive: true });
  await page.screenshot({ path: `screenshots/${info.project.name}-forum-thread.png`, fullPage: true });

  // Search, in Italian: "segnale" finds the question that asked about "segnali".
  await page.goto('/forum');
  await page.getByRole('searchbox', { name: 'Parole da cercare' }).fill('segnale');
  await page.getByRole('button', { name: 'Cerca' }).click();
  await expect(page).toHaveURL(/\/forum\/cerca\?q=segnale/);
  const result = page.locator('.search-results li', { hasText: title });
  await expect(result).toBeVisible();
  await expect(result.locator('mark')).toHaveText('segnali');
  await page.screenshot({ path: `screenshots/${info.project.name}-forum-search.png`, fullPage: true });
});

test('the personal-data guard holds a reply with a phone number until it is edited', async ({ page }, info) => {
  await signIn(page, 'operatrice@anello.test');
  await page.goto('/forum/categoria/indicatori');
  await page.getByRole('link', { name: 'Quali indicatori cercare durante un controllo in un cantiere?' }).click();
  await page.getByRole('textbox', { name: 'Testo' }).fill('Per parlarne chiamatemi al 347 123 4567.');
  await page.getByRole('button', { name: 'Invia la risposta' }).click();
  await expect(page.getByRole('heading', { name: 'Controlla prima di pubblicare' })).toBeVisible();
  const warning = page.locator('.personal-data-warning');
  await expect(warning).toContainText('Numero di telefono');
  await expect(warning).toContainText('347 123 4567');
  fs.mkdirSync('screenshots', { recursive: true });
  await page.screenshot({ path: `screenshots/${info.project.name}-forum-guard.png`, fullPage: true });

  const reply = `Ne parliamo alla prossima riunione di rete (${info.project.name}).`;
  await page.getByRole('textbox', { name: 'Testo' }).fill(reply);
  await page.getByRole('button', { name: 'Pubblica' }).click();
  await expect(page).toHaveURL(/\/forum\/discussioni\/\d+/);
  await expect(page.locator('.forum-post', { hasText: reply })).toBeVisible();
  await expect(page.getByText('347 123 4567')).toHaveCount(0);
});
