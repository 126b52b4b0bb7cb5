/** Notice and severance lines. `showRisk` is true only for HR audiences (the 2N figure). */
import type { T } from '../../i18n/index.js';
import type { Settlement } from '../../../domain/severance.js';

const money = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });

export function settlementLines(t: T, s: Settlement, opts: { showRisk: boolean }): string[] {
  const out: string[] = [];
  const n = s.notice;
  out.push(
    n.payInLieu
      ? t('off.settle.lieu', { lastDay: n.lastDay })
      : t('off.settle.notice', { noticeDate: n.noticeDate, lastDay: n.lastDay, days: n.days }),
  );
  if (s.severance) {
    const v = s.severance;
    out.push(
      t('off.settle.n', { months: v.months, wage: money(v.wageBase), amount: money(v.n), currency: s.currency }),
    );
    if (v.capped) out.push(t('off.settle.capped'));
    if (v.capUnknown) out.push(t('off.settle.capUnknown'));
    if (n.payInLieu) out.push(t('off.settle.total', { amount: money(v.total), currency: s.currency }));
    if (opts.showRisk) out.push(t('off.settle.risk', { amount: money(v.unlawfulRisk), currency: s.currency }));
  }
  if (s.severanceMissing.length) out.push(t('off.settle.missing', { missing: s.severanceMissing.join(', ') }));
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
