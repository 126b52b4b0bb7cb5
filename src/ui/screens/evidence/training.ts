/**
 * Training plan screens: the `/training` form, the plan as the employee receives it, the sign-in
 * (签到) prompt, the mark-attendance form and the reassessment form.
 * Sessions are three fixed rows (date, start, end, place) so the form renders inline in a Feishu
 * card; times are typed `HH:MM` in the employee's zone, which the form says.
 */
import type { Form, Message, Block, Option, Input } from '../../model.js';
import { ACTIONS, FORMS } from '../../actions.js';
import type { T } from '../../i18n/index.js';
import { kpiTargetMarkup } from '../../kpi-text.js';
import type { Kpi, Acknowledgment } from '../../../ports/records.js';
import type { TrainingPlan, TrainingSession, Attendance } from '../../../ports/repos/evidence.js';
import { wallTimeAt, dateOf, pad2 } from '../../../domain/zoned-time.js';
import { responseLine } from './responses.js';
import { placeOrLink } from '../../links.js';
import { literal, userText } from '../../markup.js';
import { TEXT_LIMITS } from '../../../domain/text.js';

export const SESSION_ROWS = 3;

const hhmm = (instant: number, zone: string) => {
  const w = wallTimeAt(instant, zone);
  return `${pad2(w.hour)}:${pad2(w.minute)}`;
};
/** A session's date, times and place as message markup (the place is the organiser's own words). */
export const sessionMarkupParams = (s: Pick<TrainingSession, 'startsAt' | 'endsAt' | 'location'>, zone: string) => ({
  date: dateOf(wallTimeAt(s.startsAt, zone)),
  start: hhmm(s.startsAt, zone),
  end: hhmm(s.endsAt, zone),
  // "place or link": a session held online is joined from the message.
  place: placeOrLink(s.location),
});
export const timeIn = hhmm;

export interface TrainingFormData {
  personId: string;
  personName: string;
  jobTitle: string;
  kpis: Kpi[];
  preselected: string[];
  trainers: Option[];
  zone: string;
}

export function buildTrainingForm(t: T, d: TrainingFormData): Form {
  const sessions: Input[] = [];
  for (let n = 1; n <= SESSION_ROWS; n++) {
    // The first session is asked; a second and third are for who needs them, behind "More".
    const optional = n > 1;
    const more = optional ? { more: true as const } : {};
    sessions.push(
      {
        id: `session${n}_date`,
        kind: 'date',
        optional,
        ...more,
        label: t('ev.training.sessionDate', { n }),
        ...(n === 1 ? { hint: t('ev.training.timesHint', { zone: d.zone }) } : {}),
      },
      {
        id: `session${n}_start`,
        kind: 'text',
        optional,
        ...more,
        label: t('ev.training.sessionStart', { n }),
        placeholder: '14:00',
        maxLength: 5,
      },
      {
        id: `session${n}_end`,
        kind: 'text',
        optional,
        ...more,
        label: t('ev.training.sessionEnd', { n }),
        placeholder: '16:00',
        maxLength: 5,
      },
      {
        id: `session${n}_place`,
        kind: 'text',
        maxLength: TEXT_LIMITS.line,
        optional,
        ...more,
        label: t('ev.training.sessionPlace', { n }),
      },
    );
  }
  return {
    formId: FORMS.trainingPlan,
    title: t('ev.training.formTitle'),
    submitLabel: t('ev.training.save'),
    cancelLabel: t('common.cancel'),
    state: d.personId,
    intro: [{ type: 'text', text: t('ev.training.about', { name: literal(d.personName), job: literal(d.jobTitle) }) }],
    inputs: [
      {
        id: 'kpis',
        kind: 'multiselect',
        checkboxes: true,
        label: t('ev.training.kpis'),
        options: d.kpis.map((k) => ({ value: k.key, label: literal(k.name) })),
        initial: d.preselected,
      },
      { id: 'goal', kind: 'text', label: t('ev.training.goal'), maxLength: TEXT_LIMITS.line },
      {
        id: 'content',
        kind: 'text',
        multiline: true,
        label: t('ev.training.content'),
        maxLength: TEXT_LIMITS.long,
      },
      ...(d.trainers.length
        ? [
            {
              id: 'trainer_person',
              kind: 'select' as const,
              people: true as const,
              optional: true,
              label: t('ev.training.trainerPerson'),
              options: d.trainers.map((o) => ({ ...o, label: literal(o.label) })),
            },
          ]
        : []),
      {
        id: 'trainer_name',
        kind: 'text',
        maxLength: TEXT_LIMITS.line,
        optional: true,
        // A trainer outside Dandang is the exception where the list has people to pick.
        ...(d.trainers.length ? { more: true as const } : {}),
        label: t('ev.training.trainerName'),
      },
      ...sessions,
      { id: 'expected', kind: 'text', multiline: true, label: t('ev.training.expected'), maxLength: TEXT_LIMITS.long },
    ],
  };
}

