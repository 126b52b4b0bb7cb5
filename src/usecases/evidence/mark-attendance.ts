/**
 * The trainer, the manager chain or HR marks the employee present or absent at a session, with a
 * reason. A mark replaces an earlier record (the audit row keeps what it replaced).
 */
import { ok, fail, type Result } from '../result.js';
import type { Person } from '../../ports/records.js';
import type { Attendance, TrainingPlan, TrainingSession } from '../../ports/repos/evidence.js';
import type { Form, FormValues } from '../../ui/model.js';
import type { Tx } from '../../ports/store.js';
import type { Failure } from '../result.js';
import { buildMarkAttendanceForm } from '../../ui/screens/evidence/training.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { may, tFor, zoneOf, str, type EvidenceDeps } from './evidence-support.js';
import type { AppSettings } from '../../ports/settings.js';

function authorize(
  tx: Tx,
  settings: AppSettings,
  actor: Person,
  sessionId: number,
): { session: TrainingSession; plan: TrainingPlan; employee: Person } | Failure {
  const t = tFor(actor, settings);
  const session = tx.evidence.session(sessionId);
  const plan = session ? tx.evidence.plan(session.planId) : null;
  const employee = plan ? tx.org.person(plan.personId) : null;
  if (!session || !plan || !employee) return fail('NOT_FOUND', t('common.notFound'));
  if (!may(tx, actor, employee.id, 'create', 'attendance', { isTrainer: plan.trainerId === actor.id }))
    return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
  return { session, plan, employee };
}

export const makeOpenMarkAttendanceForm =
  ({ store, settings }: EvidenceDeps) =>
  (input: { actor: Person; sessionId: number }): Result<Form> =>
    store.tx((tx) => {
      const a = authorize(tx, settings, input.actor, input.sessionId);
      if ('ok' in a) return a;
      return ok(
        buildMarkAttendanceForm(tFor(input.actor, settings), a.session, a.employee.name, zoneOf(input.actor, settings)),
      );
    });

export const makeMarkAttendance =
  ({ store, clock, settings }: EvidenceDeps) =>
  (input: { actor: Person; sessionId: number; values: FormValues }): Result<Attendance> =>
    store.tx((tx) => {
      const t = tFor(input.actor, settings);
      const a = authorize(tx, settings, input.actor, input.sessionId);
      if ('ok' in a) return a;
      const status = str(input.values, 'status');
      const reason = str(input.values, 'reason');
      const errors: Record<string, string> = {};
      if (status !== 'present' && status !== 'absent') errors.status = t('common.required');
      if (!reason) errors.reason = t('ev.err.reasonRequired');
      if (Object.keys(errors).length) return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: errors });
      const res = tx.evidence.recordAttendance({
        sessionId: a.session.id,
        personId: a.employee.id,
        status: status as 'present',
        method: 'marked',
        reason,
        recordedBy: input.actor.id,
      })!;
      tx.audit.record({
        actorId: input.actor.id,
        action: 'training.mark_attendance',
        subjectType: 'training_session',
        subjectId: a.session.id,
        detail: {
          planId: a.plan.id,
          personId: a.employee.id,
          status,
          reason,
          ...(res.previous
            ? { replaced: { status: res.previous.status, method: res.previous.method, reason: res.previous.reason } }
            : {}),
        },
      });
      refreshOpenCases(tx, a.employee.id, { settings, now: clock.now() });
      return ok(res.row);
    });
