/**
 * `/review mine` (and Slack's App Home): everything recorded about a person that can serve as
 * evidence, as the asker is allowed to see it. The use case decides what is visible (through
 * src/domain/access.ts) and which buttons apply; this only lays it out.
 * Each section lists its newest items and says how many more there are; texts are shown in full
 * (each renderer splits a long message into several where its platform must).
 */
import { reassessmentDateOf } from '../../../domain/review.js';
import { periodMarkup } from '../../period.js';
import type { Message, Block, Button } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { kpiTargetMarkup } from '../../kpi-text.js';
import type { Kpi, Acknowledgment } from '../../../ports/records.js';
import type { Review } from '../../../ports/repos/reviews.js';
import type { NoteView } from './note.js';
import type { PlanView } from './training.js';
import type { AdjustView } from './adjust.js';
import { responseLine } from './responses.js';
import { attendanceText, sessionMarkupParams } from './training.js';
import { literal, userText } from '../../markup.js';

export interface RecordData {
  personName: string;
  job: { title: string; version: number; kpis: Kpi[]; ackLine: string | null } | null;
  /** `notes`: lines under the review (amended, replies to a dispute), already localised. */
  reviews: { review: Review; ackLine: string; notes: string[] }[] | null;
  /** Amend buttons for the reviews the viewer may amend (disputed ones first). */
  reviewButtons?: Button[];
  /** Planned conversations, one line each. */
  conversations?: string[] | null;
  /** Under them: what the viewer may do about them (HR: cancel one whose organizer has left). */
  conversationButtons?: Button[];
  /** `files`: one line per attached file (src/ui/screens/files/file-lines.ts). */
  notes: { view: NoteView; buttons: Button[]; files?: string[] }[] | null;
  plans: { view: PlanView; reassessment: Review | null; buttons: Button[]; files?: string[] }[] | null;
  adjustments: { view: AdjustView; buttons: Button[]; files?: string[] }[] | null;
  responses: { ack: Acknowledgment; names: (id: string) => string }[] | null;
  /** Buttons not tied to one item (e.g. Acknowledge KPIs, Sign in). */
  topButtons: Button[];
  /** The person reads their own record: say what early warnings are for (issue 15). */
  ownRecord?: boolean;
}

/** Items shown per section, newest first: keeps a long history within 50 blocks. */
const MAX_NOTES = 5;
const MAX_PLANS = 3;
const MAX_ADJUSTMENTS = 3;

function noteSummary(t: T, v: NoteView): string {
  const n = v.note;
  const lines = [
    `**${t('ev.note.line', { date: n.heldOn, kind: t(`ev.noteKind.${n.kind}`), author: literal(v.authorName) })}**`,
    userText(n.discussion, { linksClickable: v.authorIsHr }),
  ];
  if (v.kpiNames.length)
    lines.push(
      t('common.labelled', { label: t('ev.note.kpis'), value: v.kpiNames.map(literal).join(t('common.listSep')) }),
    );
  for (const a of n.actions)
    lines.push(
      t('ev.note.actionLine', {
        description: userText(a.description, { linksClickable: v.authorIsHr }),
        owner: literal(v.names(a.ownerId)),
        due: a.dueOn,
      }),
    );
  lines.push(
    n.visibility === 'private' ? t('ev.note.privateTag') : responseLine(t, v.ack, v.employeeName, v.names, v.zone),
  );
  return lines.join('\n');
}

function planSummary(t: T, v: PlanView, reassessment: Review | null): string {
  const p = v.plan;
  const status = t(p.status === 'active' ? 'ev.training.statusActive' : 'ev.training.statusCompleted');
  const lines = [
    `**${t('ev.training.line', { goal: userText(p.goal, { linksClickable: v.authorIsHr }), status })}**`,
    `${t('common.labelled', { label: t('ev.training.kpis'), value: v.kpiNames.map(literal).join(t('common.listSep')) })} · ${t('common.labelled', { label: t('ev.training.trainer'), value: literal(p.trainerId ? v.names(p.trainerId) : p.trainer) })}`,
  ];
  for (const s of p.sessions) {
    const a = v.attendance.find((x) => x.sessionId === s.id && x.personId === p.personId);
    const att = attendanceText(t, a);
    lines.push(`${t('ev.training.session', sessionMarkupParams(s, v.zone))} — ${att}`);
  }
  if (reassessment)
    lines.push(
      t('ev.reassess.line', { result: t(reassessment.belowTarget ? 'ev.reassess.below' : 'ev.reassess.met') }),
    );
  lines.push(responseLine(t, v.ack, v.employeeName, v.names, v.zone));
  return lines.join('\n');
}

