/**
 * The manager's weekly DM: "2 people may need help", each person with the reason in one line, the
 * figures behind it, and one button for the suggested step; then the manager's own open duties.
 * Names are plain text, never mentions: a warning must not notify the person it is about.
 */
import type { Block, Message } from '../../model.js';
import type { T } from '../../i18n/index.js';
import type { DutyGap, PersonSignal, Suggestion } from '../../../domain/warning/index.js';
import { dataPointsLine, reasonLine, suggestionButton, suggestionText } from './signal-text.js';
import { dutyGapLine } from './duty-gap-text.js';
import { literal } from '../../markup.js';

/** People listed in one DM: two blocks each keeps the message within Slack's 50 blocks. */
export const MAX_PEOPLE_PER_DM = 15;

export interface WarnedPerson {
  personId: string;
  name: string;
  signals: PersonSignal[];
  suggestion: Suggestion;
  /** Names of the KPIs a training suggestion is about. */
  kpiNames: string[];
}

function personBlocks(t: T, p: WarnedPerson): Block[] {
  const [first, ...rest] = p.signals;
  const reason = rest.length
    ? t('warning.reason.andMore', { reason: reasonLine(t, first!), count: rest.length })
    : reasonLine(t, first!);
  const lines = [
    t('warning.person', { name: literal(p.name), reason }),
    ...p.signals.map((s) => `· ${dataPointsLine(t, s)}`),
    t('warning.dm.suggested', { action: suggestionText(t, p.suggestion, p.kpiNames) }),
  ];
  return [
    { type: 'text', text: lines.join('\n') },
    { type: 'actions', buttons: [suggestionButton(t, p.personId, p.signals, p.suggestion)] },
  ];
}

export function buildManagerWarnings(
  t: T,
  d: { people: WarnedPerson[]; gaps: DutyGap[]; nameOf: (id: string) => string },
): Message {
  const count = d.people.length;
  const title = count
    ? count === 1
      ? t('warning.dm.titleOne')
      : t('warning.dm.title', { count })
    : t('warning.dm.titleDutiesOnly');
  const blocks: Block[] = [{ type: 'header', text: title }];
  if (count) blocks.push({ type: 'context', text: t('warning.dm.intro') });
  for (const p of d.people.slice(0, MAX_PEOPLE_PER_DM)) blocks.push(...personBlocks(t, p));
  if (count > MAX_PEOPLE_PER_DM)
    blocks.push({ type: 'context', text: t('warning.dm.more', { count: count - MAX_PEOPLE_PER_DM }) });
  if (d.gaps.length) {
    blocks.push({ type: 'divider' });
    blocks.push({
      type: 'text',
      text: [t('warning.dm.duties'), ...d.gaps.map((g) => `· ${dutyGapLine(t, g, d.nameOf)}`)].join('\n'),
    });
  }
  // The notification text names nobody: it can show on a lock screen.
  return { text: title, blocks };
}
