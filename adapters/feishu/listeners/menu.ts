/** application.bot.menu_v6: a bot menu click runs the mapped command; the answer arrives as a DM. */
import { parseMenuEvent } from '../parse/menu.js';
import { replyContent } from '../replies.js';
import { translator } from '../../../src/ui/i18n/index.js';
import { actorByOpenId, localeByOpenId, mentionLookup } from '../people.js';
import type { ListenerDeps } from './index.js';
import { formMemory } from './form-memory.js';

export function makeMenuListener(deps: ListenerDeps) {
  const mentions = mentionLookup(deps.store);
  return async (data: unknown): Promise<void> => {
    const parsed = parseMenuEvent(data);
    if (!parsed) return;
    const actor = actorByOpenId(deps.store, parsed.openId, deps.settings);
    const target = { openId: parsed.openId };
    if (!actor)
      return deps.send(target, {
        msg_type: 'text',
        content: JSON.stringify({
          text: translator(localeByOpenId(deps.store, parsed.openId, deps.settings))('feishu.notRegistered'),
        }),
      });
    const reply = await deps.router.dispatch({
      kind: 'command',
      actor,
      command: parsed.command,
      args: parsed.args,
      mentions: [],
    });
    deps.onQueued();
    return deps.send(target, replyContent(reply, { t: translator(actor.locale), mentions, onForm: formMemory(deps) }));
  };
}
