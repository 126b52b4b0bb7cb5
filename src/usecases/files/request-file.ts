/**
 * "Attach file" on Feishu: a card cannot carry a file, so the bot asks for it in the chat and
 * remembers the record; the next file the person sends within the window goes there
 * (attach-files.ts, subject `pending`). Replying to the record's own card with a file needs no ask.
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import { FILE_REQUEST_MINUTES, parseSubjectRef } from '../../domain/files.js';
import { fail, ok, type Result } from '../result.js';
import { tFor } from '../shared/people.js';
import { recordLabel } from '../../ui/screens/files/file-lines.js';
import { findAttachable, mayAttach } from './attachable.js';

export const makeRequestFile =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: { actorId: string; subject: string }): Result<{ confirmation: string }> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const ref = parseSubjectRef(input.subject);
      const record = ref ? findAttachable(tx, ref) : null;
      if (!ref || !record) return fail('NOT_FOUND', t('common.notFound'));
      if (!mayAttach(tx, actor, record)) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      tx.attachments.requestFile(actor.id, ref, clock.now());
      return ok({ confirmation: t('files.ask', { record: recordLabel(t, ref), minutes: FILE_REQUEST_MINUTES }) });
    });
