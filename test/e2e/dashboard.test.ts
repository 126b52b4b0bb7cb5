/**
 * The HR dashboard in a real headless Chromium: HR opens it from the sidebar, sees the seven
 * charts (SVG, Chinese labels, a summary under each), filters by department, and a manager is
 * refused. Then `/dandang report` in the workspace posts the charts as pictures into HR's DM.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ManualClock } from '../../src/ports/clock.js';
import { startLocalApp, type LocalApp } from '../../adapters/local/testing.js';
import { chromiumAvailable, launchChromium, screenshot, unnamedControls } from './browser.js';

describe.skipIf(!chromiumAvailable)('the HR dashboard in a browser', () => {
  let dir: string;
  let app: LocalApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dandang-e2e-dash-'));
    app = await startLocalApp(
      { PORT: '0', DANDANG_DB: join(dir, 'dandang.db') },
      new ManualClock(new Date('2026-11-24T02:00:00Z').getTime()),
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function openAs(personId: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${app.url}/?as=${personId}`);
    await page.locator('#live-status.on').waitFor();
    return page;
  }

  it('HR opens the dashboard from the sidebar and sees the seven charts, each with its summary', async () => {
    const page = await openAs('chenjing');
    await page.getByRole('link', { name: /HR 仪表盘/ }).click();
    await page.waitForURL(/\/dashboard$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('HR 仪表盘');
    const charts = page.locator('figure.chart');
    expect(await charts.count()).toBe(7);
    expect(await page.locator('figure.chart svg').count()).toBe(7);
    // Chinese axis labels and titles are drawn text in the SVG, and every chart says what it shows.
    await expect(page.locator('#chart-reviewCompletion svg').textContent()).resolves.toContain(
      '各部门每周考核完成情况',
    );
    await expect(page.locator('#chart-reviewCompletion figcaption').textContent()).resolves.toMatch(
      /^应完成考核 \d+ 份：按时 \d+ 份/,
    );
    await expect(page.locator('#chart-warnings figcaption').textContent()).resolves.toMatch(/发出预警 \d+ 条/);
    expect(await unnamedControls(page)).toEqual([]);
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, 'dashboard-hr-all-departments');
  });

  it('filters by period and department', async () => {
    const page = await openAs('chenjing');
    await page.goto(`${app.url}/dashboard`);
    await page.locator('select[name="department"]').selectOption('Sales');
    await page.locator('select[name="period"]').selectOption('last-4w');
    await page.getByRole('button', { name: '查看' }).click();
    await page.waitForURL(/department=Sales/);
    await expect(page.locator('.scope').textContent()).resolves.toContain('last-4w，Sales');
    expect(await page.locator('figure.chart').count()).toBe(7);
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, 'dashboard-hr-sales-last-4w');
  });

  it('refuses a manager, who has no link to it either', async () => {
    const page = await openAs('lina');
    expect(await page.locator('.dashboard-link').count()).toBe(0);
    const res = await page.goto(`${app.url}/dashboard`);
    expect(res!.status()).toBe(403);
    await expect(page.locator('.notice').textContent()).resolves.toBe('Only HR can see reports.');
  });

  it('/dandang report posts the charts as pictures into HR’s DM', async () => {
    const page = await openAs('chenjing');
    await page.locator('#composer-input').fill('/dandang report');
    await page.locator('#composer-input').press('Enter');
    const images = page.locator('figure.blk-image img');
    await expect.poll(() => images.count(), { timeout: 20_000 }).toBe(7);
    await images.first().scrollIntoViewIfNeeded();
    await expect
      .poll(() => images.first().evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 10_000 })
      .toBe(960);
    await expect(page.locator('figure.blk-image figcaption').first().textContent()).resolves.toMatch(/应完成考核/);
    await screenshot(page, 'dashboard-report-in-dm');
  });
});
