import { test, expect } from '@playwright/test';
import * as fs from 'fs';
import { asUser, registerPerson, untilHydrated } from './helpers';

// Support spending: a case worker records an expense on a person's ledger (a plain
// form), her organisation's reception manager finds it among those to approve on
// "Spese e budget", approves it from the ledger, and sets a budget for a project period.
// Italian on a phone, English on a desktop.

const runs = [
  {
    locale: 'it-IT', width: 360, link: 'Spese di sostegno', category: 'Voce di spesa', amount: 'Importo',
    send: 'Registra la spesa', waiting: 'Da approvare', money: '12,50 €', nav: 'Spese e budget',
    toApprove: 'Spese da approvare', approve: 'Approva la spesa', approvedBy: 'Approvata da',
    project: 'Progetto e periodo', starts: 'Inizio del periodo', ends: 'Fine del periodo', budget: 'Budget',
    saveBudget: 'Salva il budget', left: 'Resta',
  },
  {
    locale: 'en-GB', width: 1280, link: 'Support spending', category: 'Category', amount: 'Amount',
    send: 'Record the expense', waiting: 'To approve', money: '€12.50', nav: 'Spending and budgets',
    toApprove: 'Expenses to approve', approve: 'Approve the expense', approvedBy: 'Approved by',
    project: 'Project and period', starts: 'Start of the period', ends: 'End of the period', budget: 'Budget',
    saveBudget: 'Save the budget', left: 'Left',
  },
];

runs.forEach((words, index) => {
  test(`an expense is recorded, approved and a budget set, ${words.locale} at ${words.width} px`, async ({ browser }, info) => {
    // Three people sign in (registrar, case worker, reception manager): past one page's 30 s
    // on a busy machine (measured 2026-12-07 beside another browser run).
    test.setTimeout(90_000);
    const registrar = await asUser(browser, 'operatrice@anello.test', 1280);
    const code = await registerPerson(registrar.page, 'Blessing', `Spese${words.width}`);
    await registrar.context.close();

    // Her case worker records a health ticket on her ledger.
    const worker = await asUser(browser, 'operatrice@anello.test', words.width, words.locale);
    await worker.page.goto(`/persone/${code}`);
    await worker.page.getByRole('link', { name: words.link, exact: true }).click();
    await expect(worker.page).toHaveURL(new RegExp(`/persone/${code}/spese$`));
    await untilHydrated(worker.page);
    await worker.page.getByRole('combobox', { name: words.category }).selectOption('health');
    await worker.page.getByRole('textbox', { name: words.amount }).fill(words.locale === 'it-IT' ? '12,50' : '12.50');
    await worker.page.getByRole('button', { name: words.send }).click();
    const card = worker.page.locator('.child-card').first();
    await expect(card).toContainText(words.money);
    await expect(card).toContainText(words.waiting);
    fs.mkdirSync('screenshots', { recursive: true });
    await worker.page.screenshot({ path: `screenshots/${info.project.name}-spending-${words.locale}-${words.width}.png`, fullPage: true });
    await worker.context.close();

    // Her organisation's reception manager approves it from the list of those waiting.
    const manager = await asUser(browser, 'accoglienza@anello.test', words.width, words.locale);
    await manager.page.goto('/spese');
    await expect(manager.page.getByRole('heading', { name: words.nav, level: 1 })).toBeVisible();
    await expect(manager.page.getByRole('heading', { name: words.toApprove }).first()).toBeVisible();
    await manager.page.getByRole('link', { name: code }).first().click();
    await expect(manager.page).toHaveURL(new RegExp(`/persone/${code}/spese$`));
    await untilHydrated(manager.page);
    await manager.page.getByRole('button', { name: words.approve }).click();
    await expect(manager.page.locator('.child-card').first()).toContainText(words.approvedBy);
    await expect(manager.page.getByRole('button', { name: words.approve })).toHaveCount(0);

    // A budget for a project period of its own (far from the demo's, the other runs' and
    // a retry's: two periods of one body never overlap).
    const year = 2040 + index + (info.project.name === 'javascript' ? 0 : 10) + 20 * info.retry;
    await manager.page.goto('/spese');
    await untilHydrated(manager.page);
    const form = manager.page.locator('form', { has: manager.page.getByRole('button', { name: words.saveBudget }) }).last();
    await form.getByRole('textbox', { name: words.project }).fill(`Anello ${year}`);
    await form.getByLabel(words.starts).fill(`${year}-01-01`);
    await form.getByLabel(words.ends).fill(`${year}-12-31`);
    await form.getByRole('textbox', { name: words.budget, exact: true }).fill('5000');
    await form.getByRole('button', { name: words.saveBudget }).click();
    const budget = manager.page.locator('.child-card', { hasText: `Anello ${year}` });
    await expect(budget).toContainText(words.left);
    await expect(manager.page.locator('.form-error')).toHaveCount(0);
    await manager.page.screenshot({ path: `screenshots/${info.project.name}-budgets-${words.locale}-${words.width}.png`, fullPage: true });
    await manager.context.close();
  });
});
