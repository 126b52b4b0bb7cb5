/** "Attach file" on a record (Slack, the local workspace): the form with a file input for it. */
import type { UseCaseDeps } from '../../ports/deps.js';
import type { Form } from '../../ui/model.js';
import { maxFileBytes, parseSubjectRef } from '../../domain/files.js';
import { fail, ok, type Result } from '../result.js';
import { tFor } from '../shared/people.js';
import { buildAttachForm } from '../../ui/screens/files/attach-form.js';
import { recordLabel } from '../../ui/screens/files/file-lines.js';
import { findAttachable, mayAttach } from './attachable.js';

export const makeOpenAttachForm =
  ({ store, settings }: UseCaseDeps) =>
  (input: { actorId: string; subject: string }): Result<Form> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const ref = parseSubjectRef(input.subject);
      const record = ref ? findAttachable(tx, ref) : null;
      if (!ref || !record) return fail('NOT_FOUND', t('common.notFound'));
      if (!mayAttach(tx, actor, record)) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      return ok(
        buildAttachForm(t, {
          subject: ref,
          recordLabel: recordLabel(t, ref),
          personName: tx.org.person(record.personId)?.name ?? record.personId,
          maxBytes: maxFileBytes(settings),
        }),
      );
    });
