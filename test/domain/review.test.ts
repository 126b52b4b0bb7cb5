import { describe, it, expect } from 'vitest';
import {
  validateReview,
  parseKpiLines,
  parseNumber,
  kpiMet,
  formatKpiLines,
  weekNumberOf,
} from '../../src/domain/review.js';
import type { Kpi } from '../../src/domain/kpi.js';

const kpis: Kpi[] = [
  { key: 'tickets', name: 'Tickets', unit: '', target: 40, direction: 'higher' },
  { key: 'latency', name: 'Latency', unit: 'ms', target: 200, direction: 'lower' },
];

describe('review rules', () => {
  it('meets a target at the boundary in either direction', () => {
    expect(kpiMet(kpis[0]!, 40)).toBe(true);
    expect(kpiMet(kpis[0]!, 39.9)).toBe(false);
    expect(kpiMet(kpis[1]!, 200)).toBe(true);
    expect(kpiMet(kpis[1]!, 201)).toBe(false);
  });

  it('reads numbers the way people type them and nothing else', () => {
    expect(['42', ' 3.5 ', '-1', '1,234.5', '.5'].map(parseNumber)).toEqual([42, 3.5, -1, 1234.5, 0.5]);
    expect(['', 'abc', '1e5', '12abc', 'NaN', 'Infinity', '1,2'].map(parseNumber)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('requires an improvement suggestion when a KPI misses or the rating is 2 or less', () => {
    const base = { kpi_tickets: '45', kpi_latency: '150', rating: '3' };
    expect(validateReview(kpis, base).ok).toBe(true);
    expect(validateReview(kpis, { ...base, kpi_latency: '250' })).toEqual({
      ok: false,
      errors: { improvement: 'improvementRequired' },
    });
    expect(validateReview(kpis, { ...base, rating: '2' })).toEqual({
      ok: false,
      errors: { improvement: 'improvementRequired' },
    });
    const ok = validateReview(kpis, { ...base, rating: '1', improvement: ' Plan ' });
    expect(ok.ok && ok.content).toMatchObject({ rating: 1, improvement: 'Plan', belowTarget: false });
  });

  it('reports every bad field at once, keyed by input id', () => {
    expect(validateReview(kpis, { kpi_tickets: 'many', rating: '7' })).toEqual({
      ok: false,
      errors: { kpi_tickets: 'notANumber', kpi_latency: 'required', rating: 'ratingInvalid' },
    });
  });

  it('parses KPI lines with line-numbered errors, full-width bars and comments', () => {
    const good = parseKpiLines(
      '# key | name | unit | target | direction\n\ntickets | Tickets | / week | 40 | higher\nlatency｜延迟｜ms｜200｜越低越好',
    );
    expect(good).toEqual({
      ok: true,
      kpis: [
        { key: 'tickets', name: 'Tickets', unit: '/ week', target: 40, direction: 'higher' },
        { key: 'latency', name: '延迟', unit: 'ms', target: 200, direction: 'lower' },
      ],
    });
    expect(
      parseKpiLines(
        'a | A | | 1 | up\na | B | | 2 | down\nb c | C | | 1 | higher\nd | | | 1 | higher\ne | E | | x | higher\nf | F | | 1 | sideways\ng | G',
      ),
    ).toEqual({
      ok: false,
      errors: [
        { line: 2, error: 'duplicate' },
        { line: 3, error: 'key' },
        { line: 4, error: 'name' },
        { line: 5, error: 'target' },
        { line: 6, error: 'direction' },
        { line: 7, error: 'columns' },
      ],
    });
    expect(parseKpiLines('  \n# nothing')).toEqual({ ok: false, errors: [{ line: 1, error: 'empty' }] });
    expect(parseKpiLines(formatKpiLines(kpis))).toEqual({ ok: true, kpis });
  });

  it('names weekly periods by week number', () => {
    expect(weekNumberOf('2026-W48')).toBe(48);
    expect(weekNumberOf('2026-11')).toBeNull();
  });
});
