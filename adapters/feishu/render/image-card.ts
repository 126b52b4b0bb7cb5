/**
 * A chart on Feishu: the picture (uploaded with im/v1/images) with its one-line summary under it,
 * in one card, so the summary is where a reader and a notification expect it. The summary is
 * plain text, never markdown: it holds people's and departments' names.
 */
import type { Card } from './card.js';
import { plain } from './markup.js';

export function renderImageCard(f: { title: string; imageKey: string; summary: string | null }): Card {
  const summary = f.summary ?? '';
  return {
    schema: '2.0',
    config: { update_multi: true, ...(summary ? { summary: { content: summary } } : {}) },
    header: { title: plain(f.title), template: 'blue' },
    body: {
      elements: [
        { tag: 'img', img_key: f.imageKey, alt: plain(summary || f.title), scale_type: 'fit_horizontal' },
        ...(summary ? [{ tag: 'div', text: plain(summary) }] : []),
      ],
    },
  };
}
