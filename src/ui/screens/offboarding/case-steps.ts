/**
 * The steps of a case as its card shows them: each step done (by whom, when) or waiting (on whom),
 * and the buttons of the step the case waits on, for the people who may still press them, each
 * asking "are you sure?" with what it will do.
 */
import type { Block, Button, ChecklistItem } from '../../model.js';
import type { T, MessageKey } from '../../i18n/index.js';
import { ACTIONS } from '../../actions.js';
import { pathFor, type Step } from '../../../domain/policy/index.js';
import { rolesWaitingOn } from '../../../domain/policy/advance.js';
import type { CaseView, ScreenContext } from './view.js';
import { mention, roleList, stepLabel } from './labels.js';
import { literal } from '../../markup.js';

export const dateIn = (ms: number, tz: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

export function stepsBlock(t: T, ctx: ScreenContext, v: CaseView): Block {
  const steps = pathFor(v.policy, v.reason).steps;
  const items: ChecklistItem[] = steps.map((s, i) => {
    const done = v.done.filter((d) => d.step === s.id);
    if (i < v.state.stepIndex || (v.state.status === 'closed' && done.length)) {
      return {
        ok: true,
        label: literal(stepLabel(t, ctx.locale, s)),
        detail: t('off.case.stepDoneBy', {
          who: done.map((d) => mention(d.actorId)).join(t('gate.listSep')) || '—',
          date: done.length ? dateIn(done[done.length - 1]!.at, ctx.timezone) : '—',
        }),
      };
    }
    if (i === v.state.stepIndex && v.state.status === 'open') {
      const waiting = rolesWaitingOn(s, v.state.confirmations);
      const confirmed = Object.values(v.state.confirmations).filter((x): x is string => !!x);
      const detail = confirmed.length
        ? t('off.case.stepPartial', { done: confirmed.map(mention).join(t('gate.listSep')), who: roleList(t, waiting) })
        : t('off.case.stepWaiting', { who: roleList(t, waiting) });
      return { ok: false, label: literal(stepLabel(t, ctx.locale, s)), detail };
    }
    return { ok: false, label: literal(stepLabel(t, ctx.locale, s)) };
  });
  return { type: 'checklist', items };
}

/** "Are you sure?" with what the step will do, for a step that records on click. */
function confirmOf(t: T, ctx: ScreenContext, v: CaseView, step: Step, inLieu = false): Button['confirm'] {
  const params = { name: literal(v.employee.name), step: literal(stepLabel(t, ctx.locale, step)) };
  const keys = [
    ...(inLieu ? ['gate.confirm.notice_in_lieu'] : []),
    `gate.confirm.${step.id}`,
    ...(step.checksBlockers && step.input === 'none' ? ['gate.confirm.check'] : []),
  ];
  const key = keys.find((k) => t(k as MessageKey) !== k) ?? 'gate.confirm.generic';
  return {
    title: t('gate.confirm.title'),
    text: t(key as MessageKey, params),
    confirm: t('gate.confirm.yes'),
    deny: t('common.cancel'),
  };
}

/**
 * The buttons of the step the case waits on, for the people who may still press them: HR in the
 * HR channel, the line manager in their DM. The use case re-checks everything on click.
 */
export function stepButtons(t: T, ctx: ScreenContext, v: CaseView, forRole: 'hr' | 'manager'): Button[] {
  if (v.state.status !== 'open') return [];
  const step = pathFor(v.policy, v.reason).steps[v.state.stepIndex];
  if (!step || !rolesWaitingOn(step, v.state.confirmations).includes(forRole)) return [];
  const value = `${v.id}:${step.id}`;
  const label =
    step.mode === 'all'
      ? t('common.labelled', { label: t('off.btn.confirmAttendance'), value: literal(stepLabel(t, ctx.locale, step)) })
      : literal(stepLabel(t, ctx.locale, step));
  if (step.input === 'date' || step.input === 'release' || step.input === 'hearing' || step.input === 'appeal')
    return [{ actionId: ACTIONS.caseOpenStepForm, label, value, style: 'primary' }];
  if (step.input === 'notice') {
    const rule = pathFor(v.policy, v.reason).notice;
    if (rule.kind === 'fixed_days') {
      const out: Button[] = [
        {
          actionId: ACTIONS.caseAdvance,
          label: t('off.btn.notice', { days: rule.days }),
          value,
          style: 'primary',
          confirm: confirmOf(t, ctx, v, step),
        },
      ];
      // Pay in lieu asks for the previous month's wage in a form, which says what it will do.
      if (rule.payInLieu)
        out.push({ actionId: ACTIONS.caseOpenStepForm, label: t('off.btn.noticeInLieu'), value: `${value}:lieu` });
      return out;
    }
  }
  return [{ actionId: ACTIONS.caseAdvance, label, value, style: 'primary', confirm: confirmOf(t, ctx, v, step) }];
}
