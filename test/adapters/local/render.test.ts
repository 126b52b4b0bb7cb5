import { describe, it, expect } from 'vitest';
import { renderMessageBody, renderForm, renderInline } from '../../../adapters/local/render.js';
import type { Form, Message } from '../../../src/ui/model.js';

const ctx = { nameOf: (id: string) => ({ p1: 'Li Na', p2: '张伟' })[id], locale: 'en' as const };

describe('local renderer', () => {
  it('resolves mentions to names and escapes HTML in text', () => {
    const html = renderInline('**Hi** <@person:p2>, see [docs](https://example.com) <script>x</script>', ctx.nameOf);
    expect(html).toContain('<strong>Hi</strong>');
    expect(html).toContain('<span class="mention">@张伟</span>');
    expect(html).toContain('<a href="https://example.com"');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('renders cards with fields, a checklist and buttons', () => {
    const m: Message = {
      text: 'x',
      blocks: [
        { type: 'header', text: 'Case for <@person:p2>' },
        { type: 'fields', fields: [{ label: 'Rating', value: '2' }] },
        {
          type: 'checklist',
          items: [
            { ok: true, label: 'Reviews' },
            { ok: false, label: 'Training', detail: 'none yet' },
          ],
        },
        {
          type: 'actions',
          buttons: [{ actionId: 'review.acknowledge', label: 'Acknowledge', value: '7', style: 'primary' }],
        },
      ],
    };
    const html = renderMessageBody(m, ctx, 'm1');
    expect(html).toContain('Case for <span class="mention">@张伟</span>');
    expect(html).toContain('<dt>Rating</dt><dd>2</dd>');
    expect(html).toMatch(/✅.*done:.*Reviews/s);
    expect(html).toMatch(/❌.*missing:.*Training/s);
    expect(html).toContain('data-action="review.acknowledge" data-value="7"');
  });

  it('renders a form with labelled inputs and inline errors tied by aria-describedby', () => {
    const form: Form = {
      formId: 'review.form',
      title: 'Review <@person:p2>',
      submitLabel: 'Submit',
      state: '{"slot":1}',
      inputs: [
        {
          id: 'improvement',
          kind: 'text',
          label: 'Improvement',
          multiline: true,
          hint: 'Required when a KPI is missed',
        },
        { id: 'rating', kind: 'select', label: 'Rating', options: [{ value: '1', label: 'Poor' }] },
        { id: 'comment', kind: 'text', label: 'Comment', optional: true },
      ],
      errors: { improvement: 'Please add an improvement suggestion.' },
    };
    const html = renderForm(form, ctx);
    expect(html).toContain('data-state="{&quot;slot&quot;:1}"');
    expect(html).toContain('<label for="dlg-improvement">Improvement</label>');
    expect(html).toMatch(
      /<textarea id="dlg-improvement" name="improvement" aria-describedby="dlg-improvement-hint dlg-improvement-err" aria-invalid="true"/,
    );
    expect(html).toContain('<p class="field-error" id="dlg-improvement-err">Please add an improvement suggestion.</p>');
    expect(html).toContain('<p class="field-error" id="dlg-rating-err" hidden>');
    expect(html).toContain('Comment <span class="optional">(optional)</span>');
    expect(html).toContain('Review @张伟');
  });
});
