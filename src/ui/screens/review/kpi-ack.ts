import type { Message, Block } from '../../model.js';
import type { T } from '../../i18n/index.js';
import type { Kpi } from '../../../ports/records.js';
import { ACTIONS } from '../../actions.js';

/** The subject id of a KPI acknowledgment and the value of its button: `<job>@<version>`. */
export const kpiSubjectId = (jobId: string, version: number) => `${jobId}@${version}`;
export function parseKpiSubjectId(value: string): { jobId: string; version: number } | null {
  const at = value.lastIndexOf('@');
  if (at <= 0) return null;
  const version = Number(value.slice(at + 1));
  return Number.isInteger(version) && version > 0 ? { jobId: value.slice(0, at), version } : null;
}

/** Asks a job holder to acknowledge a KPI version; rebuilt with `acknowledged` once they do. */
export function buildKpiAckRequest(
  t: T,
  r: { jobId: string; jobTitle: string; version: number; kpis: Kpi[]; acknowledged?: boolean },
): Message {
  const header = t('kpi.ack.header', { job: r.jobTitle, version: r.version });
  const lines = r.kpis
    .map((k) =>
      t('kpi.ack.line', {
        name: k.name,
        op: t(k.direction === 'higher' ? 'kpi.op.higher' : 'kpi.op.lower'),
        target: k.target,
        unit: k.unit,
      }).trim(),
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
              actionId: ACTIONS.acknowledgeKpis,
              label: t('kpi.ack.button'),
              value: kpiSubjectId(r.jobId, r.version),
              style: 'primary',
            },
          ],
        },
  ];
  return { text: header, blocks };
}
