/**
 * China's statutory retirement ages (issue 10, item 13; docs/policies/cn-art40.md "Statutory
 * retirement ages used"), worked by hand from the 2024 decision's annex: from 2025-01-01 men (60)
 * and women (55) retire one month later for every 4 months of birth from January 1965 / January
 * 1970, up to 36 months; women (50) one month later for every 2 months of birth from January 1975,
 * up to 60 months.
 */
import { describe, expect, it } from 'vitest';
import { statutoryRetirement } from '../../../src/domain/policy/retirement.js';

describe('statutory retirement age (Art. 42(5))', () => {
  it.each([
    // Born before the reform's first month: the old age.
    ['1964-12-31', 'male_60', 60, 0, '2024-12-31'],
    // January–April 1965: the first month of delay. 1965-01-10 + 60 years 1 month = 2025-02-10.
    ['1965-01-10', 'male_60', 60, 1, '2025-02-10'],
    ['1965-04-30', 'male_60', 60, 1, '2025-05-30'],
    // May 1965 is 4 months on: 2 months of delay.
    ['1965-05-01', 'male_60', 60, 2, '2025-07-01'],
    // June 1966: 17 months on → 17 / 4 = 4, + 1 = 5 months (the docs' example).
    ['1966-06-15', 'male_60', 60, 5, '2026-11-15'],
    // September 1976: 140 months on → 35 + 1 = 36, the cap: 63.
    ['1976-09-01', 'male_60', 63, 0, '2039-09-01'],
    ['1990-05-01', 'male_60', 63, 0, '2053-05-01'],
    // Women in cadre posts: the same steps from January 1970, 58 from September 1981.
    ['1969-12-01', 'female_55', 55, 0, '2024-12-01'],
    ['1970-03-01', 'female_55', 55, 1, '2025-04-01'],
    ['1981-09-01', 'female_55', 58, 0, '2039-09-01'],
    // Other women: a month per 2 months of birth from January 1975; 55 from November 1984.
    ['1975-02-01', 'female_50', 50, 1, '2025-03-01'],
    ['1975-03-01', 'female_50', 50, 2, '2025-05-01'],
    ['1984-11-01', 'female_50', 55, 0, '2039-11-01'],
  ] as const)('born %s (%s): %i years %i months, reached on %s', (birth, basis, years, months, date) => {
    expect(statutoryRetirement(birth, basis)).toMatchObject({ years, months, date, assumed: false });
  });

  it('assumes the earliest age when the basis is not on record, and says so', () => {
    // Born 1980-01-01: men 63 (2043; 180 months on → capped at 36), women (55) 57 years 7 months
    // (2037-08-01; 120 months on → 31),
    // other women 50 + 31 months = 52 years 7 months (2032-08-01; 60 months on → 31): the earliest.
    expect(statutoryRetirement('1980-01-01', null)).toMatchObject({
      basis: 'female_50',
      assumed: true,
      years: 52,
      months: 7,
      date: '2032-08-01',
    });
  });
});
