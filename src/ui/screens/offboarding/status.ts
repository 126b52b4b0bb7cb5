/** `/offboard status` and `/dandang report`: HR's view of open cases and of how long cases take. */
import type { Message } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { literal } from '../../markup.js';

export interface OpenCaseLine {
  id: number;
  /** Plain text (a name, the path's words, what it waits on); the builder shows it literally. */
  name: string;
  /** The case's path in words (协商一致解除). */
  path: string;
  days: number;
  /** What the case waits on, already in words: missing evidence and who supplies it, or a step and its person. */
  waiting: string;
}

export function buildCaseStatus(t: T, lines: OpenCaseLine[]): Message {
  const text = lines.length
    ? lines
        .map(
          (l) =>
            `• ${t('off.status.line', { id: l.id, name: literal(l.name), path: literal(l.path), days: l.days, waiting: literal(l.waiting) })}`,
        )
        .join('\n')
    : t('off.status.none');
  return {
    text: t('off.status.header'),
    blocks: [
      { type: 'header', text: t('off.status.header') },
      { type: 'text', text },
    ],
  };
}

export interface CaseReport {
  opened: number;
  open: number;
  closed: number;
  withdrawn: number;
  cycleMedianDays: number | null;
  cycleAverageDays: number | null;
  steps: { step: string; medianDays: number }[];
  disputed: number;
  refused: number;
}

export function buildCaseReport(t: T, r: CaseReport): Message {
  const lines = [
    t('off.report.counts', { opened: r.opened, open: r.open, closed: r.closed, withdrawn: r.withdrawn }),
    r.cycleMedianDays === null
      ? t('off.report.noCycle')
      : t('off.report.cycle', { median: r.cycleMedianDays, average: r.cycleAverageDays ?? 0 }),
    ...r.steps.map((s) => `• ${t('off.report.step', { step: literal(s.step), median: s.medianDays })}`),
    t('off.report.disputes', { disputed: r.disputed, refused: r.refused }),
  ];
  return {
    text: t('off.report.header'),
    blocks: [
      { type: 'header', text: t('off.report.header') },
      { type: 'text', text: lines.join('\n') },
    ],
  };
}
