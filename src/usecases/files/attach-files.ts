/**
 * Records files attached to an evidence record. The adapter has already fetched each file, checked
 * its real type and size, and put it in the FileStore; this authorizes the actor against the record
 * (./attachable.ts), writes one row per file and one audit row holding its SHA-256 (so `audit
 * verify` can prove the file later), and re-evaluates the person's open cases (a policy may ask for
 * a file, e.g. a signed sign-in sheet). A refusal writes nothing, and the adapter then removes
 * what it stored for it.
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import type { IncomingFile } from '../../ports/files.js';
import type { Platform } from '../../ports/records.js';
import type { Attachment } from '../../ports/repos/attachments.js';
import type { Tx } from '../../ports/store.js';
import {
  FILE_REQUEST_MINUTES,
  MAX_FILES_PER_UPLOAD,
  isSha256,
  parseSubjectRef,
  type SubjectRef,
} from '../../domain/files.js';
import { fail, ok, type Result } from '../result.js';
import { tFor } from '../shared/people.js';
import { recordOfOutboxKey } from '../shared/outbox-keys.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { recordLabel } from '../../ui/screens/files/file-lines.js';
import { FILES_INPUT } from '../../ui/screens/files/attach-form.js';
import { literal } from '../../ui/markup.js';
import { findAttachable, mayAttach } from './attachable.js';

export interface AttachFilesInput {
  actorId: string;
  /**
   * The record: `note:12` (the form's state), `outbox:<key>` (a Feishu reply to the card sent under
   * that key), or `pending` (the record the actor was last asked a file for, within the window).
   */
  subject: string;
  files: IncomingFile[];
  via: Platform;
}

const MINUTE_MS = 60_000;

/** The record the actor was last asked a file for, if the ask is still open. */
function askedRecord(tx: Tx, actorId: string, now: number): SubjectRef | 'expired' | null {
  const asked = tx.attachments.pendingRequest(actorId);
  if (!asked) return null;
  return now - asked.askedAt <= FILE_REQUEST_MINUTES * MINUTE_MS ? asked.ref : 'expired';
}

/**
 * The record the input names. A reply to a message that is about no record (a nudge, a digest)
 * goes where a reply-less file would: to the record the bot last asked for.
 */
function targetOf(tx: Tx, actorId: string, subject: string, now: number): SubjectRef | 'expired' | null {
  if (subject === 'pending') return askedRecord(tx, actorId, now);
  if (subject.startsWith('outbox:'))
    return recordOfOutboxKey(subject.slice('outbox:'.length)) ?? askedRecord(tx, actorId, now);
  return parseSubjectRef(subject);
}

export const makeAttachFiles =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: AttachFilesInput): Result<{ confirmation: string; attachments: Attachment[] }> =>
    store.tx((tx) => {
      const now = clock.now();
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const target = targetOf(tx, actor.id, input.subject, now);
      if (target === 'expired') return fail('NOT_FOUND', t('files.askExpired'));
      if (!target)
        return fail('NOT_FOUND', t(/^(pending|outbox:)/.test(input.subject) ? 'files.noTarget' : 'common.notFound'));
      const record = findAttachable(tx, target);
      if (!record) return fail('NOT_FOUND', t('common.notFound'));
      if (!mayAttach(tx, actor, record)) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (!input.files.length)
        return fail('INVALID_INPUT', t('files.form.none'), { fieldErrors: { [FILES_INPUT]: t('files.form.none') } });
      if (input.files.length > MAX_FILES_PER_UPLOAD) {
        const tooMany = t('files.refused.tooMany', { n: MAX_FILES_PER_UPLOAD });
        return fail('INVALID_INPUT', tooMany, { fieldErrors: { [FILES_INPUT]: tooMany } });
      }
      // Only an adapter builds these, from bytes it stored; a malformed one is a bug, not input.
      for (const f of input.files) if (!isSha256(f.sha256)) throw new Error(`attach-files: bad sha256 ${f.sha256}`);

      // The same bytes attached to the same record again (a resent file) are recorded once.
      const held = new Set(tx.attachments.forSubject(target).map((a) => a.sha256));
      const added: Attachment[] = [];
      for (const f of input.files) {
        if (held.has(f.sha256)) continue;
        held.add(f.sha256);
        const a = tx.attachments.insert({
          subjectType: target.type,
          subjectId: target.id,
          personId: record.personId,
          sha256: f.sha256,
          name: f.name,
          mime: f.mime,
          size: f.size,
          uploadedBy: actor.id,
          via: input.via,
        });
        tx.audit.record({
          actorId: actor.id,
          action: 'file.attach',
          subjectType: target.type,
          subjectId: target.id,
          detail: {
            attachmentId: a.id,
            sha256: a.sha256,
            size: a.size,
            mime: a.mime,
            personId: a.personId,
            via: a.via,
          },
          text: { name: a.name },
        });
        added.push(a);
      }
      const asked = tx.attachments.pendingRequest(actor.id);
      if (asked && asked.ref.type === target.type && asked.ref.id === target.id) tx.attachments.clearRequest(actor.id);
      if (added.length) refreshOpenCases(tx, record.personId, { settings, now });
      const names = input.files.map((f) => literal(f.name)).join(', ');
      return ok({ confirmation: t('files.attached', { record: recordLabel(t, target), names }), attachments: added });
    });
