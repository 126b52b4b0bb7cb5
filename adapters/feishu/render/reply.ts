/**
 * Reply → the answer to a card callback, `{ toast, card }`, which Feishu applies to the card the
 * user clicked (its in-place update; Feishu's equivalent of an ack). Feishu has no modals, so a
 * form opens by replacing the card with one holding the inline form.
 */
import { refusalMessage, type Form, type FormValues, type Message, type Reply } from '../../../src/ui/model.js';
import { renderFormCard, renderMessageCard, type Card, type RenderDeps } from './card.js';
import { withSubmittedValues } from './form.js';
import { toPlainText } from './markup.js';

export interface CallbackResponse {
  toast?: { type: 'success' | 'error' | 'info' | 'warning'; content: string };
  card?: { type: 'raw'; data: Card };
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

export function renderCallbackResponse(reply: Reply, deps: RenderDeps, submitted?: SubmittedForm): CallbackResponse {
  const plainOf = (text: string) => toPlainText(text, deps.mentions);
  switch (reply.kind) {
    case 'ok': {
      const out: CallbackResponse = {};
      if (reply.toast) out.toast = { type: 'success', content: plainOf(reply.toast) };
      if (reply.message) out.card = { type: 'raw', data: renderMessageCard(reply.message, deps) };
      // A submitted form is replaced by its outcome, so it cannot be sent twice by accident.
      else if (submitted)
        out.card = {
          type: 'raw',
          data: renderMessageCard(outcomeOf(submitted.form, reply.toast ?? deps.t('feishu.done')), deps),
        };
      if (!out.toast && !out.card) out.toast = { type: 'success', content: deps.t('feishu.done') };
      return out;
    }
    case 'form':
      return { card: { type: 'raw', data: renderFormCard(reply.form, deps) } };
    case 'formErrors': {
      const errors = Object.values(reply.errors).map(plainOf);
      // With no form to show them in, the toast carries every error; with one, it names the
      // first and the re-rendered form shows each error next to its input.
      if (!submitted) return { toast: { type: 'error', content: errors.join('\n') || deps.t('common.invalidInput') } };
      const form = { ...withSubmittedValues(submitted.form, submitted.values), errors: reply.errors };
      return {
        toast: { type: 'error', content: errors[0] ?? deps.t('common.invalidInput') },
        card: { type: 'raw', data: renderFormCard(form, deps) },
      };
    }
    case 'error':
      return { toast: { type: 'error', content: plainOf(reply.text) } };
  }
}

/**
 * A refusal whose buttons unblock it cannot ride on the callback answer without replacing the card
 * that was clicked (the employee's plan, the manager's nudge). It goes as its own card to the
 * person who clicked, next to the toast; null when the reply is not one.
 */
export function refusalCard(reply: Reply, deps: RenderDeps): Card | null {
  if (reply.kind !== 'error' || !reply.actions?.length) return null;
  return renderMessageCard(refusalMessage(reply.text, reply.actions), deps);
}
