import type { Message, Button } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { ACTIONS } from '../../actions.js';

export interface NudgeInput {
  period: string;
  /** Due time already formatted in the manager's zone and locale ('Fri 27 Nov 18:00'). */
  due: string;
  slots: { slotId: number; employeeName: string; submitted: boolean }[];
}

/**
 * The manager's one DM per cycle. Rebuilt from the same function after each submission and sent
 * as an in-place update, so the buttons shrink to what is still pending and the line shows progress.
 */
export function buildNudge(t: T, n: NudgeInput): Message {
  const total = n.slots.length;
  const done = n.slots.filter((s) => s.submitted).length;
  const names = n.slots.map((s) => s.employeeName).join(', ');
  const text =
    total === 1
      ? t('review.nudge.textOne', { due: n.due, names })
      : t('review.nudge.text', { count: total, due: n.due, names });
  const pending = n.slots.filter((s) => !s.submitted);
  const buttons: Button[] = pending.map((s, i) => ({
    actionId: ACTIONS.openReviewForm,
    label: t('review.nudge.open', { name: s.employeeName }),
    value: String(s.slotId),
    ...(i === 0 ? { style: 'primary' as const } : {}),
  }));
  const progress = done === total ? t('review.nudge.allDone', { total }) : t('review.nudge.progress', { done, total });
  return {
    text,
    blocks: [
      { type: 'header', text: t('review.nudge.header', { period: n.period }) },
      { type: 'text', text },
      { type: 'context', text: progress },
      // Slack allows 25 buttons per actions block; a team larger than that uses /review.
      ...(buttons.length ? [{ type: 'actions' as const, buttons: buttons.slice(0, 25) }] : []),
    ],
  };
}
