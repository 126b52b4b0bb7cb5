import { describe, it, expect, afterEach } from 'vitest';
import { createHash } from 'node:crypto';
import { makeEvidenceWorld, valueOf, codeOf, count, outboxRows, type EvidenceWorld } from '../evidence/support.js';
import { makeCreateNote } from '../../../src/usecases/evidence/create-note.js';
import { makeAttachFiles } from '../../../src/usecases/files/attach-files.js';
import { makeOpenAttachForm } from '../../../src/usecases/files/open-attach-form.js';
import { makeSendRecordFiles } from '../../../src/usecases/files/send-record-files.js';
import { makeRequestFile } from '../../../src/usecases/files/request-file.js';
import { makeViewMyRecord } from '../../../src/usecases/evidence/view-my-record.js';
import { makeOpenOffboarding } from '../../../src/usecases/offboarding/open-offboarding.js';
import { makeExportDossier } from '../../../src/usecases/offboarding/export-dossier.js';
import { ACTIONS } from '../../../src/ui/actions.js';
import type { IncomingFile } from '../../../src/ports/files.js';
import type { Message } from '../../../src/ui/model.js';
import type { UploadPayload } from '../../../src/ports/outbox-queue.js';

let w: EvidenceWorld;
afterEach(() => w.db.cleanup());

const file = (name: string, content = name): IncomingFile => ({
  sha256: createHash('sha256').update(content).digest('hex'),
  name,
  mime: 'application/pdf',
  size: content.length,
});

function note(visibility: 'private' | 'shared' | 'evidence', author = w.m1.id) {
  return valueOf(
    makeCreateNote(w.deps)({
      actorId: author,
      personId: w.emp.id,
      values: {
        kind: 'feedback',
        held_on: '2026-11-22',
        discussion: 'Tickets closed were 28 against 40.',
        kpis: ['tickets'],
        visibility,
      },
    }),
  ).note;
}

const textOfMessage = (m: Message) =>
  m.blocks
    .map((b) => ('text' in b ? b.text : b.type === 'fields' ? b.fields.map((f) => f.value).join(' ') : ''))
    .join('\n');
const buttons = (m: Message) => m.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));

describe('attaching files to a record', () => {
  it('records each file with its hash in the audit chain, once per record', () => {
    w = makeEvidenceWorld();
    const n = note('evidence');
    const attach = makeAttachFiles(w.deps);
    const sheet = file('signed-sheet.pdf');
    const r = valueOf(attach({ actorId: w.m1.id, subject: `note:${n.id}`, files: [sheet], via: 'slack' }));
    expect(r.confirmation).toBe(`Attached to note #${n.id}: signed-sheet.pdf.`);
    expect(r.attachments).toMatchObject([
      { subjectType: 'note', subjectId: n.id, personId: w.emp.id, sha256: sheet.sha256 },
    ]);
    const [audit] = w.audits('file.attach');
    expect(audit).toMatchObject({ actor_id: w.m1.id, subject_type: 'note', subject_id: String(n.id) });
    const detail = JSON.parse(audit!.detail);
    expect(detail).toMatchObject({ sha256: sheet.sha256, size: sheet.size, mime: 'application/pdf', via: 'slack' });
    // The name is sensitive text: the chain holds only its hash.
    expect(audit!.detail).not.toContain('signed-sheet');
    expect(detail.textSha256.name).toBe(createHash('sha256').update('signed-sheet.pdf', 'utf8').digest('hex'));

    // The same bytes again are not a second file.
    valueOf(attach({ actorId: w.m1.id, subject: `note:${n.id}`, files: [sheet], via: 'slack' }));
    expect(count(w.db.conn.sqlite, 'attachments')).toBe(1);
  });

  it('refuses the employee about themselves, a manager outside the chain, and a record that does not exist, writing nothing', () => {
    w = makeEvidenceWorld();
    const n = note('evidence');
    const attach = makeAttachFiles(w.deps);
    const f = [file('x.pdf')];
    expect(codeOf(attach({ actorId: w.emp.id, subject: `note:${n.id}`, files: f, via: 'local' }))).toBe(
      'NOT_AUTHORIZED',
    );
    expect(codeOf(attach({ actorId: w.m2.id, subject: `note:${n.id}`, files: f, via: 'local' }))).toBe(
      'NOT_AUTHORIZED',
    );
    expect(codeOf(attach({ actorId: w.m1.id, subject: 'note:9999', files: f, via: 'local' }))).toBe('NOT_FOUND');
    expect(codeOf(attach({ actorId: w.m1.id, subject: 'nonsense', files: f, via: 'local' }))).toBe('NOT_FOUND');
    const none = attach({ actorId: w.m1.id, subject: `note:${n.id}`, files: [], via: 'local' });
    expect(!none.ok && none.fieldErrors).toEqual({ files: 'Choose at least one file.' });
    expect(count(w.db.conn.sqlite, 'attachments')).toBe(0);
    expect(w.audits('file.attach')).toEqual([]);
    expect(codeOf(makeOpenAttachForm(w.deps)({ actorId: w.emp.id, subject: `note:${n.id}` }))).toBe('NOT_AUTHORIZED');
  });

  it('opens a form with one file input for the record', () => {
    w = makeEvidenceWorld();
    const n = note('evidence');
    const form = valueOf(makeOpenAttachForm(w.deps)({ actorId: w.hr.id, subject: `note:${n.id}` }));
    expect(form.state).toBe(`note:${n.id}`);
    expect(form.inputs).toMatchObject([{ id: 'files', kind: 'file', maxFiles: 5 }]);
    expect(form.inputs[0]!.hint).toContain('up to 20 MB each');
  });
});

