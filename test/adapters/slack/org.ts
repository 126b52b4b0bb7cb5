/** A small org for the Slack review-loop tests: a director, 3 managers × 3 reports, HR. */
import type { SlackHarness } from './harness.js';
import { addPeople, person } from './harness.js';

export const MANAGERS = ['m1', 'm2', 'm3'];
export const reportsOf = (m: string) => [1, 2, 3].map((i) => `${m}r${i}`);

export function seedReviewOrg(h: Pick<SlackHarness, 'db'>, opts: { timezone?: string | null } = {}): void {
  const timezone = opts.timezone ?? null;
  h.db.store.tx((tx) => {
    tx.org.upsertJob({ id: 'sdr', title: 'Sales rep', duties: 'Call prospects', requirements: 'Phone' });
    tx.org.replaceKpis('sdr', [
      { key: 'calls', name: 'Calls per day', unit: 'calls', target: 40, direction: 'higher' },
      { key: 'churn', name: 'Lost accounts', unit: 'accounts', target: 2, direction: 'lower' },
    ]);
  });
  addPeople(h as SlackHarness, [
    person({ id: 'hana', name: 'Hana HR', role: 'hr', department: 'hr' }),
    person({ id: 'dir', name: 'Dana Director', department: 'leads', timezone }),
    ...MANAGERS.map((m) => person({ id: m, name: `Manager ${m}`, managerId: 'dir', department: 'leads', timezone })),
    ...MANAGERS.flatMap((m, i) =>
      reportsOf(m).map((r) =>
        person({
          id: r,
          name: `Report ${r}`,
          managerId: m,
          department: 'eng',
          jobId: 'sdr',
          timezone,
          teamChannelSlack: `CTEAM${i + 1}`,
        }),
      ),
    ),
  ]);
}

export const slackIdOf = (id: string) => `U${id.toUpperCase()}`;
