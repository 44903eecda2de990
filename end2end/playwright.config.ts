import { defineConfig } from '@playwright/test';

// Debian's chromium, never a downloaded browser; flags keep it off the (closed) network.
const chromium = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
};

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  // A first navigation into a group of pages downloads and compiles that group's code
  // (the forum's is 740 KiB): on CI's two busy cores that took more than the default 5 s.
  expect: { timeout: 10_000 },
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: process.env.BASE_URL ?? 'http://127.0.0.1:3000',
    launchOptions: chromium,
    trace: 'off',
  },
  projects: [
    { name: 'javascript', use: { javaScriptEnabled: true } },
    // Every page is a plain server-rendered form first: the same tests without JavaScript,
    // except drag-and-drop, live updates and the keyboard runs, which need the hydrated
    // board or plan timeline (the same changes are tested as forms in board.spec.ts and
    // planner.spec.ts), which wasm files a page downloads (bundle.spec.ts), and what only
    // the hydrated page does (daily-use-hydrated.spec.ts, offline.spec.ts: busy buttons,
    // the live count, upload progress, the service worker).
    { name: 'no-javascript', use: { javaScriptEnabled: false }, testIgnore: /(board-live|planner-timeline|bundle|daily-use-hydrated|offline)\.spec\.ts/ },
  ],
});