describe('files on a private note', () => {
  it('are its author’s alone: nobody else attaches, sees or gets them, not the employee, HR or an admin', () => {
    w = makeEvidenceWorld();
    const n = note('private');
    const attach = makeAttachFiles(w.deps);
    for (const who of [w.emp, w.hr, w.admin, w.dir])
      expect(codeOf(attach({ actorId: who.id, subject: `note:${n.id}`, files: [file('a.pdf')], via: 'slack' }))).toBe(
        'NOT_AUTHORIZED',
      );
    valueOf(attach({ actorId: w.m1.id, subject: `note:${n.id}`, files: [file('private-scan.pdf')], via: 'slack' }));

    const send = makeSendRecordFiles(w.deps);
    for (const who of [w.emp, w.hr, w.admin, w.dir, w.m2])
      expect(codeOf(send({ actorId: who.id, subject: `note:${n.id}` }))).toBe('NOT_AUTHORIZED');
    expect(count(w.db.conn.sqlite, 'outbox', "op = 'upload'")).toBe(0);

    const view = makeViewMyRecord(w.deps);
    for (const who of [w.emp, w.hr, w.admin, w.dir]) {
      const record = valueOf(view({ actorId: who.id, personId: w.emp.id }));
      expect(textOfMessage(record)).not.toContain('private-scan.pdf');
      expect(buttons(record).map((b) => b.value)).not.toContain(`note:${n.id}`);
    }
    const own = valueOf(view({ actorId: w.m1.id, personId: w.emp.id }));
    expect(textOfMessage(own)).toContain('📎 private-scan.pdf');
    expect(
      buttons(own)
        .filter((b) => b.value === `note:${n.id}`)
        .map((b) => b.actionId),
    ).toEqual([ACTIONS.attachFile, ACTIONS.getFiles]);
    // Only the author gets them.
    valueOf(send({ actorId: w.m1.id, subject: `note:${n.id}` }));
    expect(count(w.db.conn.sqlite, 'outbox', "op = 'upload'")).toBe(1);
  });

  it('never reach the dossier, where a shared note’s file does', () => {
    w = makeEvidenceWorld();
    const attach = makeAttachFiles(w.deps);
    const secret = note('private');
    valueOf(
      attach({ actorId: w.m1.id, subject: `note:${secret.id}`, files: [file('private-scan.pdf')], via: 'slack' }),
    );
    const shared = note('evidence');
    valueOf(attach({ actorId: w.m1.id, subject: `note:${shared.id}`, files: [file('shared-scan.pdf')], via: 'slack' }));
    const opened = valueOf(
      makeOpenOffboarding(w.deps)({
        actorId: w.hr.id,
        employeeId: w.emp.id,
        reasonKind: 'performance',
        reasonText: '',
      }),
    );
    const dossier = valueOf(makeExportDossier(w.deps)({ actorId: w.hr.id, caseId: opened.caseId, deliver: 'none' }));
    expect(dossier.files.map((f) => f.name)).toEqual(['shared-scan.pdf']);
    expect(JSON.stringify(dossier.archive)).not.toContain(file('private-scan.pdf').sha256);
    expect(dossier.html).not.toContain('private-scan.pdf');
  });
});

