/**
 * "Cancel" on the organizer's DM of a planned conversation (or, when the organizer has left, on the
 * employee's record as HR sees it): a form that asks them to confirm, with an optional word to the
 * employee. Submitted to `cancel-conversation.ts`.
 */
import { ok, type Result } from '../result.js';
import type { Form } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { buildCancelConversationForm } from '../../ui/screens/evidence/conversation-change.js';
import { tFor } from '../shared/people.js';
import { conversationView } from './evidence-messages.js';
import { conversationToChange } from './conversation-organizer.js';

export interface OpenCancelConversationFormInput {
  actorId: string;
  /** From the button's value. Untrusted. */
  conversationId: number;
}

export const makeOpenCancelConversationForm =
  ({ store, settings }: UseCaseDeps) =>
  (input: OpenCancelConversationFormInput): Result<Form> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      const found = conversationToChange(tx, t, actor, input.conversationId, 'cancel');
      if ('ok' in found) return found;
      const view = conversationView(tx, settings, found.conversation, actor);
      return ok(
        buildCancelConversationForm(t, {
          conversationId: found.conversation.id,
          employeeName: view.employeeName,
          when: view.when,
          organizerLeft: found.organizerLeft?.name ?? null,
        }),
      );
    });
