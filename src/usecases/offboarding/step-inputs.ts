/**
 * What a step records besides who and when, read from untrusted form values and checked: a date
 * that has happened, a release without negative lines and with who proposed it, the previous
 * month's wage for pay in lieu, a hearing invitation that stated the right to be accompanied, an
 * appeal heard by someone not involved before.
 */
import type { ReadTx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { CaseRecord } from '../../ports/repos/cases.js';
import type { Step, EvidenceFacts } from '../../domain/policy/index.js';
import { isIsoDate } from '../../domain/dates.js';
import { dateError } from '../shared/date-errors.js';
import { parseRelease, type Proposer, type ReleaseLine } from '../../domain/settlement.js';
import type { T } from '../../ui/i18n/index.js';
import { invalid, type Failure } from '../result.js';
import { textError } from '../shared/text-errors.js';
import { literal } from '../../ui/markup.js';
import { eligibleHearers, involvedPeople, resolveHearer } from './hearers.js';

export interface StepValues {
  /** Notice step: pay one month's wage in lieu instead of working the notice period. */
  payInLieu?: boolean;
  /** Pay in lieu: the previous month's wage, if given in the form (else the person's record). */
  previousMonthWage?: string;
  /** Steps that record a date (union notified, hearing, appeal). */
  date?: string;
  /** Release step (Art. 36): the itemised release, who proposed it, and "nothing was coerced". */
  release?: string;
  proposedBy?: string;
  noCoercion?: boolean;
  /** Hearing invitation: it stated the right to be accompanied. */
  accompanied?: boolean;
  /** Appeal step. */
  outcome?: string;
  heardBy?: string;
}

export interface StepRecord {
  detail: Record<string, unknown>;
  payInLieu: boolean;
  previousMonthWage: number | null;
  release: { proposedBy: Proposer; lines: ReleaseLine[] } | null;
  appeal: 'upheld' | 'overturned' | 'not_lodged' | null;
}

function dateValue(t: T, raw: string | undefined, today: string, errors: Record<string, string>): string {
  const date = (raw ?? '').trim();
  if (!isIsoDate(date)) errors.date = t('off.stepForm.badDate');
  else if (date > today) errors.date = t('off.stepForm.futureDate');
  return date;
}

export function readStepValues(
  tx: ReadTx,
  t: T,
  ctx: { step: Step; c: CaseRecord; employee: Person; facts: EvidenceFacts; today: string },
  v: StepValues,
): StepRecord | Failure {
  const { step, today } = ctx;
  const errors: Record<string, string> = {};
  const out: StepRecord = { detail: {}, payInLieu: false, previousMonthWage: null, release: null, appeal: null };
  switch (step.input) {
    case 'date':
      out.detail.date = dateValue(t, v.date, today, errors);
      break;
    case 'hearing':
      out.detail.date = (v.date ?? '').trim();
      {
        const problem = dateError(t, 'hearingOn', String(out.detail.date), today);
        if (problem) errors.date = problem;
      }
      if (v.accompanied !== true) errors.accompanied = t('off.stepForm.mustConfirm');
      out.detail.accompanied = true;
      break;
    case 'notice': {
      out.payInLieu = v.payInLieu === true;
      if (out.payInLieu) {
        const raw = (v.previousMonthWage ?? '').trim();
        const wage = raw ? Number(raw) : (ctx.employee.previousMonthWage ?? null);
        if (wage === null || !Number.isFinite(wage) || wage < 0) errors.previous_month_wage = t('off.stepForm.badWage');
        out.previousMonthWage = wage;
      }
      break;
    }
    case 'release': {
      const parsed = parseRelease(v.release ?? '');
      if (!parsed.lines.length && !parsed.problems.length) errors.release = t('common.required');
      const negative = parsed.problems.find((p) => p.problem === 'negative');
      if (negative) errors.release = t('off.stepForm.releaseNegative', { line: negative.line });
      const textProblem = textError(t, v.release ?? '', 'long');
      if (textProblem) errors.release = textProblem;
      if (v.proposedBy !== 'employer' && v.proposedBy !== 'employee') errors.proposed_by = t('common.required');
      if (v.noCoercion !== true) errors.no_coercion = t('off.stepForm.mustConfirm');
      out.release = { proposedBy: v.proposedBy as Proposer, lines: parsed.lines };
      out.detail.release = parsed.lines;
      out.detail.proposedBy = v.proposedBy;
      out.detail.noCoercion = true;
      break;
    }
    case 'appeal': {
      const outcome = v.outcome;
      if (outcome !== 'upheld' && outcome !== 'overturned' && outcome !== 'not_lodged')
        errors.outcome = t('common.required');
      out.detail.date = dateValue(t, v.date, today, errors);
      if (outcome === 'upheld' || outcome === 'overturned') {
        // The field is untrusted: a picked id or a typed name, resolved and judged again here.
        const found = v.heardBy?.trim()
          ? resolveHearer(tx, t, v.heardBy, () => eligibleHearers(tx, ctx.c, ctx.employee, ctx.facts))
          : { error: t('common.required') };
        const hearer = 'person' in found ? found.person : null;
        if (!hearer) errors.heard_by = 'error' in found ? found.error : t('common.required');
        else if (
          step.independent === 'not_involved' &&
          involvedPeople(tx, ctx.c, ctx.employee, ctx.facts).has(hearer.id)
        )
          errors.heard_by = t('off.stepForm.notIndependent', { name: literal(hearer.name) });
        out.detail.heardBy = hearer?.id ?? v.heardBy;
      }
      out.appeal = (outcome as StepRecord['appeal']) ?? null;
      out.detail.outcome = outcome;
      break;
    }
    case 'none':
      break;
  }
  return invalid(t('common.invalidInput'), errors) ?? out;
}
