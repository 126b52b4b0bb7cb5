/** HR's weekly digest of early warnings: people at risk per department, and managers with duty gaps. */
import type { Block, Message } from '../../model.js';
import type { T } from '../../i18n/index.js';
import type { DutyGap } from '../../../domain/warning/index.js';
import { dutyGapCounts } from './duty-gap-text.js';
import { literal } from '../../markup.js';

/** Lines per list, so the digest stays well inside every platform's message limits. */
export const MAX_DIGEST_LINES = 30;

export interface HrDigestData {
  week: string;
  departments: { department: string; atRisk: number; people: number }[];
  managers: { name: string; gaps: DutyGap[] }[];
}

function list(t: T, header: string, lines: string[], none: string): Block {
  const shown = lines.slice(0, MAX_DIGEST_LINES).map((l) => `· ${l}`);
  if (lines.length > MAX_DIGEST_LINES) shown.push(t('warning.hr.more', { count: lines.length - MAX_DIGEST_LINES }));
  return { type: 'text', text: [header, ...(lines.length ? shown : [none])].join('\n') };
}

export function buildHrWarningDigest(t: T, d: HrDigestData): Message {
  const title = t('warning.hr.title', { week: d.week });
  const departments = d.departments
    .filter((x) => x.atRisk > 0)
    .map((x) => t('warning.hr.department', { department: literal(x.department), count: x.atRisk, people: x.people }));
  const managers = d.managers.map((m) =>
    t('warning.hr.manager', { name: literal(m.name), gaps: dutyGapCounts(t, m.gaps) }),
  );
  return {
    text: title,
    blocks: [
      { type: 'header', text: title },
      list(t, t('warning.hr.atRisk'), departments, t('warning.hr.none')),
      list(t, t('warning.hr.gaps'), managers, t('warning.hr.noGaps')),
      { type: 'context', text: t('warning.hr.footer') },
    ],
  };
}
