import type { OrgRepo } from '../../../ports/repos/org.js';
import type { T } from '../../../ui/i18n/index.js';
import { addDays, isIsoDate } from '../../../domain/dates.js';
import { textIssue, type ImportIssue } from './issues.js';
import { LEAVE_KINDS, parseLeaveKind } from '../../../domain/warning/leave-kinds.js';

export const LEAVE_COLUMNS = {
  required: ['person_id', 'start_date', 'end_date'],
  optional: ['reason', 'kind'],
} as const;

export interface LeaveSpec {
  line: number;
  personId: string;
  startDate: string;
  endDate: string;
  reason: string;
  /** As typed: an id (`sick`) or an HR system's word (`病假`); empty or absent is `unspecified`. */
  kind?: string;
}

/** Field checks for one leave; `org` confirms the person exists. */
export function checkLeave(l: LeaveSpec, org: Pick<OrgRepo, 'person'>, t: T): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ line: l.line, field, message });
  if (!l.personId) issue('person_id', t('import.required'));
  else if (!org.person(l.personId)) issue('person_id', t('import.unknownPerson', { value: l.personId }));
  for (const [field, value] of [
    ['start_date', l.startDate],
    ['end_date', l.endDate],
  ] as const) {
    if (!value) issue(field, t('import.required'));
    else if (!isIsoDate(value)) issue(field, t('import.badDate', { value }));
  }
  if (isIsoDate(l.startDate) && isIsoDate(l.endDate) && l.endDate < l.startDate)
    issue('end_date', t('import.dateOrder', { start: l.startDate, end: l.endDate }));
  issues.push(
    ...textIssue(t, l.line, 'person_id', l.personId, 'id'),
    ...textIssue(t, l.line, 'reason', l.reason, 'line'),
  );
  if (parseLeaveKind(l.kind) === null)
    issue('kind', t('import.badLeaveKind', { value: l.kind ?? '', kinds: LEAVE_KINDS.join(', ') }));
  return issues;
}

/** True when every day of the leave is already covered, so importing the same list twice adds nothing. */
export function alreadyOnLeave(l: LeaveSpec, org: Pick<OrgRepo, 'onLeave'>): boolean {
  for (let d = l.startDate, n = 0; d <= l.endDate && n < 400; d = addDays(d, 1), n++)
    if (!org.onLeave(l.personId, d)) return false;
  return true;
}
