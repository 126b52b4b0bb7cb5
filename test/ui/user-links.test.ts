/**
 * A link someone typed into a note is shown as text in the bot's message on every platform (no
 * phishing link from a manager or an employee in a DM the bot sends), unless the author is HR.
 * Slack and Feishu turn a bare address in plain text into a link themselves; a code span they do not.
 */
import { describe, expect, it } from 'vitest';
import { buildNoteMessage, type NoteView } from '../../src/ui/screens/evidence/note.js';
import { translator } from '../../src/ui/i18n/index.js';
import { renderMessagePages } from '../../adapters/slack/render/message.js';
import { renderMessageCards } from '../../adapters/feishu/render/card.js';
import { renderMessageBody } from '../../adapters/local/render.js';
import type { Note } from '../../src/ports/repos/evidence.js';

const t = translator('en');
const TYPED = 'Slides at https://evil.test/login?x=1 and www.phish.test, ask me.';

function view(authorIsHr: boolean): NoteView {
  const note: Note = {
    id: 1,
    personId: 'emp',
    authorId: 'author',
    kind: 'one_on_one',
    heldOn: '2026-11-20',
    discussion: TYPED,
    kpiKeys: [],
    nextCheckIn: null,
    terms: null,
    visibility: 'shared',
    createdAt: 0,
    actions: [{ description: 'Read https://evil.test/doc', ownerId: 'emp', dueOn: '2026-11-27' }],
  } as unknown as Note;
  return {
    note,
    authorName: 'Author',
    authorIsHr,
    employeeName: 'Emp',
    kpiNames: [],
    names: (id) => id,
    ack: null,
    zone: 'UTC',
  };
}

const rendered = (authorIsHr: boolean) => {
  const message = buildNoteMessage(t, view(authorIsHr));
  return {
    slack: JSON.stringify(renderMessagePages(message, { resolveMention: () => null, t }).map((p) => p.blocks)),
    feishu: JSON.stringify(renderMessageCards(message, { t, mentions: () => null })),
    html: renderMessageBody(message, { nameOf: () => undefined, locale: 'en' }, 'm1'),
  };
};

describe('links typed by people in bot messages', () => {
  it('are text (a code span) on Slack, Feishu and the local page when a manager or employee typed them', () => {
    const r = rendered(false);
    expect(r.slack).toContain('`https://evil.test/login?x=1`');
    expect(r.slack).toContain('`www.phish.test`');
    expect(r.slack).not.toMatch(/<https?:\/\/evil/);
    expect(r.feishu).toContain('`https://evil.test/login?x=1`');
    expect(r.feishu).not.toContain('](https://evil');
    expect(r.html).toContain('<code>https://evil.test/login?x=1</code>');
    expect(r.html).not.toContain('href="https://evil');
  });

  it('are links when HR wrote them', () => {
    const r = rendered(true);
    expect(r.slack).toContain('<https://evil.test/login?x=1|');
    expect(r.slack).toContain('<https://www.phish.test|');
    expect(r.feishu).toContain('](https://evil.test/login?x=1)');
    expect(r.html).toContain('href="https://evil.test/doc"');
  });
});
