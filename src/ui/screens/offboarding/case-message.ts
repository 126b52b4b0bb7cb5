/**
 * The case's root message in the HR channel and the manager's DM. Both are rebuilt from the same
 * builder on every change; once resolved, the buttons are replaced by an outcome line so the
 * thread keeps the history. Labels and gate sentences (labels.ts, gate-text.ts) are plain text,
 * also printed in the dossier; here they go into message markup, so they are written literal().
 */
import type { Block, Button, ChecklistItem, Message } from '../../model.js';
import { fileButtons } from '../files/file-lines.js';
import type { T } from '../../i18n/index.js';
import { ACTIONS } from '../../actions.js';
import { pathFor } from '../../../domain/policy/index.js';
import { gateTextOf, type CaseView, type ScreenContext } from './view.js';
import { itemLabel, mention, pathBasis, pathLabel, stepLabel } from './labels.js';
import { blockerLine, itemDetail } from './gate-text.js';
import { settlementLines } from './settlement.js';
import { followUpValue } from '../evidence/follow-ups.js';
import { literal, userText } from '../../markup.js';
import { dateIn, stepButtons, stepsBlock } from './case-steps.js';

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

/**
 * Protected statuses. On a path they bar (Art. 40(2), every US and UK dismissal) they are the
 * 不得解除的情形 and always listed. On a path nothing bars (Art. 36 and Art. 39 are not restricted
 * by Art. 42; an agreed exit) a status in force is shown for information only, never as a bar.
 */
function blockers(t: T, ctx: ScreenContext, v: CaseView): Block[] {
  const g = gateTextOf(t, ctx, v);
  const path = pathFor(v.policy, v.reason);
  if (path.blockersAtOpen || path.steps.some((s) => s.checksBlockers)) {
    const lines = v.evaluation.blockers.map((b) => literal(blockerLine(g, b)));
    return [
      { type: 'text', text: t('off.case.blockers') },
      { type: 'text', text: lines.length ? lines.join('\n') : t('off.case.noBlockers') },
    ];
  }
  // A status that only could apply (a missing birth date) says nothing on a path it does not bar.
  const inForce = v.evaluation.blockers.filter((b) => !b.unknown);
  if (!inForce.length) return [];
  return [
    { type: 'text', text: t('off.case.statusesNoBar') },
    { type: 'text', text: inForce.map((b) => literal(blockerLine(g, b).replace(/^⛔ /, 'ℹ️ '))).join('\n') },
  ];
}

/** What the line manager does on this path, or that HR does it all. */
function managerPart(t: T, ctx: ScreenContext, v: CaseView): string {
  const theirs = pathFor(v.policy, v.reason).steps.filter((s) => s.who.includes('manager'));
  if (!theirs.length) return t('off.dm.hrSteps');
  return t('off.dm.yourSteps', {
    steps: theirs.map((s) => literal(stepLabel(t, ctx.locale, s))).join(t('gate.listSep')),
  });
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
          value: literal(
            t('common.aside', {
              text: pathBasis(ctx.locale, v.policy, v.reason),
              aside: `${v.policy.id} ${v.policy.version}`,
            }),
          ),
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
        // The signed notice, the union's reply: filed on the case (on Feishu, also by replying to this card).
        ...fileButtons(t, { type: 'case', id: v.id }, { mayAttach: true, count: 0 }),
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
    text: missing ? t('common.aside', { text: caseTitle(t, ctx, v), aside: `${missing} ❌` }) : caseTitle(t, ctx, v),
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
  // Conversations, training and a reassessment are the remedy of a performance case, not of the others.
  const helpButtons: Button[] =
    resolved || !missing || v.reason !== 'performance'
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
      text: [
        t('off.dm.intro', {
          by: mention(v.openedBy),
          name: literal(v.employee.name),
          reason: literal(pathLabel(t, ctx.locale, v.policy, v.reason)),
        }),
        ...(missing ? [t('off.dm.gated')] : []),
        managerPart(t, ctx, v),
      ].join(t('off.dm.sentenceSep')),
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
