/**
 * Who may have a case's dossier: HR, or the operator's CLI on the server itself (no chat identity).
 * A refused request is audited. Both the chat request and the export ask here.
 */
import type { Tx } from '../../ports/store.js';
import type { CaseRecord } from '../../ports/repos/cases.js';
import type { AppSettings } from '../../ports/settings.js';
import type { T } from '../../ui/i18n/index.js';
import { isHr } from '../../domain/people.js';
import { fail, type Failure } from '../result.js';
import { tFor } from '../shared/people.js';

export interface DossierRequest {
  /** Null only for the operator's CLI, which runs on the server itself. */
  actorId: string | null;
  caseId: number;
}

export function authorizeDossier(
  tx: Tx,
  input: DossierRequest,
  settings: AppSettings,
): Failure | { ok: true; c: CaseRecord; t: T } {
  const actor = input.actorId ? tx.org.person(input.actorId) : null;
  const t = tFor(actor, settings);
  if (input.actorId !== null && !isHr(actor)) {
    tx.audit.record({
      actorId: input.actorId,
      action: 'case.dossier_refused',
      subjectType: 'case',
      subjectId: input.caseId,
      detail: {},
    });
    return fail('NOT_AUTHORIZED', t('off.dossier.hrOnly'));
  }
  const c = Number.isInteger(input.caseId) ? tx.cases.get(input.caseId) : null;
  if (!c) return fail('NOT_FOUND', t('off.dossier.notFound'));
  return { ok: true, c, t };
}
