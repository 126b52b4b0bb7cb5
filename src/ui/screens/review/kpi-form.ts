import type { Form } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { FORMS } from '../../actions.js';
import { literal } from '../../markup.js';
import { TEXT_LIMITS } from '../../../domain/text.js';

/** Input id of the single multiline KPI field. */
export const KPI_LINES_INPUT = 'kpis';

/** What the define-KPIs form carries: the job, and the slot to continue with once KPIs exist. */
export interface KpiFormState {
  jobId: string;
  slotId?: number;
}

export const encodeKpiFormState = (s: KpiFormState) => JSON.stringify(s);
export function decodeKpiFormState(raw: string): KpiFormState | null {
  try {
    const v = JSON.parse(raw) as unknown;
    if (!v || typeof v !== 'object') return null;
    const { jobId, slotId } = v as Record<string, unknown>;
    if (typeof jobId !== 'string') return null;
    return { jobId, ...(typeof slotId === 'number' && Number.isInteger(slotId) ? { slotId } : {}) };
  } catch {
    return null;
  }
}

/**
 * Define or change a job's KPIs. One multiline input, one KPI per line
 * (`key | name | unit | target | higher|lower`), so it renders inline in a Feishu card as well as
 * in a Slack modal; errors name the line.
 */
export function buildDefineKpisForm(
  t: T,
  f: {
    jobId: string;
    jobTitle: string;
    slotId?: number;
    employeeName?: string;
    initial?: string;
  },
): Form {
  return {
    formId: FORMS.defineKpis,
    title: t('kpi.form.title'),
    submitLabel: t('kpi.form.submit'),
    cancelLabel: t('common.cancel'),
    state: encodeKpiFormState({ jobId: f.jobId, ...(f.slotId !== undefined ? { slotId: f.slotId } : {}) }),
    intro: [
      {
        type: 'text',
        text: f.employeeName
          ? t('kpi.form.introMissing', { job: literal(f.jobTitle), name: literal(f.employeeName) })
          : t('kpi.form.intro', { job: literal(f.jobTitle) }),
      },
    ],
    inputs: [
      {
        id: KPI_LINES_INPUT,
        kind: 'text',
        multiline: true,
        label: t('kpi.form.label'),
        hint: t('kpi.form.hint'),
        placeholder: 'tickets | Tickets closed | per week | 40 | higher',
        maxLength: TEXT_LIMITS.long,
        ...(f.initial ? { initial: f.initial } : {}),
      },
    ],
  };
}
