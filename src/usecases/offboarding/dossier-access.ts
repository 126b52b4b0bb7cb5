/**
 * Who may have a case's dossier: HR, or the operator's CLI on the server itself (no chat identity).
 * A refused request is audited: in the case's history when the asker has a part in the case, else
 * in the security log (rate limited). Both the chat request and the export ask here.
 */
import type { Tx } from '../../ports/store.js';
import type { CaseRecord } from '../../ports/repos/cases.js';
import type { AppSettings } from '../../ports/settings.js';
import type { T } from '../../ui/i18n/index.js';
import { isHr } from '../../domain/people.js';
import { fail, type Failure } from '../result.js';
import { tFor } from '../shared/people.js';
import { logSecurityRefusal } from '../shared/security-log.js';
import { hasPartInCase } from './gate-inputs.js';

export interface DossierRequest {
  /** Null only for the operator's CLI, which runs on the server itself. */
  actorId: string | null;
  caseId: number;
}

export function authorizeDossier(
  tx: Tx,
  input: DossierRequest,
  settings: AppSettings,
  now: number,
): Failure | { ok: true; c: CaseRecord; t: T } {
  const actor = input.actorId ? tx.org.person(input.actorId) : null;
  const t = tFor(actor, settings);
  const c = Number.isInteger(input.caseId) ? tx.cases.get(input.caseId) : null;
  if (input.actorId !== null && !isHr(actor)) {
    const employee = c ? tx.org.person(c.employeeId) : null;
    // Someone with a part in the case (its manager, its employee) asked: part of the case's story.
    // Anyone else, or a case that does not exist: the security log, which says nothing about a case.
    if (actor && c && hasPartInCase(actor, c, employee))
      tx.audit.record({
        actorId: input.actorId,
        action: 'case.dossier_refused',
        subjectType: 'case',
        subjectId: c.id,
        detail: {},
      });
    else
      logSecurityRefusal(tx, now, {
        actorId: input.actorId,
        action: 'case.dossier_refused',
        detail: { caseId: Number.isInteger(input.caseId) ? input.caseId : null, code: 'NOT_AUTHORIZED' },
      });
    return fail('NOT_AUTHORIZED', t('off.dossier.hrOnly'));
  }
  if (!c) return fail('NOT_FOUND', t('off.dossier.notFound'));
  return { ok: true, c, t };
}
