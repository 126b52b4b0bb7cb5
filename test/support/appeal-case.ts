/**
 * A uk-capability case standing at its appeal step, in an organisation with more people who may hear
 * the appeal than any platform lists at once: the team of seedTeams (Hana HR `hr` opened the case,
 * so she took part; `m1` manages the employee `m1r1`), 130 more people in Operations, Chinese
 * names in 财务部, two people both called 王芳, and Zoë Zhang of Legal, who sorts last.
 */
import type { Store } from '../../src/ports/store.js';
import type { UseCaseDeps } from '../../src/ports/deps.js';
import { makeOpenOffboarding } from '../../src/usecases/offboarding/open-offboarding.js';
import { seedOrg, seedTeams } from './org.js';

/** The last eligible person by name: beyond the first hundred of the old list. */
export const ZOE = { id: 'zoe', name: 'Zoë Zhang', email: 'zoe.zhang@example.com', department: 'Legal' };
export const CROWD_SIZE = 130;
/** The index of the appeal step on uk-capability's performance path. */
const APPEAL_STEP_INDEX = 6;

export function seedAppealOrg(store: Store): void {
  seedTeams(store, { managers: 2, reportsPerManager: 1 });
  seedOrg(store, {
    people: [
      ...Array.from({ length: CROWD_SIZE }, (_, i) => ({
        id: `ops${String(i).padStart(3, '0')}`,
        name: `Ops Person ${String(i).padStart(3, '0')}`,
        department: 'Operations',
        jobId: null,
      })),
      { id: 'wf1', name: '王芳', email: 'wang.fang@example.com', department: '财务部', jobId: null },
      { id: 'wf2', name: '王芳', email: 'fang.wang2@example.com', department: '市场部', jobId: null },
      { id: 'ww', name: '王伟', email: 'wang.wei@example.com', department: '财务部', jobId: null },
      { id: 'ln', name: '李娜', email: 'li.na@example.com', department: '财务部', jobId: null },
      { ...ZOE, jobId: null },
    ],
  });
}

/** Opens the case for `m1r1` as HR and moves it to the appeal step; returns its id. */
export function openAppealCase(deps: UseCaseDeps, store: Store): number {
  const opened = makeOpenOffboarding(deps)({
    actorId: 'hr',
    employeeId: 'm1r1',
    reasonKind: 'performance',
    reasonText: 'Capability',
  });
  if (!opened.ok) throw new Error(opened.message);
  store.tx((tx) => tx.cases.update(opened.value.caseId, { stepIndex: APPEAL_STEP_INDEX }));
  return opened.value.caseId;
}
