/** Job adjustment (调岗): the form and the notice the employee acknowledges. */
import type { Form, Message, Block, Option } from '../../model.js';
import { ACTIONS, FORMS } from '../../actions.js';
import type { T } from '../../i18n/index.js';
import type { Kpi, Acknowledgment } from '../../../ports/records.js';
import type { JobAdjustment } from '../../../ports/repos/evidence.js';
import { responseLine } from './responses.js';
import { literal, userText } from '../../markup.js';
import { TEXT_LIMITS } from '../../../domain/text.js';

export interface AdjustFormData {
  personId: string;
  personName: string;
  fromJobTitle: string;
  jobs: Option[];
  /** Jobs left out of `jobs` (a form lists only so many); the form says how to name one. */
  unlistedJobs?: number;
  toJobId?: string;
  kpis: Kpi[];
  preselected: string[];
  today: string;
}

export function buildJobAdjustmentForm(t: T, d: AdjustFormData): Form {
  return {
    formId: FORMS.jobAdjustment,
    title: t('ev.adjust.formTitle'),
    submitLabel: t('ev.adjust.save'),
    cancelLabel: t('common.cancel'),
    state: d.personId,
    intro: [
      { type: 'text', text: t('ev.adjust.about', { name: literal(d.personName), job: literal(d.fromJobTitle) }) },
    ],
    inputs: [
      {
        id: 'to_job',
        kind: 'select',
        label: t('ev.adjust.toJob'),
        options: d.jobs.map((o) => ({ ...o, label: literal(o.label) })),
        initial: d.toJobId,
        ...(d.unlistedJobs ? { hint: t('ev.adjust.unlistedJobs', { n: d.unlistedJobs }) } : {}),
      },
      {
        // Art. 40(2) accepts only an adjustment made because of the performance gap (SPC Guiding Case No. 18).
        id: 'basis',
        kind: 'select',
        label: t('ev.terms.basis'),
        initial: 'performance',
        options: (['performance', 'restructuring', 'other'] as const).map((b) => ({
          value: b,
          label: t(`ev.terms.basis.${b}`),
        })),
      },
      ...(d.kpis.length
        ? [
            {
              id: 'kpis',
              kind: 'multiselect' as const,
              checkboxes: true as const,
              optional: true,
              label: t('ev.adjust.kpis'),
              options: d.kpis.map((k) => ({ value: k.key, label: literal(k.name) })),
              initial: d.preselected,
            },
          ]
        : []),
      {
        id: 'reason',
        kind: 'text',
        multiline: true,
        optional: true,
        label: t('ev.adjust.reason'),
        hint: t('ev.adjust.reasonHint'),
        maxLength: TEXT_LIMITS.long,
      },
      { id: 'effective_on', kind: 'date', label: t('ev.adjust.effective'), initial: d.today },
    ],
  };
}

export interface AdjustView {
  adjustment: JobAdjustment;
  /** Links typed in the reason are clickable only when its author is HR (markup `userText`). */
  authorIsHr: boolean;
  employeeName: string;
  fromTitle: string;
  toTitle: string;
  kpiNames: string[];
  ack: Acknowledgment | null;
  names: (id: string) => string;
  zone: string;
}

export function adjustmentBlocks(t: T, v: AdjustView): Block[] {
  const a = v.adjustment;
  const fields = [{ label: t('ev.adjust.effective'), value: a.effectiveOn }];
  if (v.kpiNames.length)
    fields.push({ label: t('ev.adjust.kpis'), value: v.kpiNames.map(literal).join(t('common.listSep')) });
  return [
    {
      type: 'text',
      text: t('ev.adjust.line', { from: literal(v.fromTitle), to: literal(v.toTitle), date: a.effectiveOn }),
    },
    { type: 'fields', fields },
    ...(a.reason
      ? [
          {
            type: 'text' as const,
            text: t('common.labelled', {
              label: t('ev.adjust.reason'),
              value: userText(a.reason, { linksClickable: v.authorIsHr }),
            }),
          },
        ]
      : []),
    { type: 'context', text: responseLine(t, v.ack, v.employeeName, v.names, v.zone) },
  ];
}

export function buildJobAdjustmentMessage(t: T, v: AdjustView): Message {
  const title = t('ev.adjust.dmTitle');
  const blocks: Block[] = [{ type: 'header', text: title }, ...adjustmentBlocks(t, v)];
  if (!v.ack)
    blocks.push({
      type: 'actions',
      buttons: [
        {
          actionId: ACTIONS.acknowledgeJobAdjustment,
          label: t('ev.ack.acknowledge'),
          value: String(v.adjustment.id),
          style: 'primary',
        },
      ],
    });
  return { text: title, blocks, ...(v.ack ? {} : { lasting: true as const }) };
}
