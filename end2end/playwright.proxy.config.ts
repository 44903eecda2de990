import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The browser tests through a real TLS reverse proxy (.ci/e2e-proxy.sh): nginx with the
// configuration of deploy/, a self-signed certificate made for the run, two replicas.
export default defineConfig({
  ...base,
  testDir: './proxy',
  workers: 1,
  use: { ...base.use, ignoreHTTPSErrors: true },
  projects: [{ name: 'proxy', use: { javaScriptEnabled: true } }],
});