describe('the employee and their own records', () => {
  it('sees the files on their shared note in /review mine and gets them in their DM, unaudited', () => {
    w = makeEvidenceWorld();
    const n = note('shared');
    const scan = file('meeting-notes.png', 'png bytes');
    valueOf(makeAttachFiles(w.deps)({ actorId: w.m1.id, subject: `note:${n.id}`, files: [scan], via: 'local' }));
    const mine = valueOf(makeViewMyRecord(w.deps)({ actorId: w.emp.id }));
    expect(textOfMessage(mine)).toContain('📎 meeting-notes.png');
    const get = buttons(mine).find((b) => b.actionId === ACTIONS.getFiles && b.value === `note:${n.id}`);
    expect(get?.label).toBe('Get files (1)');
    // The employee may not add evidence about themselves.
    expect(buttons(mine).some((b) => b.actionId === ACTIONS.attachFile)).toBe(false);

    const r = valueOf(makeSendRecordFiles(w.deps)({ actorId: w.emp.id, subject: `note:${n.id}` }));
    expect(r.confirmation).toBe(`The files of note #${n.id} are in your chat with Dandang.`);
    const [row] = outboxRows(w.db.conn.sqlite, 'file:%');
    expect(row?.address).toBe(w.emp.slackId);
    const payload = row!.message as unknown as UploadPayload;
    expect(payload).toMatchObject({
      filename: 'meeting-notes.png',
      blob: { sha256: scan.sha256, mime: 'application/pdf' },
    });
    expect(w.audits('read.files')).toEqual([]);
    // HR getting them is a read of someone else's record: audited.
    valueOf(makeSendRecordFiles(w.deps)({ actorId: w.hr.id, subject: `note:${n.id}` }));
    expect(w.audits('read.files')).toMatchObject([{ actor_id: w.hr.id, subject_type: 'person', subject_id: w.emp.id }]);
  });
});

describe('Feishu: the next file after the ask, or a reply to the record’s card', () => {
  it('goes to the record asked for within 10 minutes, and not after', () => {
    w = makeEvidenceWorld();
    const n = note('evidence');
    const ask = valueOf(makeRequestFile(w.deps)({ actorId: w.m1.id, subject: `note:${n.id}` }));
    expect(ask.confirmation).toContain('within 10 minutes');
    const attach = makeAttachFiles(w.deps);
    w.db.clock.advance(9 * 60_000);
    valueOf(attach({ actorId: w.m1.id, subject: 'pending', files: [file('a.jpg')], via: 'feishu' }));
    // The ask is used up.
    const again = attach({ actorId: w.m1.id, subject: 'pending', files: [file('b.jpg')], via: 'feishu' });
    expect(!again.ok && again.message).toContain('reply with it to the card of the record');

    valueOf(makeRequestFile(w.deps)({ actorId: w.m1.id, subject: `note:${n.id}` }));
    w.db.clock.advance(11 * 60_000);
    const late = attach({ actorId: w.m1.id, subject: 'pending', files: [file('c.jpg')], via: 'feishu' });
    expect(!late.ok && late.message).toBe(
      'The request for a file has expired. Press Attach file on the record again, then send it.',
    );
    expect(count(w.db.conn.sqlite, 'attachments')).toBe(1);
  });

  it('a reply to the card sent under a record’s outbox key attaches to that record', () => {
    w = makeEvidenceWorld();
    const n = note('evidence');
    const r = valueOf(
      makeAttachFiles(w.deps)({
        actorId: w.hr.id,
        subject: `outbox:note:${n.id}:employee`,
        files: [file('screenshot.png')],
        via: 'feishu',
      }),
    );
    expect(r.attachments[0]).toMatchObject({ subjectType: 'note', subjectId: n.id, uploadedBy: w.hr.id });
  });
});
