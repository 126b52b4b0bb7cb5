/**
 * The HR dashboard in a real headless Chromium: HR opens it from the sidebar, sees the seven
 * charts (SVG, Chinese labels, a summary under each), filters by department, on a desktop and on
 * a 390 px phone, and a manager is refused. Then `/dandang report` in the workspace posts the
 * charts as pictures into HR's DM. The weekly early warnings reach each manager's DM in their own
 * language, their buttons open the pre-filled form, and the people they are about never see them.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { ManualClock } from '../../src/ports/clock.js';
import type { LocalApp } from '../../adapters/local/testing.js';
import { workspaceSession } from './workspace-session.js';
import { makeRunWeeklyWarnings } from '../../src/usecases/warning/run-weekly-warnings.js';
import { chromiumAvailable, screenshot, unnamedControls } from './browser.js';

describe.skipIf(!chromiumAvailable)('the HR dashboard in a browser', () => {
  let app: LocalApp;
  // Tuesday 10:00 in Shanghai: this week's warnings are due (Monday 10:00); the scheduler, which
  // this in-process app has not, would run them on its first tick, so the test runs that tick.
  const clock = new ManualClock(new Date('2026-11-24T02:00:00Z').getTime());
  const session = workspaceSession('dandang-e2e-dash-', clock);

  beforeAll(async () => {
    ({ app } = await session.start());
    const week = await makeRunWeeklyWarnings({ store: app.store, clock, settings: app.settings })();
    expect(week).toMatchObject({ week: '2026-W48', ran: true });
  });

  afterAll(() => session.stop());

  const openAs = (personId: string, viewport = { width: 1400, height: 1000 }): Promise<Page> =>
    session.openAs(personId, { viewport });

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
    await screenshot(page, 'dashboard-hr-seven-charts-full-page', undefined, { fullPage: true });
  });

  it('filters by period and department', async () => {
    const page = await openAs('chenjing');
    await page.goto(`${app.url}/dashboard`);
    await page.locator('select[name="department"]').selectOption('Sales');
    await page.locator('select[name="period"]').selectOption('last-4w');
    await page.getByRole('button', { name: '查看' }).click();
    await page.waitForURL(/department=Sales/);
    await expect(page.locator('.scope').textContent()).resolves.toContain('最近 4 周，Sales（');
    expect(await page.locator('figure.chart').count()).toBe(7);
    // The charts are Sales' own: its one manager, its one job, four weeks of reviews (3 people each).
    await expect(page.locator('#chart-onTimeByManager figcaption').textContent()).resolves.toMatch(
      /^共 1 位经理；按时率最低：Li Na/,
    );
    await expect(page.locator('#chart-kpiAttainment figcaption').textContent()).resolves.toMatch(
      /^达到或超过目标的 KPI 结果占比：Sales representative \d+%。$/,
    );
    await expect(page.locator('#chart-reviewCompletion svg').textContent()).resolves.not.toMatch(/Warehouse|Support/);
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, 'dashboard-hr-sales-last-4w');
  });

  it('works on a 390 px phone: nothing scrolls sideways but a chart inside its frame, and the filters work', async () => {
    const width = 390;
    const page = await openAs('chenjing', { width, height: 844 });
    await page.goto(`${app.url}/dashboard`);
    await page.evaluate(() => document.fonts.ready);
    const pageOverflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await pageOverflow()).toBe(0);
    for (const control of [
      page.locator('select[name="period"]'),
      page.locator('select[name="department"]'),
      page.getByRole('button', { name: '查看' }),
    ]) {
      const box = (await control.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    // A chart keeps a width whose labels can be read and scrolls inside its own frame.
    const frame = await page
      .locator('#chart-reviewCompletion .chart-svg')
      .evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth, svg: e.querySelector('svg')!.clientWidth }));
    expect(frame.svg).toBeGreaterThanOrEqual(720);
    expect(frame.client).toBeLessThan(width);
    expect(frame.scroll).toBeGreaterThan(frame.client);
    const caption = (await page.locator('#chart-reviewCompletion figcaption').boundingBox())!;
    expect(caption.x + caption.width).toBeLessThanOrEqual(width);
    expect(await unnamedControls(page)).toEqual([]);
    await screenshot(page, 'dashboard-hr-390px');

    await page.locator('select[name="department"]').selectOption('Warehouse');
    await page.getByRole('button', { name: '查看' }).click();
    await page.waitForURL(/department=Warehouse/);
    expect(await page.locator('figure.chart').count()).toBe(7);
    expect(await pageOverflow()).toBe(0);
  });

  it('draws its Chinese with a CJK font, never a Latin one showing boxes (the brand, the title)', async () => {
    const page = await openAs('chenjing');
    await page.goto(`${app.url}/dashboard`);
    await page.evaluate(() => document.fonts.ready);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    // The CJK families the stylesheet names; on a machine with none of them, the one it serves.
    const cjkFamilies = ['PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Noto Sans SC'];
    for (const selector of ['.brand', 'h1']) {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const cjk = fonts.filter((f) => cjkFamilies.includes(f.familyName));
      // 担当 is two glyphs; HR 仪表盘 has three Chinese ones.
      expect(
        cjk.reduce((n, f) => n + f.glyphCount, 0),
        selector,
      ).toBe(selector === 'h1' ? 3 : 2);
    }
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

  it('the weekly warning reaches each manager in their language; its button opens the pre-filled form', async () => {
    // Li Na reads English: 张伟 missed his sales KPIs, so a training plan with them.
    const lina = await openAs('lina');
    const warning = lina.locator('article.msg', { hasText: 'may need help' }).last();
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toMatch(/张伟: Sales revenue below target/);
    await warning.getByRole('button', { name: 'Plan training' }).click();
    const plan = lina.locator('dialog#form-dialog[open]');
    await plan.waitFor();
    // The KPI picker is a list of checkboxes: the warning's KPIs come checked.
    const chosen = await plan
      .locator('input[type="checkbox"][name="kpis"]:checked')
      .evaluateAll((boxes) =>
        boxes.map((b) => (b.closest('label') ?? document.querySelector(`label[for="${b.id}"]`))?.textContent?.trim()),
      );
    expect(chosen).toEqual(expect.arrayContaining([expect.stringMatching(/^Sales revenue/)]));
    expect(await unnamedControls(lina)).toEqual([]);
    await screenshot(lina, 'warning-manager-en-training-form');

    // 王磊 reads Chinese: 刘洋's personal leave is above the team's, so a supportive conversation,
    // scheduled with an agenda about how he is (the employee sees it), not his figures.
    const wanglei = await openAs('wanglei');
    const zh = wanglei.locator('article.msg', { hasText: '可能需要帮助' }).last();
    await zh.waitFor();
    await expect(zh.textContent()).resolves.toContain('刘洋：连续 3 周请假天数高于团队平均');
    await zh.getByRole('button', { name: '约一次关怀谈话' }).click();
    const talk = wanglei.locator('dialog#form-dialog[open]');
    await talk.waitFor();
    await expect(talk.locator('[name="agenda"]').inputValue()).resolves.toBe('近况如何，以及你需要我提供哪些支持。');
    await screenshot(wanglei, 'warning-manager-zh-conversation-form');
  });

  it('a warning never reaches the person it is about or a peer', async () => {
    // Every warning DM of the week has been delivered before we look for one where it must not be.
    const unsent = () =>
      (
        app.conn.sqlite
          .prepare(`SELECT count(*) AS n FROM outbox WHERE key LIKE 'warnings:2026-W48:%' AND status != 'sent'`)
          .get() as { n: number }
      ).n;
    await expect.poll(unsent, { timeout: 10_000 }).toBe(0);
    const addresses = (
      app.conn.sqlite.prepare(`SELECT address FROM outbox WHERE key LIKE 'warnings:2026-W48:%'`).all() as {
        address: string;
      }[]
    ).map((r) => r.address);
    expect(addresses).toEqual(expect.arrayContaining(['lina', 'wanglei']));
    for (const who of ['zhangwei', 'liuyang', 'alice', 'sunli']) {
      const page = await openAs(who);
      await page.locator('article.msg').first().waitFor();
      expect(
        await page.locator('article.msg', { hasText: /may need help|可能需要帮助|预警|early warning/i }).count(),
      ).toBe(0);
      await page.context().close();
    }
  });
});
