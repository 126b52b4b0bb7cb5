/**
 * The local workspace in a real headless Chromium: a manager reviews a report through the form
 * (with an inline validation error on the way), the employee acknowledges in their DM, and a second
 * manager tab sees the nudge's progress change live.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { ManualClock } from '../../src/ports/clock.js';
import type { LocalApp } from '../../adapters/local/testing.js';
import { workspaceSession } from './workspace-session.js';
import { chromiumAvailable, screenshot, unnamedControls } from './browser.js';

if (!chromiumAvailable)
  console.warn('[e2e] /usr/bin/chromium is missing: skipping the browser tests (.ci/run installs it with apt-get).');

describe.skipIf(!chromiumAvailable)('local workspace in a browser', () => {
  let app: LocalApp;
  // Tuesday morning in Shanghai: this week's cycle is open and due on Friday.
  const session = workspaceSession('dandang-e2e-', new ManualClock(new Date('2026-11-24T02:00:00Z').getTime()));

  beforeAll(async () => {
    ({ app } = await session.start());
  });

  afterAll(() => session.stop());

  const openAs = (personId: string): Promise<Page> =>
    session.openAs(personId, { viewport: { width: 1280, height: 800 } });

  const nudge = (page: Page) =>
    page.locator('article.msg', { has: page.locator('button[data-action="review.open_form"]') }).first();

  it('1. starts on a free port with the demo organisation', async () => {
    expect(app.port).toBeGreaterThan(0);
    const page = await openAs('lina');
    expect(await page.locator('#persona-select option').count()).toBe(14);
    await expect(page.locator('#persona-select option:checked').textContent()).resolves.toBe('Li Na (manager, Sales)');
    await expect(nudge(page).textContent()).resolves.toMatch(/0 of 3/);
    expect(await unnamedControls(page)).toEqual([]);
    await screenshot(page, '1-server-started-manager-dm');
  });

  let managerTab: Page;
  let secondManagerTab: Page;

  it('2. a manager opens the nudge, submits without the improvement suggestion, sees the inline error, corrects it and submits', async () => {
    managerTab = await openAs('lina');
    // The second tab is open before anything happens; it must never reload.
    secondManagerTab = await openAs('lina');
    await secondManagerTab.evaluate(() => ((window as unknown as { neverReloaded: boolean }).neverReloaded = true));

    await managerTab.getByRole('button', { name: 'Review 张伟' }).click();
    const dialog = managerTab.locator('dialog#form-dialog[open]');
    await dialog.waitFor();
    expect(await unnamedControls(managerTab)).toEqual([]);
    await dialog.locator('[name="kpi_revenue"]').fill('150');
    await dialog.locator('[name="kpi_new_accounts"]').fill('1');
    await dialog.locator('[name="rating"]').selectOption('2');
    await dialog.locator('[name="strengths"]').fill('Always on time for customer calls.');
    await dialog.getByRole('button', { name: /submit/i }).click();

    const improvement = dialog.locator('[name="improvement"]');
    await expect.poll(() => improvement.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await improvement.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-err'))!;
    await expect(managerTab.locator(`#${errorId}`).isVisible()).resolves.toBe(true);
    expect((await managerTab.locator(`#${errorId}`).textContent())!.length).toBeGreaterThan(5);
    await screenshot(managerTab, '2a-inline-error');

    await improvement.fill('Review the pipeline with me every Tuesday; shadow Alice on two customer visits.');
    await dialog.getByRole('button', { name: /submit/i }).click();
    await expect
      .poll(() => managerTab.locator('dialog#form-dialog').evaluate((d) => (d as HTMLDialogElement).open))
      .toBe(false);
    await expect.poll(() => nudge(managerTab).textContent(), { timeout: 15_000 }).toMatch(/1 of 3/);
    await screenshot(managerTab, '2b-review-submitted');
  });

  it('3. the employee sees the review in their DM and acknowledges it', async () => {
    // The same tab switches persona with the "You are" switcher.
    await managerTab.selectOption('#persona-select', 'zhangwei');
    await managerTab.waitForURL((u) => !u.search.includes('as='));
    await managerTab.locator('#live-status.on').waitFor();
    expect(await managerTab.locator('html').getAttribute('lang')).toBe('zh-CN');
    const ack = managerTab.locator('button[data-action="review.acknowledge"]').last();
    await ack.waitFor();
    const review = managerTab.locator('article.msg', { has: ack });
    await expect(review.textContent()).resolves.toContain('150');
    expect(await unnamedControls(managerTab)).toEqual([]);
    await screenshot(managerTab, '3a-employee-dm');
    const reviewId = await review.getAttribute('id');
    await ack.click();
    // The DM is edited in place: the buttons give way to the outcome line.
    await expect
      .poll(() => managerTab.locator(`#${reviewId} button[data-action="review.acknowledge"]`).count(), {
        timeout: 15_000,
      })
      .toBe(0);
    await screenshot(managerTab, '3b-employee-acknowledged');
  });

  it("4. the manager's nudge in the second tab shows the new progress, live", async () => {
    await expect.poll(() => nudge(secondManagerTab).textContent(), { timeout: 15_000 }).toMatch(/1 of 3/);
    expect(
      await secondManagerTab.evaluate(() => (window as unknown as { neverReloaded?: boolean }).neverReloaded),
    ).toBe(true);
    await screenshot(secondManagerTab, '4-second-tab-live-progress');
  });
});
