/**
 * Evidence files through Slack: Attach file opens a modal with a real file_input; the submission
 * names the files Slack holds, the bot reads them with files.info and downloads them with its token
 * (the fake answers its sign-in page to anything else); a `.pdf` that is an executable and an
 * oversize file are refused on the field with nothing stored; the dossier uploaded into the case
 * thread is a ZIP holding the file with its hash.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { startSlackHarness, waitFor, type SlackHarness } from './harness.js';
import { seedReviewOrg, slackIdOf } from './org.js';
import type { OpenedView } from '../../support/fake-slack-requests.js';
import { exe, pdf, png } from '../../support/sample-files.js';
import {
  createEvidenceNote,
  openPerformanceCase,
  sha256 as sha,
  storedFileCount,
} from '../../support/evidence-files.js';

const CONFIG = 'timezone: UTC\nhrChannel:\n  slack: CHR\nfiles:\n  maxMegabytes: 1\n';

describe('evidence files through Slack', () => {
  let h: SlackHarness;
  let noteId: number;
  beforeEach(async () => {
    h = await startSlackHarness({ fileConfig: CONFIG, now: '2026-11-24T10:00:00Z' });
    seedReviewOrg(h);
    noteId = createEvidenceNote(deps(), {
      actorId: 'm1',
      personId: 'm1r1',
      heldOn: '2026-11-23',
      discussion: 'Calls at 25 against 40',
    });
  });
  afterEach(async () => h.close());

  const deps = () => ({ store: h.db.store, clock: h.db.clock, settings: h.ctx.settings });
  const stored = () => storedFileCount(join(h.db.dir, 'files'));

  async function attachModal(): Promise<OpenedView> {
    const before = h.fake.callsTo('views.open').length;
    await h.slackReq.clickButton(slackIdOf('m1'), { action_id: 'files.attach', value: `note:${noteId}` });
    return waitFor(
      () =>
        h.fake.callsTo('views.open').length > before
          ? (h.fake.callsTo('views.open').at(-1)!.args.view as OpenedView)
          : null,
      'the attach modal',
    );
  }

  it('opens a modal with a file_input, and attaches a file fetched with the bot token', async () => {
    const view = await attachModal();
    const input = view.blocks.find((b) => b.type === 'input')!;
    expect(input.element).toMatchObject({ type: 'file_input', action_id: 'files', max_files: 5 });
    expect((input.element as unknown as { filetypes: string[] }).filetypes).toEqual(
      expect.arrayContaining(['pdf', 'png', 'docx']),
    );

    const sheet = pdf('签到表');
    const files = h.fake.userUploads([{ name: 'sign-in sheet.pdf', bytes: sheet, mimetype: 'application/pdf' }]);
    const res = await h.slackReq.submitView(slackIdOf('m1'), view, {}, { files: { files } });
    expect(res.status).toBe(200);
    expect(res.json?.response_action).not.toBe('errors');
    expect(h.fake.callsTo('files.info').map((c) => c.args.file)).toEqual([files[0]!.id]);
    expect(h.fake.downloads).toEqual([
      { fileId: files[0]!.id, authorization: 'Bearer xoxb-test', status: 200, html: false },
    ]);
    const attached = h.db.store.read((tx) => tx.attachments.forSubject({ type: 'note', id: noteId }));
    expect(attached).toMatchObject([
      { name: 'sign-in sheet.pdf', sha256: sha(sheet), mime: 'application/pdf', via: 'slack', uploadedBy: 'm1' },
    ]);
    expect(stored()).toBe(1);
  });

  it('refuses a .pdf that is an executable on the field, naming it, and stores nothing', async () => {
    const view = await attachModal();
    const files = h.fake.userUploads([
      { name: 'screenshot.png', bytes: png(2), mimetype: 'image/png' },
      { name: 'contract.pdf', bytes: exe(), mimetype: 'application/pdf' },
    ]);
    const res = await h.slackReq.submitView(slackIdOf('m1'), view, {}, { files: { files } });
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: {
        files:
          // Slack shows field errors as plain text: the code span reads as the bare word.
          'contract.pdf is not an image, a PDF or an office document: its content is exe, whatever its name says. Nothing was stored.',
      },
    });
    expect(stored()).toBe(0);
    expect(h.db.store.read((tx) => tx.attachments.forSubject({ type: 'note', id: noteId }))).toEqual([]);
  });

  it('refuses a file over the limit by Slack’s own size, before downloading it', async () => {
    const view = await attachModal();
    const files = h.fake.userUploads([
      { name: 'scan.pdf', bytes: Buffer.concat([pdf(), Buffer.alloc(2 * 1024 * 1024)]) },
    ]);
    const res = await h.slackReq.submitView(slackIdOf('m1'), view, {}, { files: { files } });
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { files: 'scan.pdf is 2 MB: a file may be at most 1 MB. Nothing was stored.' },
    });
    expect(h.fake.downloads).toEqual([]);
    expect(stored()).toBe(0);
  });

  it('says so when Slack answers its sign-in page instead of the file (a revoked token)', async () => {
    const view = await attachModal();
    h.fake.botToken = 'xoxb-another-app';
    const files = h.fake.userUploads([{ name: 'sheet.pdf', bytes: pdf() }]);
    const res = await h.slackReq.submitView(slackIdOf('m1'), view, {}, { files: { files } });
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { files: 'Could not fetch sheet.pdf from the chat platform. Nothing was stored; try again.' },
    });
    expect(h.fake.downloads[0]).toMatchObject({ html: true });
    expect(stored()).toBe(0);
  });

  it('the dossier uploaded into the case thread is a ZIP holding the file with its hash', async () => {
    const view = await attachModal();
    const sheet = pdf('signed');
    await h.slackReq.submitView(
      slackIdOf('m1'),
      view,
      {},
      { files: { files: h.fake.userUploads([{ name: 'sheet.pdf', bytes: sheet }]) } },
    );
    const caseId = openPerformanceCase(deps(), { actorId: 'hana', employeeId: 'm1r1' });
    await h.slackReq.slashCommand(slackIdOf('hana'), '/offboard', `dossier ${caseId}`);
    const upload = await waitFor(() => h.fake.uploads.find((u) => u.data.length > 0), 'the dossier upload', 20_000);
    const complete = (
      await waitFor(() => h.fake.callsTo('files.completeUploadExternal').at(-1), 'the upload completed into the thread')
    ).args;
    expect(complete.channel_id).toBe('CHR');
    expect(complete.thread_ts).toBeTruthy();
    const zip = unzipSync(new Uint8Array(upload.data));
    const path = `files/${sha(sheet).slice(0, 12)}-sheet.pdf`;
    expect(sha(zip[path]!)).toBe(sha(sheet));
    expect(JSON.parse(strFromU8(zip['manifest.json']!)).files).toMatchObject([{ path, sha256: sha(sheet) }]);
  });
});
