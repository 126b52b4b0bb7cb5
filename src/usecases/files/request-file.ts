/**
 * "Attach file" on Feishu: a card cannot carry a file, so the bot asks for it in the chat and
 * remembers the record; the next file the person sends within the window goes there
 * (attach-files.ts, subject `pending`). Replying to the record's own card with a file needs no ask.
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import { FILE_REQUEST_MINUTES } from '../../domain/files.js';
import { ok, type Result } from '../result.js';
import { recordLabel } from '../../ui/screens/files/file-lines.js';
import { pressedRecord, mayAttach } from './attachable.js';

export const makeRequestFile =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: { actorId: string; subject: string }): Result<{ confirmation: string }> =>
    store.tx((tx) => {
      const pressed = pressedRecord(tx, settings, input, mayAttach);
      if (!pressed.ok) return pressed;
      const { actor, t, ref } = pressed.value;
      tx.attachments.requestFile(actor.id, ref, clock.now());
      return ok({ confirmation: t('files.ask', { record: recordLabel(t, ref), minutes: FILE_REQUEST_MINUTES }) });
    });
