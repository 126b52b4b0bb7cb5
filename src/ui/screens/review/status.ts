import type { Message, Block } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { periodName } from './overdue.js';

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
      text: t('review.status.header', { department: team.department, period: periodName(t, team.periodLabel) }),
    });
    blocks.push({
      type: 'text',
      text: team.slots
        .map((s) =>
          s.submitted
            ? t('review.status.submitted', { name: s.employeeName })
            : t('review.status.pending', { name: s.employeeName, due: s.due }),
        )
        .join('\n'),
    });
    blocks.push({ type: 'context', text: t('review.status.summary', { done, total: team.slots.length }) });
  }
  const first = teams[0]!;
  return {
    text: t('review.status.header', { department: first.department, period: periodName(t, first.periodLabel) }),
    blocks,
  };
}

/** `/review status all` for HR: one line per department's latest cycle. */
export function buildAllStatus(
  t: T,
  rows: { department: string; periodLabel: string; done: number; total: number }[],
): Message {
  if (!rows.length) return { text: t('review.status.none'), blocks: [{ type: 'text', text: t('review.status.none') }] };
  const lines = rows.map((r) =>
    t('review.status.deptLine', {
      department: r.department,
      period: periodName(t, r.periodLabel),
      done: r.done,
      total: r.total,
    }),
  );
  return {
    text: t('review.status.allHeader'),
    blocks: [
      { type: 'header', text: t('review.status.allHeader') },
      { type: 'text', text: lines.join('\n') },
    ],
  };
}
