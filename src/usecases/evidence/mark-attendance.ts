/**
 * The trainer, the manager chain or HR marks the employee present or absent at a session; an
 * absence needs a reason. A mark replaces an earlier record (the audit row keeps what it replaced).
 */
import { ok, fail, type Result } from '../result.js';
import type { Attendance } from '../../ports/repos/evidence.js';
import type { FormValues } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { textValue } from '../../ui/form-values.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { tFor, zoneOf } from '../shared/people.js';
import { signInWindow } from '../../domain/evidence-rules.js';
import { dateIn } from '../../domain/dates.js';
import { timeIn } from '../../ui/screens/evidence/training.js';
import { sessionToMark } from './attendance-access.js';
import { textFieldErrors } from '../shared/text-errors.js';

export interface MarkAttendanceInput {
  actorId: string;
  sessionId: number;
  values: FormValues;
}

export const makeMarkAttendance =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: MarkAttendanceInput): Result<{ attendance: Attendance; confirmation: string }> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const a = sessionToMark(tx, t, actor, input.sessionId);
      if ('ok' in a) return a;
      // Nobody attends a session before it starts: a mark opens with the sign-in window.
      if (clock.now() < signInWindow(a.session).opens)
        return fail(
          'CONFLICT',
          t('ev.terms.notStarted', {
            when: `${dateIn(a.session.startsAt, zoneOf(actor, settings))} ${timeIn(a.session.startsAt, zoneOf(actor, settings))}`,
          }),
        );
      const status = textValue(input.values, 'status');
      const reason = textValue(input.values, 'reason');
      const errors: Record<string, string> = {};
      if (status !== 'present' && status !== 'absent') errors.status = t('common.required');
      // An absence needs its reason on record; a presence speaks for itself.
      if (status === 'absent' && !reason) errors.reason = t('ev.err.reasonRequired');
      Object.assign(errors, textFieldErrors(t, input.values, { reason: 'line' }));
      if (Object.keys(errors).length) return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: errors });
      const res = tx.evidence.recordAttendance({
        sessionId: a.session.id,
        personId: a.employee.id,
        status: status as 'present',
        method: 'marked',
        reason: reason || null,
        recordedBy: actor.id,
      })!;
      tx.audit.record({
        actorId: actor.id,
        action: 'training.mark_attendance',
        subjectType: 'training_session',
        subjectId: a.session.id,
        detail: {
          planId: a.plan.id,
          personId: a.employee.id,
          status,
          ...(res.previous ? { replaced: { status: res.previous.status, method: res.previous.method } } : {}),
        },
        // Why someone was absent can be medical: sealed in the row, only hashed here.
        text: {
          ...(reason ? { reason } : {}),
          ...(res.previous?.reason ? { replacedReason: res.previous.reason } : {}),
        },
      });
      refreshOpenCases(tx, a.employee.id, { settings, now: clock.now() });
      return ok({ attendance: res.row, confirmation: t('ev.training.marked') });
    });
