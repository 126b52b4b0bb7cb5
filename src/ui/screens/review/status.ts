import type { Message, Block } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { periodName } from '../../period.js';
import { literal, userText } from '../../markup.js';
import { nextStep } from '../next-steps.js';

export interface TeamStatus {
  department: string;
  periodLabel: string;
  slots: { employeeName: string; submitted: boolean; due: string }[];
}

/** `/review status`: the manager's reports in the current cycle(s). */
export function buildTeamStatus(t: T, teams: TeamStatus[]): Message {
  if (!teams.length)
    return { text: t('review.status.none'), blocks: [{ type: 'text', text: t('review.status.none') }] };
  const blocks: Block[] = [];
  for (const team of teams) {
    const done = team.slots.filter((s) => s.submitted).length;
    blocks.push({
      type: 'header',
      text: t('review.status.header', {
        department: literal(team.department),
        period: periodName(t, team.periodLabel),
      }),
    });
    blocks.push({
      type: 'text',
      text: team.slots
        .map((s) =>
          s.submitted
            ? t('review.status.submitted', { name: literal(s.employeeName) })
            : t('review.status.pending', { name: literal(s.employeeName), due: s.due }),
        )
        .join('\n'),
    });
    blocks.push({ type: 'context', text: t('review.status.summary', { done, total: team.slots.length }) });
  }
  const first = teams[0]!;
  return {
    text: t('review.status.header', {
      department: literal(first.department),
      period: periodName(t, first.periodLabel),
    }),
    blocks,
  };
}

/** A disputed review nobody has answered yet, as HR's status lists it. */
export interface OpenDispute {
  employeeId: string;
  employeeName: string;
  managerName: string;
  period: string;
  comment: string;
  disputedOn: string;
  days: number;
}

/** Lines of open disputes shown; the rest are counted. Buttons to the records of the first few. */
const MAX_DISPUTE_LINES = 20;
const MAX_DISPUTE_BUTTONS = 5;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function disputeBlocks(t: T, disputes: OpenDispute[]): Block[] {
  const blocks: Block[] = [
    { type: 'divider' },
    { type: 'header', text: t('review.status.disputesHeader', { count: disputes.length }) },
  ];
  if (!disputes.length) return [...blocks, { type: 'text', text: t('review.status.noDisputes') }];
  const lines = disputes.slice(0, MAX_DISPUTE_LINES).map((d) =>
    t('review.status.disputeLine', {
      name: d.employeeName,
      period: d.period,
      manager: d.managerName,
      date: d.disputedOn,
      days: d.days,
      comment: userText(clip(d.comment, 140)),
    }),
  );
  if (disputes.length > MAX_DISPUTE_LINES)
    lines.push(t('review.status.moreDisputes', { count: disputes.length - MAX_DISPUTE_LINES }));
  blocks.push({ type: 'text', text: lines.join('\n') });
  const people = [...new Map(disputes.map((d) => [d.employeeId, { id: d.employeeId, name: d.employeeName }])).values()];
  blocks.push({ type: 'actions', buttons: people.slice(0, MAX_DISPUTE_BUTTONS).map((p) => nextStep.viewRecord(t, p)) });
  return blocks;
}

/** `/review status all` for HR: one line per department's latest cycle, then the open disputes. */
export function buildAllStatus(
  t: T,
  rows: { department: string; periodLabel: string; done: number; total: number }[],
  disputes: OpenDispute[] = [],
): Message {
  if (!rows.length && !disputes.length)
    return { text: t('review.status.none'), blocks: [{ type: 'text', text: t('review.status.none') }] };
  const lines = rows.map((r) =>
    t('review.status.deptLine', {
      department: literal(r.department),
      period: periodName(t, r.periodLabel),
      done: r.done,
      total: r.total,
    }),
  );
  return {
    text: t('review.status.allHeader'),
    blocks: [
      { type: 'header', text: t('review.status.allHeader') },
      { type: 'text', text: lines.length ? lines.join('\n') : t('review.status.none') },
      ...disputeBlocks(t, disputes),
    ],
  };
}
