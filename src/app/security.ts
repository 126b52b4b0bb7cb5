/** `/dandang audit @person`: who opened someone's records (HR only). */
import type { UseCaseDeps, FeatureHandlers } from './types.js';
import { messageReply } from './reply.js';
import { makeListRecordReads } from '../usecases/security/list-record-reads.js';

export function securityHandlers(deps: UseCaseDeps): FeatureHandlers {
  const listReads = makeListRecordReads(deps);
  return {
    commands: {
      dandang: {
        audit: (ev) => messageReply(listReads({ actorId: ev.actor.person.id, personId: ev.argv.person })),
      },
    },
  };
}