export interface PlanView {
  plan: TrainingPlan;
  /** Links typed in the plan are clickable only when its author is HR (markup `userText`). */
  authorIsHr: boolean;
  employeeName: string;
  kpiNames: string[];
  attendance: Attendance[];
  ack: Acknowledgment | null;
  names: (id: string) => string;
  zone: string;
}

/** "Present (signed in)", "Absent (marked: sick)" or "no attendance yet". */
export function attendanceText(t: T, a: Attendance | undefined): string {
  if (!a) return t('ev.training.noAttendance');
  return t(a.reason ? 'ev.training.attendanceReason' : 'ev.training.attendance', {
    status: t(a.status === 'present' ? 'ev.training.present' : 'ev.training.absent'),
    method: t(a.method === 'sign_in' ? 'ev.training.bySignIn' : 'ev.training.byMark'),
    reason: a.reason ? userText(a.reason) : '',
  });
}

/** The plan's content, shared by the employee's DM and the record view. */
export function planBlocks(t: T, v: PlanView, opts: { withAttendance: boolean }): Block[] {
  const p = v.plan;
  const sessionLines = p.sessions.map((s) => {
    const line = t('ev.training.session', sessionMarkupParams(s, v.zone));
    if (!opts.withAttendance) return line;
    return `${line} — ${attendanceText(
      t,
      v.attendance.find((a) => a.sessionId === s.id && a.personId === p.personId),
    )}`;
  });
  return [
    {
      type: 'context',
      text: t('ev.training.line', {
        goal: userText(p.goal, { linksClickable: v.authorIsHr }),
        status: t(p.status === 'active' ? 'ev.training.statusActive' : 'ev.training.statusCompleted'),
      }),
    },
    {
      type: 'fields',
      fields: [
        { label: t('ev.training.goal'), value: userText(p.goal, { linksClickable: v.authorIsHr }) },
        { label: t('ev.training.kpis'), value: v.kpiNames.map(literal).join(t('common.listSep')) },
        { label: t('ev.training.trainer'), value: literal(p.trainerId ? v.names(p.trainerId) : p.trainer) },
        { label: t('ev.training.expected'), value: userText(p.expectedResult, { linksClickable: v.authorIsHr }) },
      ],
    },
    { type: 'text', text: userText(p.content, { linksClickable: v.authorIsHr }) },
    { type: 'text', text: [t('ev.training.sessions'), ...sessionLines].join('\n') },
    { type: 'context', text: responseLine(t, v.ack, v.employeeName, v.names, v.zone) },
  ];
}

export function buildPlanMessage(t: T, v: PlanView): Message {
  const title = t('ev.training.dmTitle');
  const blocks: Block[] = [{ type: 'header', text: title }, ...planBlocks(t, v, { withAttendance: false })];
  if (!v.ack)
    blocks.push({
      type: 'actions',
      buttons: [
        {
          actionId: ACTIONS.acknowledgeTraining,
          label: t('ev.ack.acknowledge'),
          value: String(v.plan.id),
          style: 'primary',
        },
      ],
    });
  return { text: title, blocks, ...(v.ack ? {} : { lasting: true as const }) };
}

/** Sent when a session's sign-in window opens; rebuilt without the button once signed in. */
export function buildSignInPrompt(t: T, s: TrainingSession, zone: string, signedInAt: number | null): Message {
  const text = t('ev.training.signInPrompt', sessionMarkupParams(s, zone));
  const blocks: Block[] = [{ type: 'text', text }];
  if (signedInAt === null)
    blocks.push({
      type: 'actions',
      buttons: [
        { actionId: ACTIONS.signInSession, label: t('ev.training.signIn'), value: String(s.id), style: 'primary' },
      ],
    });
  else blocks.push({ type: 'context', text: t('ev.training.signedIn', { time: hhmm(signedInAt, zone) }) });
  return { text, blocks };
}

