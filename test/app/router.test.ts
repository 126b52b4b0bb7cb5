import { afterAll, describe, expect, it } from 'vitest';
import { makeRouter } from '../../src/app/router.js';
import { helpHandlers } from '../../src/app/help.js';
import type { Actor } from '../../src/app/types.js';
import type { Person } from '../../src/ports/records.js';
import { makeTestDb } from '../support/db.js';
import { seedOrg, testSettings } from '../support/org.js';

const person: Person = {
  id: 'e1',
  name: 'Alice',
  email: 'a@x.test',
  managerId: null,
  department: 'Sales',
  jobId: null,
  role: 'employee',
  slackId: null,
  feishuOpenId: null,
  locale: 'zh-CN',
  timezone: null,
  hireDate: null,
  teamChannelSlack: null,
  teamChannelFeishu: null,
  monthlyWage: null,
  active: true,
};
const actor: Actor = { person, platform: 'local', locale: 'zh-CN' };
const db = makeTestDb();
afterAll(() => db.cleanup());
seedOrg(db.store, { people: [person] });
const deps = { store: db.store, clock: db.clock, settings: testSettings() };

describe('router', () => {
  it('routes /dandang help in the actor locale and hides HR commands from employees', async () => {
    const router = makeRouter([helpHandlers(deps)]);
    const reply = await router.dispatch({ kind: 'command', actor, command: 'dandang', args: 'help', mentions: [] });
    expect(reply.kind).toBe('ok');
    const text = JSON.stringify(reply);
    expect(text).toContain('担当');
    expect(text).not.toContain('/review start');
  });

  it('answers an unknown command with a localised error instead of throwing', async () => {
    const router = makeRouter([helpHandlers(deps)]);
    const reply = await router.dispatch({ kind: 'command', actor, command: 'offboard', args: '', mentions: [] });
    expect(reply).toMatchObject({ kind: 'error', code: 'NOT_FOUND' });
  });

  it('refuses two features registering the same subcommand', () => {
    expect(() => makeRouter([helpHandlers(deps), helpHandlers(deps)])).toThrow(/duplicate handler/);
  });
});

describe('router suggestions', () => {
  const ev = { actor, formId: 'case.step_form' as const, state: '1:appeal', inputId: 'heard_by', query: 'x' };

  it('asks the handler registered for the form and input, and answers none for any other', async () => {
    const seen: string[] = [];
    const router = makeRouter([
      {
        suggestions: {
          'case.step_form': {
            heard_by: (e) => {
              seen.push(`${e.state}|${e.query}`);
              return [{ value: 'p1', label: 'One' }];
            },
          },
        },
      },
    ]);
    await expect(router.suggest(ev)).resolves.toEqual([{ value: 'p1', label: 'One' }]);
    expect(seen).toEqual(['1:appeal|x']);
    await expect(router.suggest({ ...ev, inputId: 'date' })).resolves.toEqual([]);
    await expect(router.suggest({ ...ev, formId: 'case.withdraw_form' })).resolves.toEqual([]);
  });

  it('refuses two handlers for one search field at start', () => {
    const one = { suggestions: { 'case.step_form': { heard_by: () => [] } } };
    expect(() => makeRouter([one, one])).toThrow(/duplicate suggestions/);
  });
});
