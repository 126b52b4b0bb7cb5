import { describe, it, expect } from 'vitest';
import { parseFileConfig } from '../../src/config-yaml.js';
import { ConfigError } from '../../src/config-errors.js';
import { DEFAULT_WARNING_SETTINGS } from '../../src/domain/warning/index.js';

describe('dandang.yml warnings:', () => {
  it('defaults to the issue’s numbers and Monday 10:00', () => {
    expect(parseFileConfig('').warnings).toEqual(DEFAULT_WARNING_SETTINGS);
  });

  it('takes a company’s own numbers', () => {
    const w = parseFileConfig(
      'warnings:\n  day: tue\n  policy:\n    kpiBelow: { k: 3, n: 4 }\n    trend: { alpha: 0.01 }\n',
    ).warnings;
    expect(w.day).toBe('tue');
    expect(w.policy.kpiBelow).toEqual({ k: 3, n: 4 });
    expect(w.policy.trend).toEqual({ ...DEFAULT_WARNING_SETTINGS.policy.trend, alpha: 0.01 });
  });

  it('refuses to count protected leave as absence, and says why', () => {
    expect(() =>
      parseFileConfig('warnings:\n  policy:\n    absence:\n      countedKinds: [personal, maternity]\n'),
    ).toThrow(/warnings\.policy\.absence\.countedKinds\.1: protected leave .* never count/);
  });

  it('names the field at fault for impossible numbers', () => {
    expect(() => parseFileConfig('warnings:\n  policy:\n    kpiBelow: { k: 4, n: 3 }\n')).toThrow(ConfigError);
    expect(() => parseFileConfig('warnings:\n  policy:\n    trend: { window: 40 }\n')).toThrow(
      /warnings\.policy\.trend\.window/,
    );
  });
});
