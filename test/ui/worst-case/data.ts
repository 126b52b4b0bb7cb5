/**
 * Worst-case but legal input for every screen: names and texts at the product's length limits
 * (src/domain/text.ts), full of what each platform would read as markup or a mention, in English
 * and in Chinese (three UTF-8 bytes a character, which is what fills a Feishu card).
 *
 * `victim` is a real person with a Slack id and a Feishu open_id whom no screen ever mentions:
 * every `<@person:victim>` and `<at id=all></at>` below is typed by a user, and must reach no one.
 */
import { TEXT_LIMITS } from '../../../src/domain/text.js';
import type { Locale } from '../../../src/ports/records.js';

/** Everyone a fixture mentions on purpose, and the victim. */
export const PEOPLE: Record<string, { slackId: string; openId: string; name: string }> = {
  emp: { slackId: 'UEMP', openId: 'ou_emp', name: 'Employee' },
  mgr: { slackId: 'UMGR', openId: 'ou_mgr', name: 'Manager' },
  hr: { slackId: 'UHR', openId: 'ou_hr', name: 'HR' },
  victim: { slackId: 'UVICTIM', openId: 'ou_victim', name: 'Victim' },
};

/** What a user may type that a platform would act on. */
const HOSTILE = [
  '<@person:victim>',
  '<at id=all></at>',
  '<at user_id="all"></at>',
  '<!channel> <!here>',
  '<font color=red>x</font>',
  '**b** *i* _u_ ~s~ `c` \\`',
  '[link](https://evil.test/?a=1&b=2)',
  '& < > &amp; &#60;',
  ':smile: :+1:',
];

/** `text` repeated (and cut on a character) to exactly `n` characters. */
export function fill(text: string, n: number): string {
  const chars = [...text];
  const out: string[] = [];
  while (out.length < n) out.push(...chars);
  return out.slice(0, n).join('');
}

export interface WorstCase {
  locale: Locale;
  /** A name at the limit (64), hostile. */
  name: string;
  /** Distinct hostile names, for lists (30 reports). */
  names: (n: number) => string[];
  unit: string;
  /** One typed line at the limit (200). */
  line: string;
  /** Free text at the limit (3,000): many lines, line-start syntax, `& < >`. */
  long: string;
  /** Free text at the limit with no line breaks at all (one 3,000-character line). */
  longOneLine: string;
}

export function worstCase(locale: Locale): WorstCase {
  const zh = locale === 'zh-CN';
  const word = zh ? '张伟未达到销售目标请改进' : 'Zoë O’Brien-Smith';
  const nameBase = `${word} ${HOSTILE.slice(0, 3).join(' ')} *x* \``;
  const name = fill(nameBase, TEXT_LIMITS.name);
  const lines = [
    '# heading',
    '- item',
    '> quote',
    '1. one',
    '---',
    '    indented',
    ...HOSTILE,
    zh
      ? '连续三个月未达标，请改进（第 8 周）：客户满意度、回款、拜访量。'
      : 'Missed the target three months in a row; see the notes & the plan <here>.',
  ];
  return {
    locale,
    name,
    names: (n) => Array.from({ length: n }, (_, i) => fill(`${i + 1} ${nameBase}`, TEXT_LIMITS.name)),
    unit: fill(zh ? '件/周 <b>*' : 'per *week* <b>', TEXT_LIMITS.unit),
    line: fill(`${word} ${HOSTILE.join(' ')} `, TEXT_LIMITS.line),
    long: fill(lines.join('\n') + '\n', TEXT_LIMITS.long),
    longOneLine: fill(`${zh ? '未达标' : 'below target'} ${HOSTILE.join(' ')} `, TEXT_LIMITS.long),
  };
}
