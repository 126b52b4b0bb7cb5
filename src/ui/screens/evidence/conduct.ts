/**
 * The employee handbook and conduct incidents, as HR and employees see them: the form to add a
 * handbook section, the handbook sent for acknowledgment, the incident form (which section was
 * broken, when, what happened, what evidence is held), the incident as the employee receives it,
 * and the form for the employee's written statement.
 */
import type { Block, Form, Message, Option } from '../../model.js';
import { ACTIONS, FORMS } from '../../actions.js';
import type { T } from '../../i18n/index.js';
import type { Acknowledgment } from '../../../ports/records.js';
import type { HandbookSection, Incident } from '../../../ports/repos/conduct.js';
import { responseLine } from './responses.js';
import { literal } from '../../markup.js';
import { TEXT_LIMITS } from '../../../domain/text.js';

export function buildHandbookSectionForm(t: T): Form {
  return {
    formId: FORMS.handbookSection,
    title: t('conduct.handbook.formTitle'),
    submitLabel: t('common.submit'),
    cancelLabel: t('common.cancel'),
    state: '',
    intro: [{ type: 'text', text: t('conduct.handbook.formIntro') }],
    inputs: [
      {
        id: 'section',
        kind: 'text',
        label: t('conduct.handbook.section'),
        placeholder: '4.2',
        maxLength: TEXT_LIMITS.id,
      },
      { id: 'title', kind: 'text', label: t('conduct.handbook.title'), maxLength: TEXT_LIMITS.line },
      { id: 'body', kind: 'text', multiline: true, label: t('conduct.handbook.body'), maxLength: TEXT_LIMITS.long },
    ],
  };
}

/** The current text of each section number (its latest row up to `version`). */
export function currentSections(all: HandbookSection[], version: number): HandbookSection[] {
  const bySection = new Map<string, HandbookSection>();
  for (const s of all) if (s.version <= version) bySection.set(s.section, s);
  return [...bySection.values()].sort((a, b) => a.section.localeCompare(b.section, 'en', { numeric: true }));
}

export interface HandbookView {
  version: number;
  sections: HandbookSection[];
  employeeName: string;
  ack: Acknowledgment | null;
  names: (id: string) => string;
  zone: string;
}

/** The handbook sent to one employee: every section, and Acknowledge / Dispute until they answer. */
export function buildHandbookMessage(t: T, v: HandbookView): Message {
  const title = t('conduct.handbook.dmTitle', { version: v.version });
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'text', text: t('conduct.handbook.dmIntro') },
    ...v.sections.map((s): Block => ({
      type: 'text',
      text: `**§${literal(s.section)} ${literal(s.title)}**\n${literal(s.body)}`,
    })),
    { type: 'context', text: responseLine(t, v.ack, v.employeeName, v.names, v.zone) },
  ];
  if (!v.ack)
    blocks.push({
      type: 'actions',
      buttons: [
        {
          actionId: ACTIONS.acknowledgeHandbook,
          label: t('ev.ack.acknowledge'),
          value: String(v.version),
          style: 'primary',
        },
        { actionId: ACTIONS.disputeHandbook, label: t('ev.ack.dispute'), value: String(v.version) },
      ],
    });
  return { text: title, blocks };
}

export function buildHandbookDisputeForm(t: T, version: number): Form {
  return {
    formId: FORMS.handbookDispute,
    title: t('ev.dispute.formTitle'),
    submitLabel: t('ev.dispute.submit'),
    cancelLabel: t('common.cancel'),
    state: String(version),
    inputs: [
      { id: 'comment', kind: 'text', multiline: true, label: t('ev.dispute.comment'), maxLength: TEXT_LIMITS.long },
    ],
  };
}

export interface IncidentFormData {
  personId: string;
  personName: string;
  sections: Option[];
  today: string;
}

export function buildIncidentForm(t: T, d: IncidentFormData): Form {
  return {
    formId: FORMS.incident,
    title: t('conduct.incident.formTitle'),
    submitLabel: t('common.submit'),
    cancelLabel: t('common.cancel'),
    state: d.personId,
    intro: [{ type: 'text', text: t('conduct.incident.about', { name: literal(d.personName) }) }],
    inputs: [
      {
        id: 'rule',
        kind: 'select',
        label: t('conduct.incident.rule'),
        options: d.sections.map((o) => ({ ...o, label: literal(o.label) })),
      },
      { id: 'occurred_on', kind: 'date', label: t('conduct.incident.occurredOn'), initial: d.today },
      {
        id: 'description',
        kind: 'text',
        multiline: true,
        label: t('conduct.incident.description'),
        maxLength: TEXT_LIMITS.long,
      },
      {
        id: 'evidence',
        kind: 'text',
        multiline: true,
        label: t('conduct.incident.evidence'),
        hint: t('conduct.incident.evidenceHint'),
        maxLength: TEXT_LIMITS.long,
      },
    ],
  };
}

export interface IncidentView {
  incident: Incident;
  rule: HandbookSection | null;
  reporterName: string;
  employeeName: string;
  ack: Acknowledgment | null;
  names: (id: string) => string;
  zone: string;
}

export function incidentBlocks(t: T, v: IncidentView): Block[] {
  const i = v.incident;
  return [
    {
      type: 'fields',
      fields: [
        { label: t('conduct.incident.occurredOn'), value: i.occurredOn },
        {
          label: t('conduct.incident.rule'),
          value: v.rule ? literal(`§${v.rule.section} ${v.rule.title}`) : '—',
        },
        { label: t('conduct.incident.reportedBy'), value: literal(v.reporterName) },
      ],
    },
    { type: 'text', text: literal(i.description) },
    { type: 'text', text: `**${t('conduct.incident.evidence')}**\n${literal(i.evidence)}` },
    { type: 'context', text: responseLine(t, v.ack, v.employeeName, v.names, v.zone) },
  ];
}

/** The incident as the employee receives it: their chance to respond, in writing. */
export function buildIncidentMessage(t: T, v: IncidentView): Message {
  const title = t('conduct.incident.dmTitle');
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'text', text: t('conduct.incident.dmIntro') },
    ...incidentBlocks(t, v),
  ];
  if (!v.ack)
    blocks.push({
      type: 'actions',
      buttons: [
        {
          actionId: ACTIONS.openIncidentStatement,
          label: t('conduct.statement.button'),
          value: String(v.incident.id),
          style: 'primary',
        },
      ],
    });
  return { text: title, blocks };
}

export function buildStatementForm(t: T, incidentId: number): Form {
  return {
    formId: FORMS.incidentStatement,
    title: t('conduct.statement.formTitle'),
    submitLabel: t('common.submit'),
    cancelLabel: t('common.cancel'),
    state: String(incidentId),
    inputs: [
      {
        id: 'accepts',
        kind: 'select',
        label: t('conduct.statement.accepts'),
        options: [
          { value: 'yes', label: t('conduct.statement.acceptsYes') },
          { value: 'no', label: t('conduct.statement.acceptsNo') },
        ],
      },
      {
        id: 'statement',
        kind: 'text',
        multiline: true,
        label: t('conduct.statement.text'),
        maxLength: TEXT_LIMITS.long,
      },
    ],
  };
}
