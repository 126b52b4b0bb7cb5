/**
 * Issue 13 #5, #6 and #7 in a real headless Chromium on the local workspace (demo organisation):
 * a manager answers a disputed review (Reply, Amend the review, Schedule a conversation with a
 * clickable meeting link and an .ics file, then Record the note), and a training plan whose last
 * session ended is completed from the manager's DM, a stale button's refusal offering the next step.
 * Screenshots go to test-output/e2e/.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ManualClock } from '../../src/ports/clock.js';
import type { LocalApp } from '../../adapters/local/testing.js';
import { workspaceSession } from './workspace-session.js';
import { makeRunEvidenceTick } from '../../src/usecases/schedule/run-evidence-tick.js';
import { testSettings } from '../support/org.js';
import { seedEndedPlan } from '../support/ended-plan.js';
import { chromiumAvailable, screenshot, unnamedControls } from './browser.js';

describe.skipIf(!chromiumAvailable)('answering a dispute and completing a plan, in a browser', () => {
  let app: LocalApp;
  let lina: Page;
  let zhangwei: Page;
  // Tuesday 24 Nov 2026, 10:00 in Shanghai: the week's cycle is open.
  const clock = new ManualClock(new Date('2026-11-24T02:00:00Z').getTime());
  const session = workspaceSession('dandang-e2e-answers-', clock);
  const tick = () => makeRunEvidenceTick({ store: app.store, clock, settings: testSettings() })();

  beforeAll(async () => {
    ({ app } = await session.start());
    lina = await openAs('lina');
    zhangwei = await openAs('zhangwei');
  });

  afterAll(() => session.stop());

  function openAs(personId: string): Promise<Page> {
    return session.openAs(personId);
  }

  const dialog = (page: Page) => page.locator('dialog#form-dialog[open]');
  const closed = (page: Page) =>
    expect
      .poll(() => page.locator('dialog#form-dialog').evaluate((d) => (d as HTMLDialogElement).open), {
        timeout: 15_000,
      })
      .toBe(false);
  /** The newest message holding a button for `action`. */
  const messageWith = (page: Page, action: string): Locator =>
    page.locator('article.msg', { has: page.locator(`button[data-action="${action}"]`) }).last();

  it(
    '5. the employee disputes; the manager replies and amends, and the employee sees both figures',
    { timeout: 90_000 },
    async () => {
      await lina.getByRole('button', { name: 'Review 张伟' }).click();
      await dialog(lina).waitFor();
      await dialog(lina).locator('[name="kpi_revenue"]').fill('150');
      await dialog(lina).locator('[name="kpi_new_accounts"]').fill('1');
      await dialog(lina).locator('[name="rating"]').selectOption('2');
      await dialog(lina).locator('[name="improvement"]').fill('Rebuild the pipeline with me every Tuesday.');
      await dialog(lina).getByRole('button', { name: 'Submit review' }).click();
      await closed(lina);

      const review = messageWith(zhangwei, 'review.dispute');
      await review.waitFor({ timeout: 15_000 });
      await review.locator('button[data-action="review.dispute"]').click();
      await dialog(zhangwei).locator('[name="comment"]').fill('两个大客户的合同在 25 日才入账，收入没有算进本周。');
      await dialog(zhangwei).getByRole('button', { name: '提交异议' }).click();
      await closed(zhangwei);

      // The manager's DM: the comment, and three ways to answer it.
      const notice = messageWith(lina, 'review.reply');
      await notice.waitFor({ timeout: 15_000 });
      await expect(notice.textContent()).resolves.toContain('两个大客户的合同');
      expect(await notice.locator('button').allTextContents()).toEqual([
        'Amend the review',
        'Reply',
        'Schedule a conversation',
      ]);
      expect(await unnamedControls(lina)).toEqual([]);
      await screenshot(lina, '5a-dispute-dm-with-answers');

      await notice.getByRole('button', { name: 'Reply' }).click();
      await dialog(lina)
        .locator('[name="reply"]')
        .fill('Contracts count in the week they are signed; let us check the dates together.');
      await dialog(lina).getByRole('button', { name: 'Send reply' }).click();
      await closed(lina);
      await expect
        .poll(() => zhangwei.locator('article.msg', { hasText: '💬 Li Na' }).count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      await screenshot(zhangwei, '5b-employee-sees-reply');

      await messageWith(lina, 'review.reply').getByRole('button', { name: 'Amend the review' }).click();
      await dialog(lina).locator('[name="kpi_revenue"]').fill('210');
      await dialog(lina).locator('[name="reason"]').fill('The two contracts were signed on the 23rd.');
      await dialog(lina).getByRole('button', { name: 'Save amendment' }).click();
      await closed(lina);
      await expect
        .poll(() => zhangwei.locator('article.msg', { hasText: '原为 150' }).count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      await expect(zhangwei.locator('article.msg', { hasText: '原为 150' }).last().textContent()).resolves.toContain(
        '修订',
      );
      await screenshot(zhangwei, '5c-employee-sees-amended-figures');
    },
  );

  it(
    '6. the manager schedules a conversation: both get it with a link and an .ics, then the note is recorded',
    { timeout: 90_000 },
    async () => {
      await messageWith(lina, 'review.reply').getByRole('button', { name: 'Schedule a conversation' }).click();
      const form = dialog(lina);
      await form.waitFor();
      expect(await unnamedControls(lina)).toEqual([]);
      await form.locator('[name="date"]').fill('2026-11-25');
      await form.locator('[name="start"]').fill('15:00');
      await form.locator('[name="minutes"]').selectOption('30');
      await form.locator('[name="place"]').fill('Room 5');
      await form.locator('[name="meeting_url"]').fill('https://meet.example.com/lina-zw');
      await screenshot(lina, '6a-schedule-form');
      await form.getByRole('button', { name: 'Schedule', exact: true }).click();
      await closed(lina);

      const invite = lina.locator('article.msg', { hasText: 'Conversation planned with 张伟' }).last();
      await invite.waitFor({ timeout: 15_000 });
      await expect(invite.locator('a[href="https://meet.example.com/lina-zw"]').textContent()).resolves.toBe(
        'Join the meeting',
      );
      const file = lina.locator('.blk-file a[download="conversation-1.ics"]').last();
      await file.waitFor({ timeout: 15_000 });
      const ics = await lina.request.get(new URL((await file.getAttribute('href'))!, app.url).toString());
      expect(ics.headers()['content-type']).toContain('text/calendar');
      expect(await ics.text()).toContain('DTSTART:20261125T070000Z');
      await screenshot(lina, '6b-manager-invite-and-ics');
      const theirs = zhangwei.locator('article.msg', { hasText: '安排了与你的谈话' }).last();
      await theirs.waitFor({ timeout: 15_000 });
      await expect(theirs.locator('a[href="https://meet.example.com/lina-zw"]').textContent()).resolves.toBe(
        '加入会议',
      );
      await zhangwei.locator('.blk-file a[download="conversation-1.ics"]').last().waitFor();
      await screenshot(zhangwei, '6c-employee-invite-and-ics');

      // The next day, after the conversation: the manager is asked to record the note, pre-filled.
      clock.set('2026-11-25T07:31:00Z');
      expect((await tick()).conversationNotePrompts).toBe(1);
      const prompt = messageWith(lina, 'conversation.record_note');
      await prompt.waitFor({ timeout: 15_000 });
      await prompt.getByRole('button', { name: 'Record the note' }).click();
      await expect(dialog(lina).locator('[name="held_on"]').inputValue()).resolves.toBe('2026-11-25');
      await dialog(lina)
        .locator('[name="discussion"]')
        .fill('Went through the contract dates; agreed how to count them.');
      await dialog(lina).getByRole('button', { name: 'Save note' }).click();
      await closed(lina);
      await expect
        .poll(() => lina.locator('article.msg', { hasText: 'Note recorded on 2026-11-25' }).count(), {
          timeout: 15_000,
        })
        .toBeGreaterThan(0);
      await screenshot(lina, '6d-note-recorded');
    },
  );

  it(
    '7. when the last session has ended the manager marks the plan complete; a stale button offers the next step',
    { timeout: 90_000 },
    async () => {
      const planId = seedEndedPlan(app.store, clock, {
        employeeId: 'zhangwei',
        managerId: 'lina',
        jobId: 'sales-rep',
        kpiKeys: ['revenue'],
        goal: 'Rebuild the pipeline',
      });
      // The record, opened before the plan is completed, still carries its Complete button.
      await lina.locator('#composer-input').fill('/review mine @张伟');
      await lina.locator('#composer-input').press('Enter');
      const stale = lina.locator(
        `article.msg.ephemeral button[data-action="training.complete"][data-value="${planId}"]`,
      );
      await stale.waitFor({ timeout: 15_000 });

      expect((await tick()).planCompletionPrompts).toBe(1);
      const finished = lina.locator('article.msg', { hasText: 'Training finished: 张伟' }).last();
      await finished.waitFor({ timeout: 15_000 });
      expect(await finished.locator('button').allTextContents()).toEqual([
        'Mark the plan complete',
        'Mark attendance 1',
      ]);
      await screenshot(lina, '7a-training-finished-dm');

      await finished.getByRole('button', { name: 'Mark the plan complete' }).click();
      await expect.poll(() => finished.textContent(), { timeout: 15_000 }).toContain('Marked complete by Li Na');
      expect(await finished.locator('button').allTextContents()).toEqual(['Record the reassessment']);
      await screenshot(lina, '7b-plan-marked-complete');

      // The stale button is refused, and the refusal offers what comes next.
      await stale.click();
      const next = lina
        .locator('article.msg.ephemeral', { hasText: 'already complete' })
        .last()
        .getByRole('button', { name: 'Record the reassessment' });
      await next.waitFor({ timeout: 15_000 });
      await screenshot(lina, '7c-refusal-offers-next-step');
      await next.click();
      await expect(dialog(lina).locator('.form-title').textContent()).resolves.toBe('Reassessment');
      await screenshot(lina, '7d-reassessment-form');
    },
  );
});
