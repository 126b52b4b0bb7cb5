/** How a KPI's target reads, everywhere it is shown: messages, forms, the dossier and its CSV. */
import type { Kpi } from '../domain/kpi.js';
import type { T } from './i18n/index.js';
import { literal } from './markup.js';

/**
 * "≥ 40 per week": a target always says its unit, also next to a figure that has one ("30 per
 * week (target ≥ 40 per week)"), so no reader meets a bare "目标 ≥ 200".
 */
export const kpiTargetText = (
  t: T,
  // `direction` is a string where a KPI comes back from storage (the dossier); only 'higher' means ≥.
  k: { target: number; direction: Kpi['direction'] | string; unit: string },
): string => {
  const op = t(k.direction === 'higher' ? 'kpi.op.higher' : 'kpi.op.lower');
  return `${op} ${k.target}${k.unit ? ` ${k.unit}` : ''}`;
};

export const kpiLabel = (t: T, k: Pick<Kpi, 'name' | 'unit'>) =>
  k.unit ? t('common.aside', { text: k.name, aside: k.unit }) : k.name;

/**
 * The target as message markup: the KPI's own words (its unit, from the job file) are literal text,
 * so a unit written `*h*` or `<@person:x>` is shown as written. `kpiTargetText` stays plain for
 * the dossier and its CSV.
 */
export const kpiTargetMarkup = (
  t: T,
  k: { target: number; direction: Kpi['direction'] | string; unit: string },
): string => kpiTargetText(t, { ...k, unit: literal(k.unit) });

/** `kpiLabel` as message markup (name and unit literal). */
export const kpiLabelMarkup = (t: T, k: Pick<Kpi, 'name' | 'unit'>) =>
  kpiLabel(t, { name: literal(k.name), unit: literal(k.unit) });
