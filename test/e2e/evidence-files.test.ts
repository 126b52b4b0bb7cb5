/**
 * Evidence files in the local workspace, in a real headless Chromium: a manager attaches a signed
 * sheet to a note from the person's record (a `.pdf` that is really an executable and an oversize
 * file are refused on the field, with nothing stored), HR exports the case's dossier into the case
 * thread, and the ZIP downloaded from the thread holds the file with the hash it was attached with.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { ManualClock } from '../../src/ports/clock.js';
import type { LocalApp } from '../../adapters/local/testing.js';
import { workspaceSession } from './workspace-session.js';
import { chromiumAvailable, screenshot, unnamedControls } from './browser.js';
import { exe, pdf } from '../support/sample-files.js';
import { sha256 as sha, storedFileCount } from '../support/evidence-files.js';

describe.skipIf(!chromiumAvailable)('evidence files in the local workspace', () => {
  let dir: string;
  let app: LocalApp;
  const clock = new ManualClock(new Date('2026-11-24T02:00:00Z').getTime());
  const session = workspaceSession('dandang-e2e-files-', clock);
  const stored = () => storedFileCount(join(dir, 'files'));

  beforeAll(async () => {
    ({ dir, app } = await session.start());
  });

  afterAll(() => session.stop());

  const openAs = (personId: string): Promise<Page> => session.openAs(personId);

  async function type(page: Page, line: string): Promise<void> {
    await page.locator('#composer-input').fill(line);
    await page.locator('#composer button[type="submit"]').click();
  }

  const sheet = pdf('签到表 2026-11-20, signed by 张伟 and the trainer');
  let noteId = 0;

  it('refuses a .pdf that is an executable and an oversize file on the field, storing nothing, then attaches a real sheet', async () => {
    // The newest note Li Na wrote about Zhang Wei that is not private (private files never reach a dossier).
    noteId = app.store.read(
      (tx) =>
        tx.evidence
          .notesAbout('zhangwei')
          .reverse()
          .slice(0, 5)
          .find((n) => n.visibility !== 'private' && n.authorId === 'lina')!.id,
    );
    const lina = await openAs('lina');
    await type(lina, '/review mine @zhangwei');
    const attach = lina.locator(`button[data-action="files.attach"][data-value="note:${noteId}"]`);
    await attach.waitFor();
    await attach.click();
    const dialog = lina.locator('dialog#form-dialog[open]');
    await dialog.waitFor();
    expect(await unnamedControls(lina)).toEqual([]);
    const input = dialog.locator('input[type="file"][name="files"]');
    const error = dialog.locator('.field[data-input="files"] .field-error');

    await input.setInputFiles({ name: 'contract.pdf', mimeType: 'application/pdf', buffer: exe() });
    await dialog.getByRole('button', { name: 'Attach' }).click();
    await expect.poll(() => error.textContent()).toContain('contract.pdf is not an image, a PDF or an office document');
    expect(await error.textContent()).toContain('its content is `exe`');
    await screenshot(lina, 'files-1-wrong-type-refused');
    expect(stored()).toBe(0);

    const big = Buffer.concat([pdf(), Buffer.alloc(21 * 1024 * 1024, 1)]);
    await input.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: big });
    await dialog.getByRole('button', { name: 'Attach' }).click();
    await expect.poll(() => error.textContent()).toContain('scan.pdf is 21 MB: a file may be at most 20 MB.');
    expect(stored()).toBe(0);

    await input.setInputFiles({ name: 'sign-in sheet.pdf', mimeType: 'application/pdf', buffer: sheet });
    await dialog.getByRole('button', { name: 'Attach' }).click();
    await expect
      .poll(() => lina.locator('dialog#form-dialog').evaluate((d) => (d as HTMLDialogElement).open), {
        timeout: 15_000,
      })
      .toBe(false);
    await expect
      .poll(() => lina.locator('#toasts').textContent())
      .toContain(`Attached to note #${noteId}: sign-in sheet.pdf.`);
    expect(stored()).toBe(1);
    const attached = app.store.read((tx) => tx.attachments.forSubject({ type: 'note', id: noteId }));
    expect(attached).toMatchObject([
      { name: 'sign-in sheet.pdf', sha256: sha(sheet), mime: 'application/pdf', uploadedBy: 'lina' },
    ]);
  });

  it('the employee sees the file on their own record and gets it in their DM', async () => {
    const zhangwei = await openAs('zhangwei');
    await type(zhangwei, '/review mine');
    const get = zhangwei.locator(`button[data-action="files.get"][data-value="note:${noteId}"]`);
    await get.waitFor();
    await expect(zhangwei.locator('article.msg', { has: get }).textContent()).resolves.toContain(
      '📎 sign-in sheet.pdf',
    );
    await get.click();
    const link = zhangwei.locator('a[href^="/api/file"]', { hasText: 'sign-in sheet.pdf' }).last();
    await link.waitFor({ timeout: 15_000 });
    const res = await zhangwei.request.get(`${app.url}${await link.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    expect(sha(await res.body())).toBe(sha(sheet));
  });

  it('HR exports the dossier into the case thread; the ZIP holds the file with its hash', async () => {
    const hr = await openAs('chenjing');
    await type(hr, '/offboard @zhangwei');
    await expect.poll(() => app.store.read((tx) => tx.cases.open('zhangwei').length), { timeout: 15_000 }).toBe(1);
    const caseId = app.store.read((tx) => tx.cases.open('zhangwei')[0]!.id);
    await hr.goto(`${app.url}/?c=hr`);
    await hr.locator('#live-status.on').waitFor();
    await type(hr, `/offboard dossier ${caseId}`);
    const link = hr.locator('a[href^="/api/file"][download$=".zip"]').last();
    // The upload is a reply in the case's thread, which may be folded: attached is enough.
    await link.waitFor({ state: 'attached', timeout: 20_000 });
    await screenshot(hr, 'files-2-dossier-in-thread');
    const res = await hr.request.get(`${app.url}${await link.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/zip');
    const zip = unzipSync(new Uint8Array(await res.body()));
    const path = `files/${sha(sheet).slice(0, 12)}-sign-in_sheet.pdf`;
    expect(zip[path]).toBeDefined();
    expect(sha(zip[path]!)).toBe(sha(sheet));
    const manifest = JSON.parse(strFromU8(zip['manifest.json']!));
    expect(manifest.files).toContainEqual(
      expect.objectContaining({ path, sha256: sha(sheet), record: { type: 'note', id: noteId } }),
    );
  });
});
