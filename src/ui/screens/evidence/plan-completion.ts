/**
 * "The training has finished": the DM the person who owns the reassessment (the employee's manager,
 * else the plan's author) gets when a plan's last session ends, with **Mark the plan complete** and
 * a Mark attendance button for each session that has none. Rebuilt in place once the plan is
 * complete: the buttons give way to who completed it, and **Record the reassessment**.
 */
import type { Block, Button, Message } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { ACTIONS } from '../../actions.js';
import { attendanceText, sessionMarkupParams, type PlanView } from './training.js';
import { literal } from '../../markup.js';

export type PlanEndedState = { state: 'open' } | { state: 'completed'; by: string; date: string; reassessed: boolean };

export function buildPlanEndedPrompt(t: T, v: PlanView, s: PlanEndedState): Message {
  const p = v.plan;
  const last = p.sessions.reduce((a, b) => (b.endsAt > a.endsAt ? b : a), p.sessions[0]!);
  const header = t('ev.planEnded.header', { name: literal(v.employeeName) });
  const text = t('ev.planEnded.text', {
    name: literal(v.employeeName),
    goal: literal(p.goal),
    date: sessionMarkupParams(last, v.zone).date,
  });
  const attendanceOf = (sessionId: number) =>
    v.attendance.find((a) => a.sessionId === sessionId && a.personId === p.personId);
  const lines = p.sessions.map(
    (session) =>
      `${t('ev.training.session', sessionMarkupParams(session, v.zone))} — ${attendanceText(t, attendanceOf(session.id))}`,
  );
  const blocks: Block[] = [
    { type: 'header', text: header },
    { type: 'text', text },
    { type: 'text', text: [t('ev.training.sessions'), ...lines].join('\n') },
  ];
  if (s.state === 'open') {
    const buttons: Button[] = [
      { actionId: ACTIONS.completeTraining, label: t('ev.training.complete'), value: String(p.id), style: 'primary' },
      ...p.sessions.flatMap((session, i) =>
        attendanceOf(session.id)
          ? []
          : [
              {
                actionId: ACTIONS.openMarkAttendance,
                label: `${t('ev.training.markButton')} ${i + 1}`,
                value: String(session.id),
              },
            ],
      ),
    ];
    blocks.push({ type: 'actions', buttons });
  } else {
    blocks.push({ type: 'context', text: t('ev.planEnded.completed', { by: literal(s.by), date: s.date }) });
    if (!s.reassessed)
      blocks.push({
        type: 'actions',
        buttons: [
          {
            actionId: ACTIONS.openReassessment,
            label: t('ev.training.reassessButton'),
            value: String(p.id),
            style: 'primary',
          },
        ],
      });
  }
  // Completed and reassessed on the manager's schedule, often weeks after the last session.
  const waiting = s.state === 'open' || !s.reassessed;
  return { text: header, blocks, ...(waiting ? { lasting: true as const } : {}) };
}
