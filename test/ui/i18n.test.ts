import { describe, expect, it } from 'vitest';
import { catalogGaps, t } from '../../src/ui/i18n/index.js';

describe('i18n catalogs', () => {
  it('has every key in both en and zh-CN', () => {
    expect(catalogGaps()).toEqual([]);
  });

  it('fills placeholders and picks the locale', () => {
    expect(t('en', 'common.required')).toBe('This field is required.');
    expect(t('zh-CN', 'common.required')).toBe('此项为必填。');
  });
});
