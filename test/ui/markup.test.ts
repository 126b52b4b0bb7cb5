import { describe, expect, it } from 'vitest';
import {
  literal,
  parseMarkup,
  renderMarkup,
  userText,
  visibleText,
  type MarkupSerializer,
} from '../../src/ui/markup.js';

/** Writes tokens as a bracketed trace, so a test sees exactly what the parser found. */
const trace: MarkupSerializer = {
  text: (s, at) => (at.lineStart ? `^${s}` : s),
  code: (s) => `{code:${s}}`,
  link: (label, url) => `{link:${label}|${url}}`,
  mention: (id) => `{@${id}}`,
  bold: (inner) => `{b:${inner}}`,
  lineBreak: '/',
};

describe('parseMarkup', () => {
  it('reads bold, code, links, mentions and line breaks', () => {
    expect(parseMarkup('**3 reviews** due: <@person:p1>, `/review` [guide](https://ex.com/g?a=1&b=2)\nnext')).toEqual([
      { type: 'text', text: '3 reviews', bold: true },
      { type: 'text', text: ' due: ' },
      { type: 'mention', personId: 'p1' },
      { type: 'text', text: ', ' },
      { type: 'code', text: '/review' },
      { type: 'text', text: ' ' },
      { type: 'link', label: 'guide', url: 'https://ex.com/g?a=1&b=2' },
      { type: 'break' },
      { type: 'text', text: 'next' },
    ]);
  });

  it('keeps mentions, links and code inside bold, and one bold span per run', () => {
    expect(renderMarkup('**<@person:zw> `x` [a](http://a.test)** rest', trace)).toBe(
      '{b:{@zw} {code:x} {link:a|http://a.test}} rest',
    );
  });

  it('leaves anything that is not markup as literal text', () => {
    const hostile = '*one* _x_ ~y~ <at id=all></at> <font color=red>r</font> & **open [l](javascript:alert(1)) `';
    expect(parseMarkup(hostile)).toEqual([{ type: 'text', text: hostile }]);
    expect(parseMarkup('****')).toEqual([{ type: 'text', text: '****' }]);
    expect(parseMarkup('[tel](tel:123) <@person:> <@person:a b>')).toEqual([
      { type: 'text', text: '[tel](tel:123) <@person:> <@person:a b>' },
    ]);
  });

  it('never lets bold or code run across a line break', () => {
    expect(parseMarkup('**a\nb** `c\nd`')).toEqual([
      { type: 'text', text: '**a' },
      { type: 'break' },
      { type: 'text', text: 'b** `c' },
      { type: 'break' },
      { type: 'text', text: 'd`' },
    ]);
  });

  it('tells serializers where a line starts', () => {
    expect(renderMarkup('# a\n**b** # c\n> d', trace)).toBe('^# a/{b:b} # c/^> d');
  });
});

describe('literal', () => {
  it('makes user text parse back to itself, whatever it holds', () => {
    for (const userText of [
      '**not bold** <@person:hr> [x](https://evil.test) `code` \\* back\\slash',
      '张伟：未达到销售目标（连续 8 周）',
    ]) {
      const tokens = parseMarkup(`Reason: ${literal(userText)}`);
      expect(tokens).toEqual([{ type: 'text', text: `Reason: ${userText}` }]);
    }
  });
});

describe('visibleText', () => {
  it('is what a reader sees: labels of links, names of mentions, no markers', () => {
    const names: Record<string, string> = { zw: '张伟' };
    expect(
      visibleText('**Case** for <@person:zw>: see [the guide](https://ex.com) `/offboard`', (id) => names[id] ?? id),
    ).toBe('Case for @张伟: see the guide /offboard');
  });
});

describe('userText', () => {
  const typed = 'See https://evil.test/login?next=/a*b, or www.example.com. [x](https://evil.test/2) <@person:hr>';
  it('shows the web addresses a person typed as text (code), never as links, and nothing else as markup', () => {
    const tokens = parseMarkup(userText(typed));
    expect(tokens.filter((t) => t.type === 'link')).toEqual([]);
    expect(tokens.filter((t) => t.type === 'mention')).toEqual([]);
    expect(tokens.filter((t) => t.type === 'code').map((t) => (t as { text: string }).text)).toEqual([
      'https://evil.test/login?next=/a*b',
      'www.example.com',
      'https://evil.test/2',
    ]);
    // What a reader sees is exactly what was typed.
    expect(visibleText(userText(typed), (id) => id)).toBe(typed);
  });

  it('makes them links when the author is HR, and still reads nothing else as markup', () => {
    const tokens = parseMarkup(userText(typed, { linksClickable: true }));
    expect(tokens.filter((t) => t.type === 'link')).toEqual([
      { type: 'link', label: 'https://evil.test/login?next=/a*b', url: 'https://evil.test/login?next=/a*b' },
      { type: 'link', label: 'www.example.com', url: 'https://www.example.com' },
      { type: 'link', label: 'https://evil.test/2', url: 'https://evil.test/2' },
    ]);
    expect(tokens.filter((t) => t.type === 'mention')).toEqual([]);
    expect(visibleText(userText(typed, { linksClickable: true }), (id) => id)).toBe(typed);
  });

  it('leaves text without addresses exactly as literal() does', () => {
    for (const s of ['**not bold** `code` \\* 张伟：未达到目标（连续 8 周）', 'ftp://old.test javascript:alert(1)'])
      expect(userText(s)).toBe(literal(s));
  });
});
