/**
 * Reply → the answer to a card callback, `{ toast, card }`, which Feishu applies to the card the
 * user clicked (its in-place update; Feishu's equivalent of an ack). Feishu has no modals, so a
 * form opens by replacing the card with one holding the inline form.
 *
 * A callback can carry one card. What does not fit in it (more pages of a long message, the text a
 * too-large form could not pre-fill) is sent to the clicker as messages right after (`privately`).
 * A card in a group chat is never replaced by one person's answer: a form or a message opened from
 * it goes to the clicker privately, and the group's card stays as it was (it is updated through the
 * outbox, for everyone).
 */
import { refusalMessage, type Form, type FormValues, type Message, type Reply } from '../../../src/ui/model.js';
import { renderFormCards, renderMessageCards, type Card, type RenderDeps } from './card.js';
import { withSubmittedValues } from './form.js';
import { toPlainText } from './markup.js';

export interface CallbackResponse {
  toast?: { type: 'success' | 'error' | 'info' | 'warning'; content: string };
  card?: { type: 'raw'; data: Card };
}

export interface CallbackAnswer {
  response: CallbackResponse;
  /** Cards to send to the clicker as messages after answering, in order. */
  privately: Card[];
}

/** The form that was submitted and what it held, when the reply answers a submission. */
export interface SubmittedForm {
  form: Form;
  values: FormValues;
}

const outcomeOf = (form: Form, text: string): Message => ({
  text,
  blocks: [
    { type: 'header', text: form.title },
    { type: 'text', text: `✅ ${text}` },
  ],
});

export interface CallbackContext {
  /** The submission this answers, when the form could be found again (see form snapshots). */
  submitted?: SubmittedForm;
  /** The clicked card is in a group chat. */
  shared?: boolean;
}

export function renderCallbackAnswer(reply: Reply, deps: RenderDeps, ctx: CallbackContext = {}): CallbackAnswer {
  const plainOf = (text: string) => toPlainText(text, deps.mentions);
  const { submitted, shared } = ctx;
  // Cards: the first replaces the clicked card, unless that card is shared; the rest follow privately.
  const answer = (cards: Card[], toast?: CallbackResponse['toast']): CallbackAnswer => {
    if (shared)
      return {
        response: { toast: toast ?? { type: 'info', content: deps.t('feishu.sentPrivately') } },
        privately: cards,
      };
    const [first, ...rest] = cards;
    return {
      response: { ...(toast ? { toast } : {}), ...(first ? { card: { type: 'raw', data: first } } : {}) },
      privately: rest,
    };
  };
  switch (reply.kind) {
    case 'ok': {
      const toast = reply.toast ? { type: 'success' as const, content: plainOf(reply.toast) } : undefined;
      if (reply.message) return answer(renderMessageCards(reply.message, deps), toast);
      // A submitted form is replaced by its outcome, so it cannot be sent twice by accident.
      if (submitted)
        return answer(renderMessageCards(outcomeOf(submitted.form, reply.toast ?? deps.t('feishu.done')), deps), toast);
      return { response: { toast: toast ?? { type: 'success', content: deps.t('feishu.done') } }, privately: [] };
    }
    case 'form':
      return answer(renderFormCards(reply.form, deps));
    case 'formErrors': {
      const errors = Object.values(reply.errors).map(plainOf);
      // With no form to show them in, the toast carries every error (and the card keeps what was
      // typed); with one, it names the first and the form is shown again with each error next to
      // its input.
      if (!submitted)
        return {
          response: { toast: { type: 'error', content: errors.join('\n') || deps.t('common.invalidInput') } },
          privately: [],
        };
      const form = { ...withSubmittedValues(submitted.form, submitted.values), errors: reply.errors };
      return answer(renderFormCards(form, deps), {
        type: 'error',
        content: errors[0] ?? deps.t('common.invalidInput'),
      });
    }
    case 'error':
      // A refusal whose buttons unblock it ("Mark the plan complete") cannot replace the card that
      // was clicked: it goes to the clicker as a card of its own, next to the toast.
      return {
        response: { toast: { type: 'error', content: plainOf(reply.text) } },
        privately: reply.actions?.length ? renderMessageCards(refusalMessage(reply.text, reply.actions), deps) : [],
      };
  }
}
