/** `/offboard status` (HR): open cases with their age, the step each waits on, and who it waits on. */
import { ok, fail, type Result } from '../result.js';
import { waitingOn } from '../../domain/policy/advance.js';
import { buildCaseStatus, type OpenCaseLine } from '../../ui/screens/offboarding/status.js';
import { mention, stepLabel } from '../../ui/screens/offboarding/labels.js';
import type { Message } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { DAY_MS } from '../../domain/dates.js';
import { isHr } from '../../domain/people.js';
import { localeOf, tFor } from '../shared/people.js';
import { policyOf } from './policy.js';
import { stateOf } from './gate-inputs.js';

export const makeCaseStatus =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: { actorId: string }): Result<Message> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!isHr(actor)) return fail('NOT_AUTHORIZED', t('off.status.hrOnly'));
      const locale = localeOf(actor, settings);
      const now = clock.now();
      const lines: OpenCaseLine[] = tx.cases.open().map((c) => {
        const employee = tx.org.person(c.employeeId);
        const w = waitingOn(policyOf(c), stateOf(c));
        // Name the people: the manager by mention, HR as the role (any HR member may act).
        const who = (w?.roles ?? [])
          .map((r) => (r === 'manager' && employee?.managerId ? mention(employee.managerId) : t(`off.role.${r}`)))
          .join(', ');
        return {
          id: c.id,
          name: employee?.name ?? c.employeeId,
          days: Math.floor((now - c.openedAt) / DAY_MS),
          step: w ? stepLabel(t, locale, w.step) : '—',
          who: who || '—',
        };
      });
      return ok(buildCaseStatus(t, lines));
    });
