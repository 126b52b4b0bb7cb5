import type { Kpi } from '../../../ports/records.js';
import type { T } from '../../i18n/index.js';

/** "≥ 40 per week" */
export const kpiTarget = (t: T, k: Pick<Kpi, 'target' | 'direction' | 'unit'>) =>
  `${t(k.direction === 'higher' ? 'kpi.op.higher' : 'kpi.op.lower')} ${k.target}${k.unit ? ` ${k.unit}` : ''}`;

export const kpiLabel = (k: Pick<Kpi, 'name' | 'unit'>) => (k.unit ? `${k.name} (${k.unit})` : k.name);