function adjustmentSummary(t: T, v: AdjustView): string {
  const a = v.adjustment;
  const lines = [
    `**${t('ev.adjust.line', { from: literal(v.fromTitle), to: literal(v.toTitle), date: a.effectiveOn })}**`,
  ];
  if (v.kpiNames.length)
    lines.push(
      t('common.labelled', { label: t('ev.adjust.kpis'), value: v.kpiNames.map(literal).join(t('common.listSep')) }),
    );
  if (a.reason)
    lines.push(
      t('common.labelled', {
        label: t('ev.adjust.reason'),
        value: userText(a.reason, { linksClickable: v.authorIsHr }),
      }),
    );
  lines.push(responseLine(t, v.ack, v.employeeName, v.names, v.zone));
  return lines.join('\n');
}

function section<I>(t: T, header: string, items: I[], max: number, render: (item: I) => Block[]): Block[] {
  const out: Block[] = [{ type: 'divider' }, { type: 'text', text: header }];
  if (!items.length) out.push({ type: 'context', text: t('ev.record.none') });
  for (const item of items.slice(0, max)) out.push(...render(item));
  if (items.length > max) out.push({ type: 'context', text: t('ev.record.more', { n: items.length - max }) });
  return out;
}

/** A header line and its items as one text block; each renderer splits it where its platform must. */
const linesBlock = (header: string, lines: string[]): Block => ({ type: 'text', text: [header, ...lines].join('\n') });

const withFiles = (summary: string, files: string[] | undefined) =>
  files?.length ? [summary, ...files].join('\n') : summary;

const actions = (buttons: Button[]): Block[] => (buttons.length ? [{ type: 'actions', buttons }] : []);

export function buildRecordView(t: T, d: RecordData): Message {
  const title = t('ev.record.title', { name: literal(d.personName) });
  const blocks: Block[] = [{ type: 'header', text: title }, ...actions(d.topButtons)];

  if (d.job) {
    const kpiLines = d.job.kpis.map((k) =>
      t('ev.record.kpi', {
        name: literal(k.name),
        target: kpiTargetMarkup(t, k),
      }),
    );
    blocks.push(
      linesBlock(
        t('ev.record.kpis', { job: literal(d.job.title), version: d.job.version }),
        kpiLines.length ? kpiLines : [t('ev.record.noKpis')],
      ),
    );
    if (d.job.ackLine) blocks.push({ type: 'context', text: d.job.ackLine });
  }
  if (d.reviews) {
    const lines = d.reviews.flatMap(({ review: r, ackLine, notes }) => {
      const result = t(r.belowTarget ? 'ev.record.belowTarget' : 'ev.record.onTarget');
      const head =
        r.kind === 'reassessment'
          ? `${t('ev.reassess.line', { result })} · ${literal(reassessmentDateOf(r.periodLabel) ?? r.periodLabel)}`
          : t('ev.record.review', { period: periodMarkup(t, r.periodLabel), rating: r.rating, result });
      return [`${head} — ${ackLine}`, ...notes.map((n) => `    ${n}`)];
    });
    blocks.push(
      { type: 'divider' },
      linesBlock(t('ev.record.reviews'), lines.length ? lines : [t('ev.record.none')]),
      ...actions(d.reviewButtons ?? []),
    );
  }
  if (d.conversations?.length)
    blocks.push(
      { type: 'divider' },
      linesBlock(t('ev.record.conversations'), d.conversations),
      ...actions(d.conversationButtons ?? []),
    );
  if (d.notes)
    blocks.push(
      ...section(t, t('ev.record.notes'), d.notes, MAX_NOTES, (n) => [
        { type: 'text', text: withFiles(noteSummary(t, n.view), n.files) },
        ...actions(n.buttons),
      ]),
    );
  if (d.plans)
    blocks.push(
      ...section(t, t('ev.record.training'), d.plans, MAX_PLANS, (p) => [
        { type: 'text', text: withFiles(planSummary(t, p.view, p.reassessment), p.files) },
        ...actions(p.buttons),
      ]),
    );
  if (d.adjustments)
    blocks.push(
      ...section(t, t('ev.record.adjustments'), d.adjustments, MAX_ADJUSTMENTS, (a) => [
        { type: 'text', text: withFiles(adjustmentSummary(t, a.view), a.files) },
        ...actions(a.buttons),
      ]),
    );
  if (d.responses) {
    const lines = d.responses.map(({ ack, names }) =>
      t('ev.record.response', {
        subject: t(`ev.subject.${ack.subjectType}`),
        id: ack.subjectId,
        state:
          ack.state === 'acknowledged'
            ? t('ev.state.acknowledged')
            : ack.state === 'disputed'
              ? t('ev.state.disputed', { comment: userText(ack.comment ?? '') })
              : t('ev.state.refused', { witness: ack.witnessId ? literal(names(ack.witnessId)) : '?' }),
      }),
    );
    blocks.push(
      { type: 'divider' },
      linesBlock(t('ev.record.responses'), lines.length ? lines : [t('ev.record.none')]),
    );
  }
  if (d.ownRecord) blocks.push({ type: 'context', text: t('warning.selfNotice') });
  return { text: title, blocks };
}
