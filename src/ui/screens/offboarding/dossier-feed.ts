import type { T } from '../../i18n/index.js';
import type { DossierData } from '../../../ports/repos/cases.js';

type Result = DossierData['reviews'][number]['results'][number];

/**
 * What a data feed sent for a review's KPI and, when the manager recorded another figure, why:
 * plain text the HTML escapes and the CSV quotes. '' when no feed was involved.
 */
export function feedText(t: T, x: Result): string {
  const parts: string[] = [];
  if (x.imported) parts.push(t('off.dossier.imported', { source: x.imported.source, value: x.imported.value }));
  if (x.changeReason !== null)
    parts.push(
      x.imported
        ? t('off.dossier.changeReason', { reason: x.changeReason })
        : t('off.dossier.typedForFeed', { reason: x.changeReason }),
    );
  return parts.join('; ');
}
