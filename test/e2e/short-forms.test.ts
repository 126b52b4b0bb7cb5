/**
 * Issue 13 #13 in a real headless Chromium on the local workspace (demo organisation): the note
 * form fits with its Submit in sight, KPIs are ticked with one click each (no Ctrl-click), and what
 * few need sits behind "More", which opens when asked. Screenshots go to test-output/e2e/.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { ManualClock } from '../../src/ports/clock.js';
import type { LocalApp } from '../../adapters/local/testing.js';
import { workspaceSession } from './workspace-session.js';
import { chromiumAvailable, screenshot, unnamedControls } from './browser.js';

describe.skipIf(!chromiumAvailable)('the short note form, in a browser', () => {
  let app: LocalApp;
  let page: Page;
  const clock = new ManualClock(new Date('2026-11-24T02:00:00Z').getTime());
  const session = workspaceSession('dandang-e2e-forms-', clock);

  beforeAll(async () => {
    ({ app } = await session.start());
    page = await session.openAs('wanglei', { viewport: { width: 1280, height: 800 } });
  });

  afterAll(() => session.stop());

  it('ticks KPIs with a click, opens More for an agreed action, and saves', { timeout: 60_000 }, async () => {
    await page.locator('#composer-input').fill('/note @刘洋');
    await page.locator('#composer-input').press('Enter');
    const dialog = page.locator('dialog#form-dialog[open]');
    await dialog.waitFor();

    // The warehouse job's KPIs, in Chinese, as checkboxes; the form's Submit is in sight unscrolled.
    const boxes = dialog.locator('input[type="checkbox"][name="kpis"]');
    expect(await boxes.count()).toBe(2);
    const save = dialog.getByRole('button', { name: '保存记录' });
    await expect(save.isVisible()).resolves.toBe(true);
    const inView = await save.evaluate((b) => {
      const r = b.getBoundingClientRect();
      return r.bottom <= window.innerHeight && r.top >= 0;
    });
    expect(inView).toBe(true);
    const more = dialog.locator('details.more');
    expect(await more.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await expect(dialog.locator('[name="action1"]').isVisible()).resolves.toBe(false);
    expect(await unnamedControls(page)).toEqual([]);
    await screenshot(page, '13a-note-form-short');

    await dialog.getByLabel('拣货准确率').check();
    await dialog.locator('[name="discussion"]').fill('拣货准确率连续两周低于目标，约定每天下班前复核。');
    await more.locator('summary').click();
    await dialog.locator('[name="action1"]').fill('每天下班前复核当天的拣货差错');
    await dialog.locator('[name="action1_due"]').fill('2026-12-01');
    await screenshot(page, '13b-note-form-more-open');
    await save.click();
    await expect
      .poll(() => page.locator('dialog#form-dialog').evaluate((d) => (d as HTMLDialogElement).open), {
        timeout: 15_000,
      })
      .toBe(false);

    const saved = app.store.tx((tx) => tx.evidence.notesAbout('liuyang')).at(-1)!;
    expect(saved.kpiKeys).toEqual(['pick_accuracy']);
    expect(saved.actions.map((a) => [a.description, a.dueOn])).toEqual([
      ['每天下班前复核当天的拣货差错', '2026-12-01'],
    ]);
  });
});
