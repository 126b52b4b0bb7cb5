import type { FeatureHandlers, CommandHandler, UseCaseDeps } from './types.js';
import { messageReply } from './reply.js';
import { makeViewHelp } from '../usecases/org/view-help.js';
import { makeViewHome } from '../usecases/org/view-home.js';

/** `/dandang` and `/dandang help`: the commands the reader may use. `/dandang home`: the reader's Home. */
export function helpHandlers(deps: Pick<UseCaseDeps, 'store' | 'clock' | 'settings'>): FeatureHandlers {
  const viewHelp = makeViewHelp(deps);
  const viewHome = makeViewHome(deps);
  const help: CommandHandler = (ev) => messageReply(viewHelp({ actorId: ev.actor.person.id }));
  const home: CommandHandler = (ev) => messageReply(viewHome({ actorId: ev.actor.person.id }));
  return { commands: { dandang: { '': help, help, home } } };
}
