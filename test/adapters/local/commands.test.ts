import { describe, it, expect } from 'vitest';
import { parseCommandLine } from '../../../adapters/local/commands.js';

const people = [
  { id: 'lina', name: 'Li Na' },
  { id: 'li', name: 'Li' },
  { id: 'zhangwei', name: '张伟' },
];

describe('parseCommandLine', () => {
  it('splits the command and keeps subcommands in args', () => {
    expect(parseCommandLine('/review status', people)).toEqual({
      ok: true,
      command: 'review',
      args: 'status',
      mentions: [],
    });
    expect(parseCommandLine('  /Dandang help ', people)).toEqual({
      ok: true,
      command: 'dandang',
      args: 'help',
      mentions: [],
    });
  });

  it('reads a full-width slash and full-width letters, as a Chinese IME types them (issue 13 #10)', () => {
    expect(parseCommandLine('／review status', people)).toEqual({
      ok: true,
      command: 'review',
      args: 'status',
      mentions: [],
    });
    expect(parseCommandLine('／ｄａｎｄａｎｇ　help', people)).toEqual({
      ok: true,
      command: 'dandang',
      args: 'help',
      mentions: [],
    });
    expect(parseCommandLine('／frobnicate', people)).toEqual({ ok: false, reason: 'unknownCommand' });
    expect(parseCommandLine('review status', people)).toEqual({ ok: false, reason: 'notACommand' });
  });

  it('replaces @Name (longest name first) and @id mentions by person ids', () => {
    expect(parseCommandLine('/offboard @Li Na missed targets', people)).toEqual({
      ok: true,
      command: 'offboard',
      args: 'lina missed targets',
      mentions: ['lina'],
    });
    expect(parseCommandLine('/note @li', people)).toEqual({ ok: true, command: 'note', args: 'li', mentions: ['li'] });
    expect(parseCommandLine('/review @张伟', people)).toEqual({
      ok: true,
      command: 'review',
      args: 'zhangwei',
      mentions: ['zhangwei'],
    });
    expect(parseCommandLine('/note @zhangwei, weekly', people)).toMatchObject({
      args: 'zhangwei, weekly',
      mentions: ['zhangwei'],
    });
  });

  it('leaves emails alone and names unknown people and commands', () => {
    expect(parseCommandLine('/note mail a@b.com', people)).toMatchObject({
      ok: true,
      args: 'mail a@b.com',
      mentions: [],
    });
    expect(parseCommandLine('/note @Nobody here', people)).toEqual({
      ok: false,
      reason: 'unknownMention',
      name: 'Nobody',
    });
    expect(parseCommandLine('/deploy now', people)).toEqual({ ok: false, reason: 'unknownCommand' });
    expect(parseCommandLine('hello bot', people)).toEqual({ ok: false, reason: 'notACommand' });
  });
});
