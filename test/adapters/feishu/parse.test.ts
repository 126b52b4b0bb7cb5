import { describe, expect, it } from 'vitest';
import { parseCommandText, substituteMentions, textOfMessage } from '../../../adapters/feishu/parse/command-text.js';
import { parseCardAction } from '../../../adapters/feishu/parse/card-action.js';
import { parseMenuEvent, BOT_MENU } from '../../../adapters/feishu/parse/menu.js';

const bot = { key: '@_user_1', openId: 'ou_bot', name: '担当' };
const zw = { key: '@_user_2', openId: 'ou_zw', name: '张伟' };

describe('Feishu command text', () => {
  it('reads a command typed in a DM, with or without the slash', () => {
    expect(parseCommandText('/review status', [])).toEqual({ command: 'review', args: 'status', mentions: [] });
    expect(parseCommandText('review status', [])).toEqual({ command: 'review', args: 'status', mentions: [] });
    expect(parseCommandText('  Dandang  ', [])).toEqual({ command: 'dandang', args: '', mentions: [] });
  });

  it('reads a full-width slash, as a Chinese IME types it (issue 13 #10)', () => {
    expect(parseCommandText('／review status', [])).toEqual({ command: 'review', args: 'status', mentions: [] });
    expect(parseCommandText('@_user_1 ／note @_user_2', [bot, zw])).toEqual({
      command: 'note',
      args: '@_user_2',
      mentions: [zw],
    });
  });

  it('drops the bot mention in a group and keeps the mentions in the args', () => {
    const parsed = parseCommandText('@_user_1 /offboard @_user_2 连续三个月未达标', [bot, zw]);
    expect(parsed).toEqual({ command: 'offboard', args: '@_user_2 连续三个月未达标', mentions: [zw] });
    expect(substituteMentions(parsed!.args, [{ key: '@_user_2', personId: 'zhangwei' }])).toBe(
      'zhangwei 连续三个月未达标',
    );
  });

  it('does not treat chat as a command', () => {
    expect(parseCommandText('你好', [])).toBeNull();
    expect(parseCommandText('reviewing later', [])).toBeNull();
    expect(textOfMessage('image', '{}')).toBeNull();
    expect(textOfMessage('text', '{"text":"/note"}')).toBe('/note');
  });

  it('replaces longer mention keys first', () => {
    expect(
      substituteMentions('@_user_10 @_user_1', [
        { key: '@_user_1', personId: 'a' },
        { key: '@_user_10', personId: 'b' },
      ]),
    ).toBe('b a');
  });
});

describe('Feishu card callbacks', () => {
  it('parses a button click and a form submit, normalising dates', () => {
    expect(
      parseCardAction({
        operator: { open_id: 'ou_m' },
        action: { value: { a: 'review.acknowledge', v: 'review:9' } },
        context: { open_message_id: 'om_1' },
      }),
    ).toEqual({
      kind: 'action',
      openId: 'ou_m',
      actionId: 'review.acknowledge',
      value: 'review:9',
      messageId: 'om_1',
      shared: false,
    });
    const submit = parseCardAction({
      operator: { open_id: 'ou_m' },
      action: {
        value: { f: 'review.form', s: 'slot:7' },
        form_value: { due: '2026-11-27 +0800', at: '2026-11-27 10:30 +0800', tags: ['a'], n: '3' },
      },
    });
    expect(submit).toMatchObject({
      kind: 'submit',
      formId: 'review.form',
      state: 'slot:7',
      values: { due: '2026-11-27', at: '2026-11-27T10:30+08:00', tags: ['a'], n: '3' },
      form: null,
    });
  });

  it('joins a text typed in parts, says a click came from a group card, and maps a person search', () => {
    const submit = parseCardAction({
      operator: { open_id: 'ou_m' },
      action: {
        value: { f: 'review.form', s: 'slot:7', k: 'abc', p: ['trainer'] },
        form_value: { comment: 'a'.repeat(1000), 'comment~3': 'c', 'comment~2': 'b'.repeat(1000), trainer: 'ou_t' },
      },
    });
    expect(submit).toMatchObject({
      kind: 'submit',
      formKey: 'abc',
      personInputs: ['trainer'],
      values: { comment: `${'a'.repeat(1000)}${'b'.repeat(1000)}c`, trainer: 'ou_t' },
    });
    expect(
      parseCardAction({
        operator: { open_id: 'ou_m' },
        action: { value: { a: 'case.advance', v: '3:meeting', g: 1 } },
      }),
    ).toMatchObject({ kind: 'action', shared: true });
  });

  it('returns null for unknown ids and shapes', () => {
    expect(parseCardAction({ operator: { open_id: 'ou_m' }, action: { value: { a: 'nope', v: '' } } })).toBeNull();
    expect(parseCardAction({ action: { value: { a: 'review.acknowledge' } } })).toBeNull();
    expect(parseCardAction(null)).toBeNull();
  });
});

describe('Feishu bot menu', () => {
  it('maps menu event keys to commands', () => {
    expect(parseMenuEvent({ operator: { operator_id: { open_id: 'ou_m' } }, event_key: 'review_status' })).toEqual({
      openId: 'ou_m',
      command: 'review',
      args: 'status',
    });
    expect(parseMenuEvent({ operator: { operator_id: { open_id: 'ou_m' } }, event_key: 'unknown' })).toBeNull();
    expect(Object.keys(BOT_MENU)).toContain('help');
  });
});
