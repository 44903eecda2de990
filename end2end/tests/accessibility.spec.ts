import { test, expect, Page } from '@playwright/test';
import * as path from 'path';

// Every page of every role, in Italian and English, at phone and desktop width, checked
// with axe-core for WCAG 2.1 A and AA: zero violations. The pages are those of the
// role's navigation and the pages their content links to (a person, her plan, a thread,
// a structure…), one of each kind, so that a new page is checked as soon as a link leads
// to it. Pages are only read (GET changes nothing in Anello).

const AXE = path.join(__dirname, '..', 'node_modules', 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = [360, 1280];
/** At most this many pages per role, nav included. */
const PAGES_PER_ROLE = 16;

const ROLES = [
  'admin@anello.test',
  'coordinatrice@anello.test',
  'accoglienza@anello.test',
  'operatrice@anello.test',
  'strada@anello.test',
  'formatrice@anello.test',
  'partner@anello.test',
];

const LANGUAGES = {
  it: { locale: 'it-IT', email: 'Indirizzo e-mail', signIn: 'Accedi', signOut: 'Esci' },
  en: { locale: 'en-GB', email: 'E-mail address', signIn: 'Sign in', signOut: 'Sign out' },
} as const;

/** A link's kind: its path with numbers and network codes generalised, so that one
 * person page stands for all of them. */
function kind(href: string): string {
  return href
    .split('#')[0]
    .split('?')[0]
    .replace(/[A-Z]{2}-\d{4}-\d{4,}/g, ':code')
    .replace(/\/\d+/g, '/:id');
}

function worthVisiting(href: string): boolean {
  return href.startsWith('/')
    && !href.startsWith('//')
    && !href.startsWith('/api/')
    && !href.startsWith('/pkg/')
    && !href.startsWith('/accedi')
    && !href.includes('/esporta')
    && !href.includes('/disiscrizione')
    && !href.includes('/allegati/')
    && !href.endsWith('.csv');
}

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async (tags) => {
    // @ts-expect-error axe is the script just added
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v: { id: string; impact: string; nodes: { target: string[] }[] }) =>
      `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, TAGS);
  return found;
}

for (const email of ROLES) {
  for (const [language, words] of Object.entries(LANGUAGES)) {
    test(`axe-core finds no WCAG 2.1 AA violation on ${email}'s pages (${language})`, async ({ browser }, info) => {
      // The pages as they are after hydration; without JavaScript the same HTML, less the
      // menu button (checked by shell.spec.ts).
      test.skip(info.project.name !== 'javascript', 'one run over the hydrated pages');
      test.setTimeout(240_000);
      // axe is added as a script of the page: the page's CSP (a nonce per answer) would refuse it.
      const context = await browser.newContext({ locale: words.locale, bypassCSP: true });
      const page = await context.newPage();
      await page.goto('/accedi');
      await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
      // The sign-in page itself, before anything else.
      const report: string[] = [];
      for (const v of await violations(page)) report.push(`/accedi: ${v}`);
      await page.getByLabel(words.email).fill(email);
      await page.getByLabel('Password').fill('anello-demo');
      await page.locator('main').getByRole('button', { name: words.signIn }).click();
      await expect(page.getByRole('button', { name: words.signOut })).toBeVisible();

      const nav = await page.locator('nav.main-nav a').evaluateAll((links) =>
        links.map((a) => a.getAttribute('href') ?? ''));
      const queue = ['/il-mio-account', '/notifiche', '/privacy', '/accessibilita', ...nav];
      const seen = new Set<string>();
      let visited = 0;
      while (queue.length > 0 && visited < PAGES_PER_ROLE) {
        // A link within the page (`#…`) is the page itself.
        const href = queue.shift()!.split('#')[0];
        if (!worthVisiting(href) || seen.has(kind(href))) continue;
        seen.add(kind(href));
        visited += 1;
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          const response = await page.goto(href);
          expect(response?.status() ?? 200, href).toBeLessThan(500);
          await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
          for (const v of await violations(page)) report.push(`${href} at ${width} px: ${v}`);
        }
        const links = await page.locator('main a[href]').evaluateAll((anchors) =>
          anchors.map((a) => a.getAttribute('href') ?? ''));
        queue.push(...links.filter(worthVisiting));
      }
      await context.close();
      expect(visited, 'pages checked').toBeGreaterThanOrEqual(3);
      expect(report, report.join('\n')).toEqual([]);
    });
  }
}
