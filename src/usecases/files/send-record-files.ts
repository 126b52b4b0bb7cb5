/**
 * "Get files" on a record: each of its files is sent to the asker's chat with Dandang (a chat
 * platform has no other way to hand over a file), as a queued upload the sender reads from the
 * FileStore. Who may have them is exactly who may read the record (./attachable.ts). Someone else's
 * read of a person's files is audited, as reading their record is.
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import { fail, ok, type Result } from '../result.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { recordLabel } from '../../ui/screens/files/file-lines.js';
import { pressedRecord, mayReadFiles } from './attachable.js';

export const makeSendRecordFiles =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: { actorId: string; subject: string }): Result<{ confirmation: string }> =>
    store.tx((tx) => {
      const pressed = pressedRecord(tx, settings, input, mayReadFiles);
      if (!pressed.ok) return pressed;
      const { actor, t, ref, record } = pressed.value;
      const label = recordLabel(t, ref);
      // A plan's files are its own and its sessions' (the signed sheets), as its record lists them.
      const sessions = ref.type === 'training_plan' ? (tx.evidence.plan(ref.id)?.sessions ?? []) : [];
      const files = [
        ...tx.attachments.forSubject(ref),
        ...(sessions.length
          ? tx.attachments.forSubjects(
              'training_session',
              sessions.map((s) => s.id),
            )
          : []),
      ];
      if (!files.length) return fail('NOT_FOUND', t('files.none', { record: label }));
      const now = clock.now();
      for (const a of files)
        tx.outbox.upload({
          key: outboxKeys.recordFile(a.id, actor.id, now),
          to: { person: actor.id },
          filename: a.name,
          title: t('files.uploadTitle', { name: a.name, record: label }),
          blob: { sha256: a.sha256, mime: a.mime },
        });
      if (record.personId !== actor.id)
        tx.audit.record({
          actorId: actor.id,
          action: 'read.files',
          subjectType: 'person',
          subjectId: record.personId,
          detail: { subjectType: ref.type, subjectId: ref.id, files: files.length },
        });
      return ok({ confirmation: t('files.sent', { record: label }) });
    });
