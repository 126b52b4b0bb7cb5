/**
 * Parses what a persona types into the message box: `/review status`, `/note @Li Na`,
 * `/offboard @p-07 missed targets`. Mentions are matched by full name (longest first) or id,
 * and replaced by the person id, as every adapter does before dispatching.
 */
import { typedCommand, type CommandName } from '../../src/app/commands.js';

export type ParsedLine =
  | { ok: true; command: CommandName; args: string; mentions: string[] }
  | { ok: false; reason: 'notACommand' | 'unknownCommand' }
  | { ok: false; reason: 'unknownMention'; name: string };

export interface Mentionable {
  id: string;
  name: string;
}

export function parseCommandLine(line: string, people: Mentionable[]): ParsedLine {
  const typed = typedCommand(line, { slashOptional: false });
  if (!typed) return { ok: false, reason: /^\s*[/／]/.test(line) ? 'unknownCommand' : 'notACommand' };
  const { command, args: rest } = typed;

  // Longest names first, so "Li Na" wins over "Li" when both exist.
  const candidates = people
    .flatMap((p) => [
      { key: p.name.toLowerCase(), id: p.id },
      { key: p.id.toLowerCase(), id: p.id },
    ])
    .sort((a, b) => b.key.length - a.key.length);
  const mentions: string[] = [];
  let args = '';
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i]!;
    const atWordStart = i === 0 || /\s/.test(rest[i - 1]!);
    if (ch !== '@' || !atWordStart) {
      args += ch;
      continue;
    }
    const tail = rest.slice(i + 1).toLowerCase();
    const hit = candidates.find(
      (c) => tail.startsWith(c.key) && (tail.length === c.key.length || /[\s,.;:!?)]/.test(tail[c.key.length]!)),
    );
    if (!hit) {
      const word = /^[^\s,.;:!?]*/.exec(rest.slice(i + 1))![0];
      return { ok: false, reason: 'unknownMention', name: word };
    }
    mentions.push(hit.id);
    args += hit.id;
    i += hit.key.length;
  }
  return { ok: true, command, args: args.trim(), mentions };
}

/** Suggestions for the message box's datalist: each command, and the mention commands per person. */
export function commandSuggestions(people: Mentionable[], opts: { hr: boolean }): string[] {
  const out = ['/review', '/review status', '/dandang help', '/note', '/training'];
  if (opts.hr) out.push('/review start', '/review status all', '/dandang report', '/offboard');
  for (const p of people.slice(0, 200)) {
    out.push(`/review @${p.name}`, `/note @${p.name}`);
    if (opts.hr) out.push(`/offboard @${p.name} `);
  }
  return out;
}
