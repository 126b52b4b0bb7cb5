import type { FeatureHandlers, CommandHandler } from './types.js';
import { buildHelp } from '../ui/screens/help.js';
import { translator } from '../ui/i18n/index.js';

/** `/dandang` and `/dandang help`. */
export function helpHandlers(): FeatureHandlers {
  const help: CommandHandler = (ev) => ({
    kind: 'ok',
    message: buildHelp(translator(ev.actor.locale), { isHr: ev.actor.person.role !== 'employee' }),
  });
  return { commands: { dandang: { '': help, help } } };
}
