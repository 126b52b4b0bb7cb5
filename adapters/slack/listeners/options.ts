/**
 * The options of an `external_select` (a form input with `search`, see render/modal.ts): Slack sends
 * a signed `block_suggestion` to the interactivity request URL (manifest.yml) each time the person
 * types, and shows the options in the ack. The modal's callback_id is the form id, its
 * private_metadata the form's state and the action_id the input id, exactly as a submission maps
 * back; the router hands them to the feature's use case, which decides who sees what.
 *
 * Bolt checks the signature before any listener runs: a forged request reaches none. Someone not in
 * Dandang, a modal that is not one of our forms, or a refusal all answer an empty list, which Slack
 * shows as "no results".
 */
import type { App, BlockSuggestion } from '@slack/bolt';
import { isFormId } from '../../../src/ui/actions.js';
import { resolveActor } from '../parse.js';
import { ellipsize, toPlain } from '../render/markup.js';
import { SLACK } from '../render/limits.js';
import type { ListenerDeps } from './deps.js';

export function registerOptions(app: App, deps: ListenerDeps): void {
  app.options<'block_suggestion'>({ type: 'block_suggestion' }, async ({ ack, body }) => {
    const payload = body as BlockSuggestion;
    const actor = resolveActor(deps.store, payload.user?.id, deps.settings.locale);
    const view = payload.view;
    if (!actor || !view || !isFormId(view.callback_id)) return ack({ options: [] });
    const found = await deps.router.suggest({
      actor,
      formId: view.callback_id,
      state: view.private_metadata ?? '',
      inputId: payload.action_id,
      query: payload.value ?? '',
    });
    await ack({
      options: found.slice(0, SLACK.selectOptions).map((o) => ({
        text: { type: 'plain_text', text: ellipsize(toPlain(o.label, deps.resolveMention), SLACK.optionText) },
        value: o.value,
      })),
    });
  });
}
