import { describe, expect, it } from 'vitest';
import { MESSAGE_KEYS, catalogGaps, t } from '../../src/ui/i18n/index.js';
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

/**
 * Chinese copy uses full-width punctuation (，：；（）！？) where a Chinese sentence has it (issue 13
 * #9). Code spans, web addresses, times (14:30, HH:MM) and the keys below are what a person types or
 * reads as ASCII.
 */
const QUOTES_ASCII: Record<string, string> = {
  'off.dossier.exported': 'quotes a shell command (`audit verify --anchor rows:hash`) in plain text',
  'feed.json.shape': 'an API error quoting the JSON a program sends ({"rows": [...]}), in plain text',
  'feed.badSource': 'an API error listing the ASCII characters a source name may use (. _ : / -), in plain text',
};

/** ASCII punctuation of a sentence in a Chinese string, with what surrounds it; [] when there is none. */
function asciiPunctuationInChinese(text: string, translated = false): string[] {
  if (!translated && !/[\u3400-\u9fff]/.test(text)) return [];
  const prose = text
    .replace(/`[^`]*`/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\d[:：]\d\d|HH:MM|YYYY-MM-DD/g, ' ');
  return [...prose.matchAll(/[,:;()!?]/g)].map((m) => prose.slice(Math.max(0, m.index - 6), m.index + 7));
}

describe('Chinese punctuation', () => {
  it('every zh-CN catalog line uses full-width punctuation', () => {
    const offenders = MESSAGE_KEYS.filter((k) => !(k in QUOTES_ASCII)).flatMap((k) =>
      // A line of placeholders only ("{status}（{method}）") is Chinese where it differs from the English one.
      asciiPunctuationInChinese(t('zh-CN', k), t('zh-CN', k) !== t('en', k)).map((near) => `${k}: …${near}…`),
    );
    expect(offenders).toEqual([]);
  });

  it('finds ASCII commas, colons, semicolons and brackets in Chinese, and leaves code and times alone', () => {
    expect(asciiPunctuationInChinese('请输入数字,例如 42')).toEqual(['请输入数字,例如 42']);
    expect(asciiPunctuationInChinese('你的 KPI:{job}(第 1 版)')).toHaveLength(3);
    expect(asciiPunctuationInChinese('请按 HH:MM 输入时间，例如 14:30。用 `/review status, all`。')).toEqual([]);
    expect(asciiPunctuationInChinese('Plain English, with: punctuation (fine).')).toEqual([]);
  });
});
