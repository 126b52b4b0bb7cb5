import { describe, expect, it } from 'vitest';
import { catalogGaps, t } from '../../src/ui/i18n/index.js';
import { keyReferences, unusedMessageKeys } from '../../scripts/i18n-unused.js';

describe('i18n catalogs', () => {
  it('has every key in both en and zh-CN', () => {
    expect(catalogGaps()).toEqual([]);
  });

  it('fills placeholders and picks the locale', () => {
    expect(t('en', 'common.required')).toBe('This field is required.');
    expect(t('zh-CN', 'common.required')).toBe('此项为必填。');
  });

  it('has no key that no source file uses (scripts/i18n-unused.ts)', () => {
    expect(unusedMessageKeys()).toEqual([]);
  });

  it('counts a key built from a prefix as used, and only its own family', () => {
    const refs = keyReferences("t(`off.step.${step.id}`); t('ev.noteKind.' + k); t('common.required');");
    expect([...refs.literals]).toEqual(['common.required']);
    expect([...refs.prefixes].sort()).toEqual(['ev.noteKind.', 'off.step.']);
  });
});
