import { describe, expect, it } from 'vitest';
import { catalogGaps, t } from '../../src/ui/i18n/index.js';
import { keyReferences, unusedMessageKeys } from '../../scripts/i18n-unused.js';

/**
 * Keys landed with their catalog before the screen that shows them. Each names that screen; the
 * second test below fails once the key is used, so this list only ever shrinks.
 */
const WAITING_FOR_THEIR_SCREEN: Record<string, string> = {};

describe('i18n catalogs', () => {
  it('has every key in both en and zh-CN', () => {
    expect(catalogGaps()).toEqual([]);
  });

  it('fills placeholders and picks the locale', () => {
    expect(t('en', 'common.required')).toBe('This field is required.');
    expect(t('zh-CN', 'common.required')).toBe('此项为必填。');
  });

  it('has no key that no source file uses (scripts/i18n-unused.ts)', () => {
    expect(unusedMessageKeys().filter((k) => !(k in WAITING_FOR_THEIR_SCREEN))).toEqual([]);
  });

  it('lists a key as waiting for its screen only while nothing uses it', () => {
    const unused = new Set(unusedMessageKeys());
    // Once the screen uses a key, delete it from WAITING_FOR_THEIR_SCREEN above.
    expect(Object.keys(WAITING_FOR_THEIR_SCREEN).filter((k) => !unused.has(k))).toEqual([]);
  });

  it('counts a key built from a prefix as used, and only its own family', () => {
    const refs = keyReferences("t(`off.step.${step.id}`); t('ev.noteKind.' + k); t('common.required');");
    expect([...refs.literals]).toEqual(['common.required']);
    expect([...refs.prefixes].sort()).toEqual(['ev.noteKind.', 'off.step.']);
  });
});
