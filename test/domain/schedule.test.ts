import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../src/domain/schedule.js';
import { makeWorkCalendar } from '../../src/domain/calendar.js';
import {
  parsePeriodLabel,
  addDuration,
  dueInstant,
  formatLocal,
  openInstant,
  periodAfter,
  periodContaining,
} from '../../src/domain/schedule.js';
import { dateIn } from '../../src/domain/dates.js';

const weekly: Schedule = { cadence: 'weekly', openDay: 'mon', openTime: '09:00', dueDay: 'fri', dueTime: '18:00' };
const iso = (ms: number) => new Date(ms).toISOString();
const NY = 'America/New_York';
const SH = 'Asia/Shanghai';

describe('periodContaining', () => {
  it('weekly is the ISO week', () => {
    expect(periodContaining('weekly', '2026-11-27')).toEqual({
      label: '2026-W48',
      start: '2026-11-23',
      end: '2026-11-29',
    });
    expect(periodContaining('weekly', '2026-11-29')).toEqual({
      label: '2026-W48',
      start: '2026-11-23',
      end: '2026-11-29',
    });
    // ISO week-numbering year: 2027-01-01 (Friday) is in 2026-W53.
    expect(periodContaining('weekly', '2027-01-01').label).toBe('2026-W53');
    expect(periodContaining('weekly', '2025-12-29').label).toBe('2026-W01');
  });

  it('biweekly pairs are fixed: W47/48 whichever day of the pair you ask about', () => {
    const expected = { label: '2026-W47/48', start: '2026-11-16', end: '2026-11-29' };
    expect(periodContaining('biweekly', '2026-11-16')).toEqual(expected);
    expect(periodContaining('biweekly', '2026-11-24')).toEqual(expected);
    expect(periodContaining('biweekly', '2026-11-29')).toEqual(expected);
    expect(periodContaining('biweekly', '2026-11-30').label).toBe('2026-W49/50');
    expect(periodContaining('biweekly', '2027-01-02')).toEqual({
      label: '2026-W53/2027-W01',
      start: '2026-12-28',
      end: '2027-01-10',
    });
  });

  it('monthly is the calendar month', () => {
    expect(periodContaining('monthly', '2026-11-27')).toEqual({
      label: '2026-11',
      start: '2026-11-01',
      end: '2026-11-30',
    });
    expect(periodContaining('monthly', '2028-02-10').end).toBe('2028-02-29');
  });

  it('periodAfter gives the next period', () => {
    expect(periodAfter('weekly', periodContaining('weekly', '2026-11-27')).label).toBe('2026-W49');
    expect(periodAfter('monthly', periodContaining('monthly', '2026-12-05')).label).toBe('2027-01');
  });
});

describe('open and due instants', () => {
  it('open and due in the manager zone, weekly', () => {
    const p = periodContaining('weekly', '2026-11-25');
    expect(iso(openInstant(weekly, p, SH))).toBe('2026-11-23T01:00:00.000Z');
    expect(iso(dueInstant(weekly, p, SH, makeWorkCalendar()))).toBe('2026-11-27T10:00:00.000Z');
    expect(iso(dueInstant(weekly, p, NY, makeWorkCalendar()))).toBe('2026-11-27T23:00:00.000Z');
  });

  it('keeps the local wall time across the New York fall-back (2026-11-01)', () => {
    const before = periodContaining('weekly', '2026-10-28'); // W44: Oct 26 - Nov 1, EDT
    const after = periodContaining('weekly', '2026-11-04'); // W45: Nov 2 - Nov 8, EST
    expect(iso(dueInstant(weekly, before, NY, makeWorkCalendar()))).toBe('2026-10-30T22:00:00.000Z'); // 18:00 EDT
    expect(iso(dueInstant(weekly, after, NY, makeWorkCalendar()))).toBe('2026-11-06T23:00:00.000Z'); // 18:00 EST
    expect(formatLocal(dueInstant(weekly, after, NY, makeWorkCalendar()), NY, 'en')).toBe('Fri 6 Nov 18:00');
  });

  it('keeps the local wall time across the New York spring-forward (2026-03-08)', () => {
    const before = periodContaining('weekly', '2026-03-04');
    const after = periodContaining('weekly', '2026-03-11');
    expect(iso(openInstant(weekly, before, NY))).toBe('2026-03-02T14:00:00.000Z'); // 09:00 EST
    expect(iso(openInstant(weekly, after, NY))).toBe('2026-03-09T13:00:00.000Z'); // 09:00 EDT
  });

  it('a time that does not exist (02:30 on spring-forward day) moves forward by the gap; a repeated one takes the first', () => {
    const sunday = { cadence: 'weekly', openDay: 'sun', openTime: '02:30', dueDay: 'sun', dueTime: '01:30' } as const;
    const spring = periodContaining('weekly', '2026-03-08');
    expect(formatLocal(openInstant(sunday, spring, NY), NY, 'en')).toBe('Sun 8 Mar 03:30');
    const fall = periodContaining('weekly', '2026-11-01');
    expect(iso(dueInstant(sunday, fall, NY, { isWorkday: () => true }))).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT, the first one
  });

  it('a US public holiday on the due day moves the due date to the previous workday', () => {
    const p = periodContaining('weekly', '2026-07-01'); // Friday 3 July is Independence Day observed
    expect(formatLocal(dueInstant(weekly, p, NY, makeWorkCalendar('US')), NY, 'en')).toBe('Thu 2 Jul 18:00');
  });

  it('China: a make-up Saturday counts as a workday, an ordinary Saturday does not', () => {
    const saturdayDue: Schedule = { ...weekly, dueDay: 'sat' };
    const cn = makeWorkCalendar('CN');
    const makeUpWeek = periodContaining('weekly', '2026-02-11'); // Sat 2026-02-14 is a 调休 workday
    expect(formatLocal(dueInstant(saturdayDue, makeUpWeek, SH, cn), SH, 'zh-CN')).toBe('2月14日 周六 18:00');
    const ordinaryWeek = periodContaining('weekly', '2026-11-25');
    expect(formatLocal(dueInstant(saturdayDue, ordinaryWeek, SH, cn), SH, 'zh-CN')).toBe('11月27日 周五 18:00');
  });

  it('China: a week that is all holiday (Spring Festival 2026) moves the due date to the next workday', () => {
    const p = periodContaining('weekly', '2026-02-18'); // Feb 16-22, all statutory holiday; Feb 23 too
    expect(dateIn(dueInstant(weekly, p, SH, makeWorkCalendar('CN')), SH)).toBe('2026-02-24');
  });

  it('China: National Day moves a Friday due date back into the same week', () => {
    const p = periodContaining('weekly', '2026-09-30'); // Fri 2 Oct is a holiday
    expect(dateIn(dueInstant(weekly, p, SH, makeWorkCalendar('CN')), SH)).toBe('2026-09-30');
  });

  it('biweekly is due on dueDay of the second week; monthly opens on day 1 and is due on the last workday', () => {
    const bi: Schedule = { ...weekly, cadence: 'biweekly' };
    const p = periodContaining('biweekly', '2026-11-18');
    expect(dateIn(openInstant(bi, p, SH), SH)).toBe('2026-11-16');
    expect(dateIn(dueInstant(bi, p, SH, makeWorkCalendar()), SH)).toBe('2026-11-27');
    const monthly: Schedule = { ...weekly, cadence: 'monthly' };
    const oct = periodContaining('monthly', '2026-10-15'); // 31 Oct is a Saturday
    expect(formatLocal(openInstant(monthly, oct, SH), SH, 'en')).toBe('Thu 1 Oct 09:00');
    expect(formatLocal(dueInstant(monthly, oct, SH, makeWorkCalendar('CN')), SH, 'en')).toBe('Fri 30 Oct 18:00');
  });
});

