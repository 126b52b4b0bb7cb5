/**
 * Issue 13 #7 in the local workspace: a refusal that names what unblocks it comes back with an HTML
 * fragment holding the button (the page puts it in the conversation, where it can be pressed).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../../src/ports/clock.js';
import { startLocalApp, type LocalApp } from '../../../adapters/local/testing.js';
import { seedEndedPlan } from '../../support/ended-plan.js';

let dir: string;
let app: LocalApp;
const clock = new ManualClock(new Date('2026-11-24T02:00:00Z').getTime());

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dandang-local-'));
  app = await startLocalApp({ PORT: '0', DANDANG_DB: join(dir, 'd.db') }, clock);
});
afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const action = async (persona: string, actionId: string, value: string) =>
  (await (
    await fetch(`${app.url}/api/action`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dandang-persona': persona },
      body: JSON.stringify({ actionId, value }),
    })
  ).json()) as { kind: string; text?: string; html?: string; toast?: string };

describe('local workspace: refusals offer the button that unblocks them', () => {
  it('answers the refused click with the text and a fragment holding Mark the plan complete', async () => {
    const planId = seedEndedPlan(app.store, clock, {
      employeeId: 'zhangwei',
      managerId: 'lina',
      jobId: 'sales-rep',
      kpiKeys: ['revenue'],
      goal: 'Rebuild the pipeline',
    });
    const refused = await action('lina', 'training.open_reassessment', String(planId));
    expect(refused.kind).toBe('error');
    expect(refused.text).toBe(
      'Mark the training plan “Rebuild the pipeline” complete first: the reassessment comes after it.',
    );
    expect(refused.html).toContain(`data-action="training.complete" data-value="${planId}"`);
    expect(refused.html).toContain('>Mark the plan complete</button>');
    // A refusal with nothing to press stays a plain error.
    const other = await action('zhangwei', 'training.open_reassessment', String(planId));
    expect(other).toEqual({ kind: 'error', text: '你没有权限执行此操作。' });

    expect((await action('lina', 'training.complete', String(planId))).kind).toBe('ok');
  });
});
