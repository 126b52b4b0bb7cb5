import type { Message, Block } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { kpiSubjectId, type Kpi } from '../../../domain/kpi.js';
import { kpiTargetMarkup } from '../../kpi-text.js';
import { ACTIONS } from '../../actions.js';
import { literal } from '../../markup.js';

/** Asks a job holder to acknowledge a KPI version; rebuilt with `acknowledged` once they do. */
export function buildKpiAckRequest(
  t: T,
  r: { jobId: string; jobTitle: string; version: number; kpis: Kpi[]; acknowledged?: boolean },
): Message {
  const header = t('kpi.ack.header', { job: literal(r.jobTitle), version: r.version });
  const lines = r.kpis
    .map((k) =>
      t('kpi.ack.line', {
        name: literal(k.name),
        target: kpiTargetMarkup(t, k),
      }),
    )
    .join('\n');
  const blocks: Block[] = [
    { type: 'header', text: header },
    { type: 'text', text: t('kpi.ack.text') },
    { type: 'text', text: lines },
    r.acknowledged
      ? { type: 'context', text: t('kpi.ack.done', { version: r.version }) }
      : {
          type: 'actions',
          buttons: [
            {
              // The button's value names the KPI version: `<job>@<version>`.
              actionId: ACTIONS.acknowledgeKpis,
              label: t('kpi.ack.button'),
              value: kpiSubjectId(r.jobId, r.version),
              style: 'primary',
            },
          ],
        },
  ];
  return { text: header, blocks, ...(r.acknowledged ? {} : { lasting: true as const }) };
}