/** Buttons a manager, trainer or HR gets under a plan. */
export function planManagerButtons(t: T, plan: TrainingPlan, hasReassessment: boolean): Block[] {
  if (plan.status === 'active') {
    return [
      {
        type: 'actions',
        buttons: [
          ...plan.sessions.map((s, i) => ({
            actionId: ACTIONS.openMarkAttendance,
            label: `${t('ev.training.markButton')} ${i + 1}`,
            value: String(s.id),
          })),
          {
            actionId: ACTIONS.completeTraining,
            label: t('ev.training.complete'),
            value: String(plan.id),
            style: 'primary' as const,
          },
        ],
      },
    ];
  }
  if (!hasReassessment)
    return [
      {
        type: 'actions',
        buttons: [
          {
            actionId: ACTIONS.openReassessment,
            label: t('ev.training.reassessButton'),
            value: String(plan.id),
            style: 'primary',
          },
        ],
      },
    ];
  return [];
}

/** The trainer's copy of the plan, with a Mark attendance button per session. */
export function buildTrainerMessage(t: T, v: PlanView): Message {
  const title = t('ev.training.trainerDm', { name: literal(v.employeeName) });
  const buttons = v.plan.sessions.map((s, i) => ({
    actionId: ACTIONS.openMarkAttendance,
    label: `${t('ev.training.markButton')} ${i + 1}`,
    value: String(s.id),
  }));
  return {
    text: title,
    blocks: [
      { type: 'text', text: title },
      ...planBlocks(t, v, { withAttendance: false }).slice(0, -1),
      { type: 'actions', buttons },
    ],
  };
}

export function buildMarkAttendanceForm(t: T, session: TrainingSession, employeeName: string, zone: string): Form {
  return {
    formId: FORMS.markAttendance,
    title: t('ev.training.markTitle'),
    submitLabel: t('common.submit'),
    cancelLabel: t('common.cancel'),
    state: String(session.id),
    intro: [
      {
        type: 'text',
        text: `**${literal(employeeName)}**\n${t('ev.training.session', sessionMarkupParams(session, zone))}`,
      },
    ],
    inputs: [
      {
        id: 'status',
        kind: 'select',
        label: t('ev.training.markStatus'),
        options: [
          { value: 'present', label: t('ev.training.present') },
          { value: 'absent', label: t('ev.training.absent') },
        ],
        initial: 'present',
      },
      {
        id: 'reason',
        kind: 'text',
        optional: true,
        label: t('ev.training.markReason'),
        hint: t('ev.training.markReasonHint'),
        maxLength: TEXT_LIMITS.line,
      },
    ],
  };
}

/** Same input ids as the weekly review form, so the review domain's validation applies as is. */
export function buildReassessmentForm(t: T, d: { plan: TrainingPlan; jobTitle: string; kpis: Kpi[] }): Form {
  return {
    formId: FORMS.reassessment,
    title: t('ev.reassess.formTitle'),
    submitLabel: t('common.submit'),
    cancelLabel: t('common.cancel'),
    state: String(d.plan.id),
    intro: [
      {
        type: 'text',
        text: t('ev.reassess.intro', {
          goal: literal(d.plan.goal),
          job: literal(d.jobTitle),
          version: d.plan.kpiVersion,
        }),
      },
    ],
    inputs: [
      ...d.kpis.map((k): Input => ({
        id: `kpi_${k.key}`,
        kind: 'number',
        decimal: true,
        label: t('ev.reassess.actual', {
          name: literal(k.name),
          target: kpiTargetMarkup(t, k),
        }),
      })),
      {
        id: 'rating',
        kind: 'select',
        label: t('ev.reassess.rating'),
        options: [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) })),
      },
      {
        id: 'strengths',
        kind: 'text',
        multiline: true,
        optional: true,
        label: t('review.form.strengths'),
        maxLength: TEXT_LIMITS.long,
      },
      {
        id: 'improvement',
        kind: 'text',
        multiline: true,
        maxLength: TEXT_LIMITS.long,
        optional: true,
        label: t('review.form.improvement'),
        hint: t('review.form.improvementHint'),
      },
      {
        id: 'comment',
        kind: 'text',
        multiline: true,
        optional: true,
        label: t('ev.reassess.comment'),
        maxLength: TEXT_LIMITS.long,
      },
    ],
  };
}
