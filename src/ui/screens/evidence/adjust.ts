/** Job adjustment (调岗): the form and the notice the employee acknowledges. */
import type { Form, Message, Block, Option } from '../../model.js';
import { ACTIONS, FORMS } from '../../actions.js';
import type { T } from '../../i18n/index.js';
import type { Kpi, Acknowledgment } from '../../../ports/records.js';
import type { JobAdjustment } from '../../../ports/repos/evidence.js';
import { responseLine } from './responses.js';

export interface AdjustFormData {
  personId: string;
  personName: string;
  fromJobTitle: string;
  jobs: Option[];
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
    intro: [{ type: 'text', text: t('ev.adjust.about', { name: d.personName, job: d.fromJobTitle }) }],
    inputs: [
      { id: 'to_job', kind: 'select', label: t('ev.adjust.toJob'), options: d.jobs, initial: d.toJobId },
      ...(d.kpis.length
        ? [
            {
              id: 'kpis',
              kind: 'multiselect' as const,
              optional: true,
              label: t('ev.adjust.kpis'),
              options: d.kpis.map((k) => ({ value: k.key, label: k.name })),
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
        maxLength: 3000,
      },
      { id: 'effective_on', kind: 'date', label: t('ev.adjust.effective'), initial: d.today },
    ],
  };
}

export interface AdjustView {
  adjustment: JobAdjustment;
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
  if (v.kpiNames.length) fields.push({ label: t('ev.adjust.kpis'), value: v.kpiNames.join(', ') });
  return [
    { type: 'text', text: t('ev.adjust.line', { from: v.fromTitle, to: v.toTitle, date: a.effectiveOn }) },
    { type: 'fields', fields },
    ...(a.reason ? [{ type: 'text' as const, text: `${t('ev.adjust.reason')}: ${a.reason}` }] : []),
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
  return { text: title, blocks };
}