describe('addDuration', () => {
  it("'1d' keeps the wall time over the fall-back night; '3h' and '90m' are elapsed time", () => {
    const friday = Date.parse('2026-10-31T22:00:00Z'); // Sat 31 Oct 18:00 EDT
    expect(formatLocal(addDuration(friday, '1d', NY), NY, 'en')).toBe('Sun 1 Nov 18:00');
    expect(addDuration(friday, '1d', NY) - friday).toBe(25 * 3_600_000);
    const sat = Date.parse('2026-11-01T04:00:00Z'); // Sun 1 Nov 00:00 EDT
    expect(formatLocal(addDuration(sat, '3h', NY), NY, 'en')).toBe('Sun 1 Nov 02:00'); // one hour repeated
    expect(addDuration(sat, '90m', NY) - sat).toBe(90 * 60_000);
    expect(addDuration(sat, '0h', NY)).toBe(sat);
  });

  it("'1d' over the spring-forward night is 23 hours", () => {
    const sat = Date.parse('2026-03-07T23:00:00Z'); // Sat 7 Mar 18:00 EST
    expect(addDuration(sat, '1d', NY) - sat).toBe(23 * 3_600_000);
    expect(formatLocal(addDuration(sat, '3d', NY), NY, 'en')).toBe('Tue 10 Mar 18:00');
  });

  it('rejects a malformed duration', () => {
    expect(() => addDuration(0, '1w', NY)).toThrow(/bad duration "1w"/);
  });
});

describe('dateIn and formatLocal', () => {
  it('the date depends on the zone', () => {
    const t = Date.parse('2026-11-27T20:00:00Z');
    expect(dateIn(t, SH)).toBe('2026-11-28');
    expect(dateIn(t, NY)).toBe('2026-11-27');
    expect(formatLocal(Date.parse('2026-11-27T10:00:00Z'), SH, 'en')).toBe('Fri 27 Nov 18:00');
    expect(formatLocal(Date.parse('2026-11-27T10:00:00Z'), SH, 'zh-CN')).toBe('11月27日 周五 18:00');
  });
});

describe('parsePeriodLabel (data feeds name their period)', () => {
  it('reads the labels periodContaining writes, and nothing else', () => {
    expect(parsePeriodLabel('2026-W49')).toEqual({ label: '2026-W49', start: '2026-11-30', end: '2026-12-06' });
    expect(parsePeriodLabel('2026-W01')).toEqual({ label: '2026-W01', start: '2025-12-29', end: '2026-01-04' });
    expect(parsePeriodLabel('2026-W53')?.start).toBe('2026-12-28'); // 2026 has 53 ISO weeks
    expect(parsePeriodLabel('2027-W53')).toBeNull();
    expect(parsePeriodLabel('2026-12')).toEqual({ label: '2026-12', start: '2026-12-01', end: '2026-12-31' });
    expect(parsePeriodLabel('2026-W47/48')).toEqual({ label: '2026-W47/48', start: '2026-11-16', end: '2026-11-29' });
    // Not one of the anchored fortnights.
    expect(parsePeriodLabel('2026-W48/49')).toBeNull();
    for (const bad of ['2026-13', '2026-00', '2026-W00', '2026-W54', '2026-w49', '26-W49', '2026-12-01', ''])
      expect(parsePeriodLabel(bad)).toBeNull();
  });
});
