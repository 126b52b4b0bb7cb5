/**
 * `/dandang help`: the commands the reader may use. Everyone sees their own record's commands; a
 * manager (anyone with reports) the review, note, training and case commands; HR and admins the HR
 * tools too. Who is a manager is read from the org, never from the caller.
 */
import { ok, type Result } from '../result.js';
import type { Message } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { isHr } from '../../domain/people.js';
import { buildHelp } from '../../ui/screens/help.js';
import { tFor } from '../shared/people.js';

export interface ViewHelpInput {
  actorId: string;
}

export const makeViewHelp =
  ({ store, settings }: Pick<UseCaseDeps, 'store' | 'settings'>) =>
  (input: ViewHelpInput): Result<Message> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      const hr = isHr(actor);
      const manager = hr || (!!actor && tx.org.reportsOf(actor.id).length > 0);
      return ok(buildHelp(t, { isHr: hr, isManager: manager }));
    });
