/**
 * The case's root message in the HR channel and the manager's DM. Both are rebuilt from the same
 * builder on every change; once resolved, the buttons are replaced by an outcome line so the
 * thread keeps the history. Labels and gate sentences (labels.ts, gate-text.ts) are plain text,
 * also printed in the dossier; here they go into message markup, so they are written literal().
 */
import type { Block, Button, ChecklistItem, Message } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { ACTIONS } from '../../actions.js';
import type { MessageKey } from '../../i18n/index.js';
import { pathFor, type Step } from '../../../domain/policy/index.js';
import { rolesWaitingOn } from '../../../domain/policy/advance.js';
import { gateTextOf, type CaseView, type ScreenContext } from './view.js';
import { itemLabel, mention, pathBasis, pathLabel, roleList, stepLabel } from './labels.js';
import { blockerLine, itemDetail } from './gate-text.js';
import { settlementLines } from './settlement.js';
import { followUpValue } from '../evidence/follow-ups.js';
import { literal, userText } from '../../markup.js';

const dateIn = (ms: number, tz: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

function checklist(t: T, ctx: ScreenContext, v: CaseView, onlyMissing = false): Block[] {
  const items = pathFor(v.policy, v.reason).evidence;
  const g = gateTextOf(t, ctx, v);
  const lines: ChecklistItem[] = v.evaluation.items
    .filter((e) => !onlyMissing || !e.ok)
    .map((e) => {
      const item = items[e.id] ?? { kind: e.kind, label: undefined };
      return {
        ok: e.ok,
        label: literal(itemLabel(t, ctx.locale, item, e.id)),
        detail: items[e.id] ? literal(itemDetail(g, e.id, items[e.id]!, e)) : '',
      };
    });
  if (!v.evaluation.items.length) return [{ type: 'context', text: t('off.case.noEvidence') }];
  return lines.length ? [{ type: 'checklist', items: lines }] : [];
}

function blockers(t: T, ctx: ScreenContext, v: CaseView): Block[] {
  const g = gateTextOf(t, ctx, v);
  const lines = v.evaluation.blockers.map((b) => literal(blockerLine(g, b)));
  return [
    { type: 'text', text: t('off.case.blockers') },
    { type: 'text', text: lines.length ? lines.join('\n') : t('off.case.noBlockers') },
  ];
}

function stepsBlock(t: T, ctx: ScreenContext, v: CaseView): Block {
  const steps = pathFor(v.policy, v.reason).steps;
  const items: ChecklistItem[] = steps.map((s, i) => {
    const done = v.done.filter((d) => d.step === s.id);
    if (i < v.state.stepIndex || (v.state.status === 'closed' && done.length)) {
      return {
        ok: true,
        label: literal(stepLabel(t, ctx.locale, s)),
        detail: t('off.case.stepDoneBy', {
          who: done.map((d) => mention(d.actorId)).join(', ') || '—',
          date: done.length ? dateIn(done[done.length - 1]!.at, ctx.timezone) : '—',
        }),
      };
    }
    if (i === v.state.stepIndex && v.state.status === 'open') {
      const waiting = rolesWaitingOn(s, v.state.confirmations);
      const confirmed = Object.values(v.state.confirmations).filter((x): x is string => !!x);
      const detail = confirmed.length
        ? t('off.case.stepPartial', { done: confirmed.map(mention).join(', '), who: roleList(t, waiting) })
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
      ? `${t('off.btn.confirmAttendance')}: ${literal(stepLabel(t, ctx.locale, step))}`
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

function outcome(t: T, ctx: ScreenContext, v: CaseView): Block[] {
  if (v.state.status === 'closed')
    return [{ type: 'text', text: t('off.case.closed', { date: dateIn(v.closedAt ?? v.openedAt, ctx.timezone) }) }];
  if (v.state.status === 'withdrawn' && v.withdrawal) {
    return [
      {
        type: 'text',
        text: t('off.case.withdrawn', {
          date: dateIn(v.withdrawal.at, ctx.timezone),
          by: mention(v.withdrawal.by),
          reason: userText(v.withdrawal.reason, { linksClickable: v.withdrawal.byHr }),
        }),
      },
    ];
  }
  return [];
}

export const caseTitle = (t: T, ctx: ScreenContext, v: CaseView): string =>
  t('off.case.header', {
    path: literal(pathLabel(t, ctx.locale, v.policy, v.reason)),
    id: v.id,
    name: literal(v.employee.name),
  });

function header(t: T, ctx: ScreenContext, v: CaseView): Block[] {
  return [
    { type: 'header', text: caseTitle(t, ctx, v) },
    {
      type: 'fields',
      fields: [
        { label: t('off.case.employee'), value: mention(v.employee.id) },
        { label: t('off.case.job'), value: v.job ? literal(v.job.title) : t('off.case.none') },
        { label: t('off.case.manager'), value: v.manager ? mention(v.manager.id) : t('off.case.none') },
        {
          label: t('off.case.policy'),
          value: literal(`${pathBasis(ctx.locale, v.policy, v.reason)} (${v.policy.id} ${v.policy.version})`),
        },
        {
          label: t('off.case.reason'),
          value: `${literal(pathLabel(t, ctx.locale, v.policy, v.reason))}${v.reasonText ? `${t('gate.reasonSep')}${userText(v.reasonText, { linksClickable: v.openedByHr })}` : ''}`,
        },
        { label: t('off.case.openedBy'), value: mention(v.openedBy) },
      ],
    },
  ];
}

/** The root message in the HR channel. HR may see the settlement figures, including the 2N risk. */
export function buildCaseMessage(t: T, ctx: ScreenContext, v: CaseView): Message {
  const resolved = v.state.status !== 'open';
  const settlement = v.settlement
    ? // Plain text (the dossier prints it too), with what HR typed in the release.
      settlementLines(t, v.settlement, { showRisk: true, path: pathLabel(t, ctx.locale, v.policy, v.reason) }).map(
        literal,
      )
    : [];
  const buttons: Button[] = resolved
    ? []
    : [
        ...stepButtons(t, ctx, v, 'hr'),
        { actionId: ACTIONS.caseOpenWithdraw, label: t('off.btn.withdraw'), value: String(v.id), style: 'danger' },
        { actionId: ACTIONS.caseExportDossier, label: t('off.btn.dossier'), value: String(v.id) },
      ];
  const blocks: Block[] = [
    ...header(t, ctx, v),
    { type: 'divider' },
    { type: 'text', text: t('off.case.checklist') },
    ...checklist(t, ctx, v),
    ...blockers(t, ctx, v),
    { type: 'text', text: t('off.case.steps') },
    stepsBlock(t, ctx, v),
    ...(settlement.length ? [{ type: 'text' as const, text: [t('off.settle.header'), ...settlement].join('\n') }] : []),
    ...(resolved
      ? [
          { type: 'divider' as const },
          ...outcome(t, ctx, v),
          {
            type: 'actions' as const,
            buttons: [{ actionId: ACTIONS.caseExportDossier, label: t('off.btn.dossier'), value: String(v.id) }],
          },
        ]
      : [{ type: 'actions' as const, buttons }]),
  ];
  const missing = v.evaluation.items.filter((i) => !i.ok).length;
  return {
    text: `${caseTitle(t, ctx, v)}${missing ? ` (${missing} ❌)` : ''}`,
    blocks,
    // An open case is worked on for weeks from this card.
    ...(resolved ? {} : { lasting: true as const }),
  };
}

/**
 * The manager's DM: what is missing and the buttons to add it. Never the severance figures: the
 * risk number is for HR only.
 */
export function buildManagerCaseDm(t: T, ctx: ScreenContext, v: CaseView): Message {
  const resolved = v.state.status !== 'open';
  const missing = v.evaluation.items.some((i) => !i.ok);
  const helpButtons: Button[] =
    resolved || !missing
      ? []
      : [
          {
            actionId: ACTIONS.promptConversation,
            label: t('off.btn.addConversation'),
            value: followUpValue(v.employee.id, v.missedKpiKeys),
          },
          {
            actionId: ACTIONS.promptTrainingPlan,
            label: t('off.btn.planTraining'),
            value: followUpValue(v.employee.id, v.missedKpiKeys),
          },
          ...(v.latestTrainingPlanId
            ? [
                {
                  actionId: ACTIONS.openReassessment,
                  label: t('off.btn.reassess'),
                  value: String(v.latestTrainingPlanId),
                },
              ]
            : []),
        ];
  const buttons = [...stepButtons(t, ctx, v, 'manager'), ...helpButtons];
  const dmTitle = t('off.dm.header', {
    path: literal(pathLabel(t, ctx.locale, v.policy, v.reason)),
    id: v.id,
    name: literal(v.employee.name),
  });
  const blocks: Block[] = [
    { type: 'header', text: dmTitle },
    {
      type: 'text',
      text: t('off.dm.intro', {
        by: mention(v.openedBy),
        name: literal(v.employee.name),
        reason: literal(pathLabel(t, ctx.locale, v.policy, v.reason)),
      }),
    },
    ...(missing
      ? [{ type: 'text' as const, text: t('off.dm.missing') }, ...checklist(t, ctx, v, true)]
      : [{ type: 'text' as const, text: t('off.dm.complete') }]),
    { type: 'text', text: t('off.case.steps') },
    stepsBlock(t, ctx, v),
    ...(resolved ? outcome(t, ctx, v) : buttons.length ? [{ type: 'actions' as const, buttons }] : []),
  ];
  return { text: dmTitle, blocks, ...(resolved ? {} : { lasting: true as const }) };
}
