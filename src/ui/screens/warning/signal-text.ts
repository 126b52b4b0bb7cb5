/**
 * A warning in words: one line for why (the reason), one for the figures behind it (the data
 * points), and the suggested next step as a button. Shared by the manager's DM and any later view.
 */
import type { Button } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { ACTIONS } from '../../actions.js';
import { followUpValue } from '../evidence/follow-ups.js';
import { kpiTargetMarkup } from '../../kpi-text.js';
import type { PersonSignal, Suggestion } from '../../../domain/warning/index.js';
import { literal } from '../../markup.js';
import { periodMarkup } from '../../period.js';

/** Figures as people read them: at most one decimal, no trailing zeros, a real minus sign. */
export const figure = (n: number) => String(Math.round(n * 10) / 10).replace('-', '−');

export function reasonLine(t: T, s: PersonSignal): string {
  switch (s.kind) {
    case 'kpi_below':
      return t('warning.reason.kpi_below', { kpi: literal(s.kpiName), missed: s.missed, of: s.of });
    case 'kpi_trend':
      return t('warning.reason.kpi_trend', {
        kpi: literal(s.kpiName),
        slope: `${figure(Math.abs(s.slopePerPeriod))}${s.unit ? ` ${literal(s.unit)}` : ''}`,
      });
    case 'rating_drop':
      return t('warning.reason.rating_drop', { latest: s.latest.rating, average: figure(s.average) });
    case 'absence':
      return t('warning.reason.absence', { weeks: s.weeks.length });
  }
}

export function dataPointsLine(t: T, s: PersonSignal): string {
  switch (s.kind) {
    case 'kpi_below': {
      const last = s.points.at(-1)!;
      return t('warning.points.kpi_below', {
        kpi: literal(s.kpiName),
        values: s.points
          .map((p) => `${periodMarkup(t, p.period)} ${figure(p.actual)}${p.met ? '' : ' ✗'}`)
          .join(t('common.listSep')),
        target: kpiTargetMarkup(t, { target: last.target, direction: last.direction, unit: s.unit }),
      });
    }
    case 'kpi_trend':
      return t('warning.points.kpi_trend', {
        kpi: literal(s.kpiName),
        values: s.points.map((p) => figure(p.actual)).join(' → '),
        t: s.tStat === -Infinity ? '−∞' : figure(s.tStat),
        critical: figure(s.tCritical),
        periods: s.periodsToTarget,
      });
    case 'rating_drop':
      return t('warning.points.rating_drop', {
        before: s.points
          .slice(0, -1)
          .map((p) => p.rating)
          .join(t('common.listSep')),
        latest: s.latest.rating,
      });
    case 'absence':
      return t('warning.points.absence', {
        days: s.weeks.map((w) => figure(w.days)).join(' / '),
        team: s.weeks.map((w) => figure(w.teamAverage)).join(' / '),
      });
  }
}

/** KPI keys the signals are about, for pre-filling a training plan or a conversation note. */
export const signalKpiKeys = (signals: readonly PersonSignal[]) => [
  ...new Set(signals.flatMap((s) => (s.kind === 'kpi_below' || s.kind === 'kpi_trend' ? [s.kpiKey] : []))),
];

export function suggestionText(t: T, s: Suggestion, kpiNames: string[]): string {
  return s.kind === 'training'
    ? t('warning.suggest.training', { kpis: kpiNames.map(literal).join(t('common.listSep')) })
    : t(`warning.suggest.conversation.${s.purpose}`);
}

/**
 * The button for the suggested step: the existing "plan training" form pre-filled with the KPIs,
 * or the "schedule a conversation" form (a conversation is planned before it is held; the note
 * form records one that happened). A supportive conversation gets no KPIs, so its agenda, which
 * the employee sees, is about how they are, not their figures. The use cases authorize the click.
 */
export function suggestionButton(t: T, personId: string, signals: readonly PersonSignal[], s: Suggestion): Button {
  if (s.kind === 'training')
    return {
      actionId: ACTIONS.promptTrainingPlan,
      label: t('warning.action.training'),
      value: followUpValue(personId, s.kpiKeys),
      style: 'primary',
    };
  return {
    actionId: ACTIONS.scheduleConversation,
    label: t(`warning.action.conversation.${s.purpose}`),
    value: followUpValue(personId, s.purpose === 'support' ? [] : signalKpiKeys(signals)),
    style: 'primary',
  };
}
