/**
 * Events API: the Home tab. Opening it shows the person's Home (`/dandang home`: reviews due,
 * disputes to answer, their team, their record, HR's cases, and the menu's entries; the same screen
 * the Feishu menu's `home` entry and the local workspace show) or, when the router has no Home (a
 * test composing other features), the help card. Slack retries events it thinks we missed, so each event id is processed once
 * (tx.markProcessed).
 */
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Message } from '../../../src/ui/model.js';
import { translator } from '../../../src/ui/i18n/index.js';
import { resolveActor } from '../parse.js';
import { retryWhileBusy } from '../../../src/ports/store.js';
import { renderHomeBlocks } from '../render/message.js';
import type { ListenerDeps } from './deps.js';

/** Draws the person's Home and publishes it as their App Home tab. */
export async function publishHome(deps: ListenerDeps, client: WebClient, slackUserId: string): Promise<void> {
  const actor = resolveActor(deps.store, slackUserId, deps.settings.locale);
  if (!actor) return;
  let message: Message | undefined;
  const home = await deps.router.dispatch({ kind: 'command', actor, command: 'dandang', args: 'home', mentions: [] });
  if (home.kind === 'ok' && home.message) message = home.message;
  if (!message) {
    const help = await deps.router.dispatch({
      kind: 'command',
      actor,
      command: 'dandang',
      args: 'help',
      mentions: [],
    });
    if (help.kind === 'ok' && help.message) message = help.message;
  }
  if (!message) return;
  await client.views.publish({
    user_id: slackUserId,
    view: {
      type: 'home',
      blocks: renderHomeBlocks(message, {
        resolveMention: deps.resolveMention,
        t: translator(actor.locale),
      }) as never,
    },
  });
}

export function registerEvents(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && !(await retryWhileBusy(() => deps.store.tx((tx) => tx.markProcessed(`slack:${eventId}`))))) return;
    await publishHome(deps, client, event.user);
  });
}
