/**
 * Regenerates the README screenshots (docs/screenshots/*.png) from a fresh demo workspace in
 * headless Chromium: `npx tsx scripts/screenshots.ts`. Needs /usr/bin/chromium; CJK and emoji
 * fonts (fonts-wqy-microhei, fonts-noto-color-emoji) make them look right.
 */
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ManualClock } from '../src/ports/clock.js';
import { startLocalApp } from '../adapters/local/testing.js';
import { makeRunWeeklyWarnings } from '../src/usecases/warning/run-weekly-warnings.js';
import { launchChromium } from '../test/e2e/browser.js';

const OUT = join(process.cwd(), 'docs', 'screenshots');

async function command(page: Page, text: string): Promise<void> {
  await page.fill('#composer-input', text);
  await page.press('#composer-input', 'Enter');
  await page
    .locator('#composer-input')
    .and(page.locator(':not([value])'))
    .waitFor()
    .catch(() => {});
  await page.waitForFunction(() => !(document.querySelector('#composer button') as HTMLButtonElement).disabled);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dandang-shots-'));
  // Tuesday morning in Shanghai: the week's cycle is open, nothing is overdue yet.
  const clock = new ManualClock(new Date('2026-11-24T02:00:00Z').getTime());
  const app = await startLocalApp({ PORT: '0', DANDANG_DB: join(dir, 'd.db') }, clock);
  const browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    await page.goto(`${app.url}/?as=lina`);
    await page.locator('#live-status.on').waitFor();
    await command(page, '/review status');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT, 'workspace.png') });

    // The manager's Home: what waits on them, the same screen as Slack's App Home.
    await page.locator('nav.sidebar a[data-conversation="home"]').click();
    await page.locator('article#home').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT, 'home.png') });
    await page.goto(`${app.url}/?as=lina`);
    await page.locator('#live-status.on').waitFor();

    await page.getByRole('button', { name: 'Review 张伟' }).click();
    const dialog = page.locator('dialog#form-dialog[open]');
    await dialog.waitFor();
    await dialog.locator('[name="kpi_revenue"]').fill('150');
    await dialog.locator('[name="kpi_new_accounts"]').fill('1');
    await dialog.locator('[name="rating"]').selectOption('2');
    await dialog.locator('[name="strengths"]').fill('Always on time for customer calls.');
    await dialog.getByRole('button', { name: /submit/i }).click();
    await dialog.locator('[aria-invalid="true"]').first().waitFor();
    await page.screenshot({ path: join(OUT, 'review-form.png') });
    await page.keyboard.press('Escape');

    await page.goto(`${app.url}/?as=chenjing`);
    await page.goto(`${app.url}/?c=hr`);
    await page.locator('#live-status.on').waitFor();
    await command(page, '/offboard @张伟 连续八周未达到销售目标');
    // The case opens as a message in the HR channel: show it from its header.
    const caseCard = page.locator('#messages article.msg').last();
    await caseCard.waitFor();
    await caseCard.evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      window.scrollTo(0, 0); // only the message list scrolls: keep the top bar in the picture
    });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUT, 'hr-view.png') });

    // This week's early warnings (the scheduler's Monday tick, which this in-process app has not).
    await makeRunWeeklyWarnings({ store: app.store, clock, settings: app.settings })();
    await page.goto(`${app.url}/?as=wanglei`);
    await page.locator('#live-status.on').waitFor();
    const warning = page.locator('#messages article.msg', { hasText: '可能需要帮助' }).last();
    await warning.waitFor();
    await warning.evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      window.scrollTo(0, 0);
    });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT, 'warning.png') });

    await page.goto(`${app.url}/?as=chenjing`);
    await page.goto(`${app.url}/dashboard`);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(OUT, 'dashboard.png') });
    console.log(`screenshots written to ${OUT}`);
  } finally {
    await browser.close();
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
