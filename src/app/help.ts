import type { FeatureHandlers, CommandHandler, UseCaseDeps } from './types.js';
import { messageReply } from './reply.js';
import { makeViewHelp } from '../usecases/org/view-help.js';

/** `/dandang` and `/dandang help`: the commands the reader may use. */
export function helpHandlers(deps: Pick<UseCaseDeps, 'store' | 'settings'>): FeatureHandlers {
  const viewHelp = makeViewHelp(deps);
  const help: CommandHandler = (ev) => messageReply(viewHelp({ actorId: ev.actor.person.id }));
  return { commands: { dandang: { '': help, help } } };
}
