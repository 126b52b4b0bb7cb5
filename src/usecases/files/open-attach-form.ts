/** "Attach file" on a record (Slack, the local workspace): the form with a file input for it. */
import type { UseCaseDeps } from '../../ports/deps.js';
import type { Form } from '../../ui/model.js';
import { maxFileBytes } from '../../domain/files.js';
import { ok, type Result } from '../result.js';
import { buildAttachForm } from '../../ui/screens/files/attach-form.js';
import { recordLabel } from '../../ui/screens/files/file-lines.js';
import { pressedRecord, mayAttach } from './attachable.js';

export const makeOpenAttachForm =
  ({ store, settings }: UseCaseDeps) =>
  (input: { actorId: string; subject: string }): Result<Form> =>
    store.read((tx) => {
      const pressed = pressedRecord(tx, settings, input, mayAttach);
      if (!pressed.ok) return pressed;
      const { t, ref, record } = pressed.value;
      return ok(
        buildAttachForm(t, {
          subject: ref,
          recordLabel: recordLabel(t, ref),
          personName: tx.org.person(record.personId)?.name ?? record.personId,
          maxBytes: maxFileBytes(settings),
        }),
      );
    });
