/**
 * The appeal's "Heard by" on the local workspace, in a real headless Chromium: a search field whose
 * suggestions come from the server as HR types (a Chinese surname is enough), and whose picked
 * label is submitted as that person. Screenshots go to test-output/e2e/.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '../../src/ports/clock.js';
import { startLocalApp, type LocalApp } from '../../adapters/local/testing.js';
import { openAppealCase, seedAppealOrg } from '../support/appeal-case.js';
import { chromiumAvailable, launchChromium, screenshot } from './browser.js';

describe.skipIf(!chromiumAvailable)('searching who heard the appeal, in a browser', () => {
  let dir: string;
  let app: LocalApp;
  let browser: Browser;
  let page: Page;
  let caseId: number;
  const clock = new ManualClock(new Date('2026-06-30T04:00:00Z').getTime());

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dandang-e2e-hearer-'));
    app = await startLocalApp({ PORT: '0', DANDANG_DB: join(dir, 'dandang.db') }, clock);
    seedAppealOrg(app.store);
    const settings = { ...app.settings, policy: { preset: 'uk-capability' as const, overrides: {} } };
    caseId = openAppealCase({ store: app.store, clock, settings }, app.store);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(`${app.url}/?as=hr`);
    await page.locator('#live-status.on').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('suggests the eligible people matching a surname, and records the one picked', { timeout: 60_000 }, async () => {
    await page.locator('#composer-input').fill(`/offboard case ${caseId}`);
    await page.locator('#composer-input').press('Enter');
    const open = page.locator(`button[data-action="case.open_step_form"][data-value="${caseId}:appeal"]`).last();
    await open.click();
    const field = page.locator('dialog input[name="heard_by"]');
    await field.waitFor();
    expect(await field.getAttribute('placeholder')).toBe('Type a name, email or department');

    await field.pressSequentially('王');
    const options = page.locator('dialog datalist option');
    await expect.poll(() => options.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    const labels = await options.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    // Everyone suggested matches (the demo organisation has its own 王), and nobody on the case.
    expect(labels.every((l) => l.includes('王'))).toBe(true);
    expect(labels).toEqual(
      expect.arrayContaining([
        '王芳 (财务部, wang.fang@example.com)',
        '王芳 (市场部, fang.wang2@example.com)',
        '王伟 (财务部, wang.wei@example.com)',
      ]),
    );
    await screenshot(page, 'appeal-hearer-search');

    // Picking an option puts its label in the field; the page sends the person it names.
    await field.fill('王伟 (财务部, wang.wei@example.com)');
    await page.locator('dialog select[name="outcome"]').selectOption('upheld');
    await page.locator('dialog button[type="submit"]').click();
    await expect
      .poll(
        () =>
          app.store.read((tx) => tx.cases.events(caseId)).find((e) => e.step === 'appeal' && e.outcome !== 'refused')
            ?.detail.heardBy,
        { timeout: 10_000 },
      )
      .toBe('ww');
  });
});
