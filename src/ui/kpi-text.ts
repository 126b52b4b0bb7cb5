/** How a KPI's target reads, everywhere it is shown: messages, forms, the dossier and its CSV. */
import type { Kpi } from '../domain/kpi.js';
import type { T } from './i18n/index.js';

/**
 * "≥ 40 per week". Pass `{ unit: false }` where the unit is already shown next to the figure
 * ("30 per week (target ≥ 40)").
 */
export const kpiTargetText = (
  t: T,
  // `direction` is a string where a KPI comes back from storage (the dossier); only 'higher' means ≥.
  k: { target: number; direction: Kpi['direction'] | string; unit: string },
  opts: { unit?: boolean } = {},
): string => {
  const op = t(k.direction === 'higher' ? 'kpi.op.higher' : 'kpi.op.lower');
  const unit = opts.unit !== false && k.unit ? ` ${k.unit}` : '';
  return `${op} ${k.target}${unit}`;
};

export const kpiLabel = (k: Pick<Kpi, 'name' | 'unit'>) => (k.unit ? `${k.name} (${k.unit})` : k.name);
