import { describe, expect, it } from 'vitest';
import { defaultLocale, readerLocale } from '../../src/domain/locale.js';

describe('the language rule', () => {
  it('defaults to Chinese only when Feishu is the only chat platform', () => {
    expect(defaultLocale({ slack: false, feishu: true })).toBe('zh-CN');
    expect(defaultLocale({ slack: true, feishu: true })).toBe('en');
    expect(defaultLocale({ slack: true, feishu: false })).toBe('en');
    expect(defaultLocale({ slack: false, feishu: false })).toBe('en');
  });

  it("keeps a reader's own language, and gives the org's for none or one we do not write", () => {
    expect(readerLocale('zh-CN', 'en')).toBe('zh-CN');
    expect(readerLocale('en', 'zh-CN')).toBe('en');
    expect(readerLocale(null, 'zh-CN')).toBe('zh-CN');
    expect(readerLocale(undefined, 'en')).toBe('en');
    expect(readerLocale('fr', 'zh-CN')).toBe('zh-CN');
  });
});
