import { describe, expect, it } from 'vitest';
import { makeWorkCalendar } from '../../src/domain/calendar.js';

describe('makeWorkCalendar', () => {
  it('without a country is Monday to Friday', () => {
    const cal = makeWorkCalendar();
    expect(cal.isWorkday('2026-11-27')).toBe(true); // Friday
    expect(cal.isWorkday('2026-11-28')).toBe(false); // Saturday
    expect(cal.isWorkday('2026-11-29')).toBe(false); // Sunday
    expect(cal.isWorkday('2026-12-25')).toBe(true); // no holidays without a country
  });

  it('US: public holidays and the observed day are not workdays', () => {
    const cal = makeWorkCalendar('US');
    expect(cal.isWorkday('2026-11-26')).toBe(false); // Thanksgiving
    expect(cal.isWorkday('2026-07-03')).toBe(false); // Independence Day observed (4 July is a Saturday)
    expect(cal.isWorkday('2026-07-02')).toBe(true);
    expect(cal.isWorkday('2026-11-27')).toBe(true);
  });

  // Dates as reported by chinese-days 1.5.7 for 2026 (State Council notice).
  it('CN: make-up Saturdays and Sundays (调休) are workdays, statutory holidays are not', () => {
    const cal = makeWorkCalendar('CN');
    for (const makeUp of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect(cal.isWorkday(makeUp), makeUp).toBe(true);
    }
    for (const holiday of ['2026-02-16', '2026-02-17', '2026-05-01', '2026-10-01', '2026-10-07']) {
      expect(cal.isWorkday(holiday), holiday).toBe(false);
    }
    expect(cal.isWorkday('2026-11-28')).toBe(false); // an ordinary Saturday
    expect(cal.isWorkday('2026-11-27')).toBe(true);
  });

  it('CN: a year chinese-days does not publish yet still knows the fixed public holidays', () => {
    const cal = makeWorkCalendar('CN');
    expect(cal.isWorkday('2027-01-01')).toBe(false); // New Year's Day, a Friday
    expect(cal.isWorkday('2027-10-01')).toBe(false); // National Day, a Friday
    expect(cal.isWorkday('2027-11-26')).toBe(true);
  });

  it('accepts a lowercase code and rejects an unknown one', () => {
    expect(makeWorkCalendar('cn').isWorkday('2026-02-14')).toBe(true);
    expect(() => makeWorkCalendar('XX')).toThrow(/unknown holiday country "XX"/);
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => makeWorkCalendar().isWorkday('27/11/2026')).toThrow(/YYYY-MM-DD/);
  });
});
