/**
 * `/offboard dossier <case>` and the Dossier button: answers inside the platform's 3-second ack. It
 * only authorizes and confirms; the app handler then runs `export-dossier.ts` after the ack, which
 * builds the files and queues them into the case thread.
 */
import { ok, type Result } from '../result.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { authorizeDossier, type DossierRequest } from './dossier-access.js';

export const makeRequestDossier =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: DossierRequest): Result<{ confirmation: string }> =>
    store.tx((tx) => {
      const a = authorizeDossier(tx, input, settings, clock.now());
      if (!a.ok) return a;
      return ok({ confirmation: a.t('off.dossier.queued', { id: a.c.id }) });
    });
