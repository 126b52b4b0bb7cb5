import type { Message, Button, Block } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { ACTIONS } from '../../actions.js';
import { literal } from '../../markup.js';

export interface NudgeSlot {
  slotId: number;
  employeeName: string;
  submitted: boolean;
}

export interface NudgeGroup {
  /** Due time already formatted in the manager's zone and locale ('Fri 27 Nov 18:00'). */
  due: string;
  /** The cycle's period label, shown when the nudge lists reviews of several periods. */
  period: string;
  slots: NudgeSlot[];
}

export interface NudgeInput {
  /** The periods the nudge covers ('2026-W48', or '2026-W48 · 2026-11' across cycles). */
  period: string;
  /** One group per due time, earliest first: a manager's reports in several departments may differ. */
  groups: NudgeGroup[];
}

/**
 * Buttons in one nudge. Slack allows 25 per actions block and 50 blocks per message; past this the
 * nudge says how many more there are and how to reach them (`/review` opens the next one).
 */
export const MAX_NUDGE_BUTTONS = 20;

/**
 * The manager's one DM per week, listing every report due (grouped by due time when the cycles
 * differ). Rebuilt from the same function after each submission and sent as an in-place update,
 * so the text and the buttons shrink to what is still pending and the line shows progress.
 */
export function buildNudge(t: T, n: NudgeInput): Message {
  const all = n.groups.flatMap((g) => g.slots);
  const total = all.length;
  const done = all.filter((s) => s.submitted).length;
  const open = n.groups
    .map((g) => ({ ...g, pending: g.slots.filter((s) => !s.submitted) }))
    .filter((g) => g.pending.length);
  const pendingCount = open.reduce((k, g) => k + g.pending.length, 0);
  const names = (g: (typeof open)[number]) => g.pending.map((s) => literal(s.employeeName)).join(t('common.listSep'));

  let text: string;
  if (!open.length) text = t('review.nudge.allDone', { total });
  else if (open.length === 1)
    text =
      pendingCount === 1
        ? t('review.nudge.textOne', { due: open[0]!.due, names: names(open[0]!) })
        : t('review.nudge.text', { count: pendingCount, due: open[0]!.due, names: names(open[0]!) });
  else {
    const periods = new Set(open.map((g) => g.period)).size > 1;
    text = [
      t('review.nudge.textGrouped', { count: pendingCount }),
      ...open.map((g) =>
        periods
          ? t('review.nudge.groupLinePeriod', { due: g.due, period: literal(g.period), names: names(g) })
          : t('review.nudge.groupLine', { due: g.due, names: names(g) }),
      ),
    ].join('\n');
  }

  const pending = open.flatMap((g) => g.pending);
  const buttons: Button[] = pending.slice(0, MAX_NUDGE_BUTTONS).map((s, i) => ({
    actionId: ACTIONS.openReviewForm,
    label: t('review.nudge.open', { name: literal(s.employeeName) }),
    value: String(s.slotId),
    ...(i === 0 ? { style: 'primary' as const } : {}),
  }));
  const progress = done === total ? t('review.nudge.allDone', { total }) : t('review.nudge.progress', { done, total });
  const blocks: Block[] = [
    { type: 'header', text: t('review.nudge.header', { period: literal(n.period) }) },
    ...(open.length ? [{ type: 'text' as const, text }] : []),
    { type: 'context', text: progress },
  ];
  if (buttons.length) blocks.push({ type: 'actions', buttons });
  if (pending.length > buttons.length)
    blocks.push({ type: 'context', text: t('review.nudge.more', { count: pending.length - buttons.length }) });
  return { text, blocks };
}
