/**
 * Issue 13 #13: the note and training forms ask what the chosen kind needs and keep the rest behind
 * "More"; a KPI picker is a set of checkboxes (one click each) on the page, in a Slack modal and in a
 * Feishu card, and each platform's submission comes back as the same list of KPI keys.
 */
import { describe, expect, it } from 'vitest';
import { buildNoteForm } from '../../src/ui/screens/evidence/note.js';
import { buildTrainingForm } from '../../src/ui/screens/evidence/training.js';
import { translator } from '../../src/ui/i18n/index.js';
import type { Form, Input } from '../../src/ui/model.js';
import { renderForm } from '../../adapters/local/render.js';
import { renderFormToModal } from '../../adapters/slack/render/modal.js';
import { parseViewValues } from '../../adapters/slack/parse.js';
import { renderFormContainer } from '../../adapters/feishu/render/form.js';
import { normalizeFormValues } from '../../adapters/feishu/parse/card-action.js';

const t = translator('en');
const kpis = [
  { key: 'revenue', name: 'Sales revenue', unit: 'k CNY', target: 200, direction: 'higher' as const },
  { key: 'new_accounts', name: 'New accounts', unit: '', target: 3, direction: 'higher' as const },
];
const note = (kind?: 'pip_check_in') =>
  buildNoteForm(t, {
    personId: 'zw',
    personName: '张伟',
    kpis,
    owners: [{ value: 'zw', label: '张伟' }],
    today: '2026-11-24',
    ...(kind ? { prefill: { kind } } : {}),
  });
const training = () =>
  buildTrainingForm(t, {
    personId: 'zw',
    personName: '张伟',
    jobTitle: 'Sales representative',
    kpis,
    preselected: ['revenue'],
    trainers: [{ value: 'lina', label: 'Li Na' }],
    zone: 'Asia/Shanghai',
  });
const asked = (f: Form) => f.inputs.filter((i) => !i.more).map((i) => i.id);
const more = (f: Form) => f.inputs.filter((i) => i.more).map((i) => i.id);

describe('what the forms ask', () => {
  it('a plain note asks kind, day, discussion, KPIs and visibility; actions and the check-in are behind More', () => {
    const f = note();
    expect(asked(f)).toEqual(['kind', 'held_on', 'discussion', 'kpis', 'visibility']);
    expect(more(f)).toHaveLength(10);
    expect(f.inputs.filter((i) => i.more).every((i) => i.optional)).toBe(true);
  });

  it('a kind that follows up asks its first agreed action and the next check-in', () => {
    const f = note('pip_check_in');
    expect(asked(f)).toEqual(expect.arrayContaining(['action1', 'action1_owner', 'action1_due', 'next_check_in']));
    expect(more(f)).toEqual(['action2', 'action2_owner', 'action2_due', 'action3', 'action3_owner', 'action3_due']);
  });

  it('a training plan asks one session; a second and third and an outside trainer are behind More', () => {
    const f = training();
    expect(asked(f)).toEqual([
      'kpis',
      'goal',
      'content',
      'trainer_person',
      'session1_date',
      'session1_start',
      'session1_end',
      'session1_place',
      'expected',
    ]);
    expect(more(f)).toContain('session3_place');
    expect(more(f)).toContain('trainer_name');
    expect(f.inputs.filter((i) => i.more).every((i) => i.optional)).toBe(true);
  });

  it('every KPI picker is a set of checkboxes', () => {
    for (const f of [note(), training()]) {
      const picker = f.inputs.find((i) => i.id === 'kpis') as Extract<Input, { kind: 'multiselect' }>;
      expect(picker.checkboxes).toBe(true);
    }
  });
});

describe('the local page', () => {
  const ctx = { nameOf: () => undefined, locale: 'en' as const };

  it('puts the optional rest in a closed <details>, and checkboxes for the KPIs, checked as prefilled', () => {
    const html = renderForm(training(), ctx);
    expect(html).toMatch(/<details class="more"><summary>More \(9 optional fields\)<\/summary>/);
    const [visible, hidden] = html.split('<details');
    expect(visible).toContain('name="goal"');
    expect(visible).not.toContain('name="session2_date"');
    expect(hidden).toContain('name="session2_date"');
    expect(html).not.toContain('<select multiple');
    expect(html).toContain('<input type="checkbox" id="dlg-kpis-0" name="kpis" value="revenue" checked');
    expect(html).toMatch(/<input type="checkbox" id="dlg-kpis-1" name="kpis" value="new_accounts" [^>]*> New accounts/);
  });

  it('opens More when one of its fields has an error', () => {
    const html = renderForm({ ...training(), errors: { session2_start: 'Enter a time as HH:MM' } }, ctx);
    expect(html).toContain('<details class="more" open>');
  });
});

describe('a Slack modal', () => {
  const ctx = { resolveMention: () => null, t };

  it('shows KPIs as a checkboxes element and the rest after a "More" divider, and reads checked boxes back', () => {
    const view = renderFormToModal(training(), ctx) as { blocks: Record<string, any>[] };
    const kpiBlock = view.blocks.find((b) => b.block_id === 'kpis')!;
    expect(kpiBlock.element.type).toBe('checkboxes');
    expect(kpiBlock.element.options.map((o: { value: string }) => o.value)).toEqual(['revenue', 'new_accounts']);
    expect(kpiBlock.element.initial_options.map((o: { value: string }) => o.value)).toEqual(['revenue']);
    const ids = view.blocks.map((b) => b.block_id ?? b.type);
    expect(ids.indexOf('divider')).toBeGreaterThan(ids.indexOf('expected'));
    expect(ids.indexOf('session2_date')).toBeGreaterThan(ids.indexOf('divider'));

    const values = parseViewValues(
      { kpis: { kpis: { type: 'checkboxes', selected_options: [{ value: 'revenue' }, { value: 'new_accounts' }] } } },
      () => null,
    );
    expect(values.kpis).toEqual(['revenue', 'new_accounts']);
  });
});

describe('a Feishu card', () => {
  const deps = { t, mentions: () => null, renderIntro: () => [] };

  it('shows KPIs as checkers, the rest in a collapsed panel inside the form, and joins checkers back', () => {
    const card = renderFormContainer(training(), deps) as { elements: Record<string, any>[] };
    const checkers = card.elements.filter((e) => e.tag === 'checker');
    expect(checkers.map((c) => [c.name, c.checked])).toEqual([
      ['kpis__revenue', true],
      ['kpis__new_accounts', false],
    ]);
    const panel = card.elements.find((e) => e.tag === 'collapsible_panel')!;
    expect(panel.expanded).toBe(false);
    expect(JSON.stringify(panel.elements)).toContain('"name":"session2_date"');
    expect(JSON.stringify(card.elements.filter((e) => e !== panel))).not.toContain('session2_date');

    expect(normalizeFormValues({ kpis__revenue: false, kpis__new_accounts: true, goal: 'Close the gap' })).toEqual({
      kpis: ['new_accounts'],
      goal: 'Close the gap',
    });
  });
});
