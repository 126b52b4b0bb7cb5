/** Notice, severance and release lines. `showRisk` is true only for HR audiences (the 2N figure). */
import type { T } from '../../i18n/index.js';
import type { ReleaseLine, Settlement } from '../../../domain/settlement.js';

const money = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** The release's lines as one list in the reader's language ("text: amount; …" / "text：amount；…"). */
export const releaseItems = (t: T, lines: readonly ReleaseLine[]): string =>
  lines
    .map((l) => (l.amount === null ? l.text : t('gate.releaseItem', { text: l.text, amount: money(l.amount) })))
    .join(t('gate.recordSep'));

export function settlementLines(t: T, s: Settlement, opts: { showRisk: boolean; path: string }): string[] {
  const out: string[] = [];
  const n = s.notice;
  const currency = s.currency;
  // An Art. 39 decision (or a path with no notice) ends the employment the day it is given.
  if (!s.release)
    out.push(
      n.payInLieu
        ? t('off.settle.lieu', { lastDay: n.lastDay })
        : n.days === 0
          ? t('off.settle.immediate', { lastDay: n.lastDay })
          : t('off.settle.notice', { noticeDate: n.noticeDate, lastDay: n.lastDay, days: n.days }),
    );
  if (s.severance) {
    const v = s.severance;
    if (v.raisedToMinimum) out.push(t('off.settle.minimum', { average: money(v.averageWage) }));
    for (const [key, seg] of [
      ['off.settle.preLaw', v.preLaw],
      ['off.settle.postLaw', v.postLaw],
    ] as const)
      if (seg && v.preLaw)
        out.push(
          t(key, {
            from: seg.from,
            to: seg.to,
            months: seg.months,
            wage: money(seg.wage),
            amount: money(seg.amount),
            currency,
          }),
        );
    out.push(t('off.settle.n', { months: v.months, wage: money(v.wageBase), amount: money(v.n), currency }));
    if (v.capped) out.push(t('off.settle.capped'));
    if (v.capUnknown) out.push(t('off.settle.capUnknown'));
  }
  if (s.payInLieu !== null) out.push(t('off.settle.lieuAmount', { amount: money(s.payInLieu), currency }));
  if (s.severance && s.payInLieu !== null && s.total !== null)
    out.push(t('off.settle.total', { amount: money(s.total), currency }));
  if (s.severance && opts.showRisk && s.showUnlawfulRisk)
    out.push(t('off.settle.risk', { amount: money(s.severance.unlawfulRisk), currency }));
  if (s.noSeverance === 'employee_proposed') out.push(t('off.settle.employeeProposed'));
  if (s.noSeverance === 'not_on_this_path') out.push(t('off.settle.noneOnPath', { path: opts.path }));
  if (s.release) {
    out.push(
      t('off.settle.release', {
        proposer: t(`gate.proposer.${s.release.proposedBy}`),
        items: releaseItems(t, s.release.lines),
        total: money(s.release.total),
        currency,
      }),
    );
    if (s.release.belowN && s.severance)
      out.push(t('off.settle.releaseBelowN', { total: money(s.release.total), n: money(s.severance.n), currency }));
  }
  if (s.severanceMissing.length)
    out.push(
      t('off.settle.missing', {
        missing: s.severanceMissing.map((m) => t(`gate.missing.${m}`)).join(t('common.listSep')),
      }),
    );
  if (s.owbpa)
    out.push(
      t('off.settle.owbpa', {
        until: s.owbpa.considerUntil,
        groupUntil: s.owbpa.groupConsiderUntil,
        revoke: s.owbpa.revokeDays,
      }),
    );
  return out;
}
