/**
 * The entries of the bot's menu: the Feishu bot menu's event keys (adapters/feishu/parse/menu.ts),
 * the shortcuts at the foot of the Home (Slack's App Home, the local workspace's Home, the Home card
 * the Feishu menu's `home` entry sends) and the `menu.entry` button, which runs the entry's command
 * (src/app/router.ts). One list, so the three platforms offer the same things.
 * test/app/commands.test.ts checks each entry names a command and subcommand of the commands table.
 */
import type { MessageKey } from '../../i18n/index.js';

/** Who an entry is offered to: everyone, people with reports (and HR), or HR and admins only. */
export type EntryAudience = 'everyone' | 'manager' | 'hr';

export interface MenuEntry {
  /** The Feishu menu's event key, and the `menu.entry` button's value. */
  key: string;
  command: 'review' | 'note' | 'training' | 'offboard' | 'dandang';
  args: string;
  audience: EntryAudience;
  label: MessageKey;
}

export const MENU_ENTRIES: readonly MenuEntry[] = [
  { key: 'home', command: 'dandang', args: 'home', audience: 'everyone', label: 'home.entry.home' },
  { key: 'review', command: 'review', args: '', audience: 'manager', label: 'home.entry.review' },
  { key: 'review_status', command: 'review', args: 'status', audience: 'manager', label: 'home.entry.reviewStatus' },
  { key: 'review_mine', command: 'review', args: 'mine', audience: 'everyone', label: 'home.entry.reviewMine' },
  { key: 'note', command: 'note', args: '', audience: 'manager', label: 'home.entry.note' },
  { key: 'training', command: 'training', args: '', audience: 'manager', label: 'home.entry.training' },
  { key: 'offboard_status', command: 'offboard', args: 'status', audience: 'hr', label: 'home.entry.offboardStatus' },
  { key: 'report', command: 'dandang', args: 'report', audience: 'hr', label: 'home.entry.report' },
  { key: 'help', command: 'dandang', args: 'help', audience: 'everyone', label: 'home.entry.help' },
];

/**
 * Entries a button may name with an id after a colon (`case:12` → `/offboard case 12`): the Home
 * lists HR's open cases, each with a button that brings its card back.
 */
export const ENTRIES_WITH_ID: Readonly<Record<string, { command: MenuEntry['command']; args: string }>> = {
  case: { command: 'offboard', args: 'case' },
};

export const menuEntry = (key: string): MenuEntry | undefined => MENU_ENTRIES.find((e) => e.key === key);

/** The command a `menu.entry` button value runs, or null when the value names no entry. */
export function entryCommand(value: string): { command: MenuEntry['command']; args: string } | null {
  const withId = /^([a-z_]+):(\d{1,12})$/.exec(value);
  if (withId) {
    const e = ENTRIES_WITH_ID[withId[1]!];
    return e ? { command: e.command, args: `${e.args} ${withId[2]}` } : null;
  }
  const e = menuEntry(value);
  return e ? { command: e.command, args: e.args } : null;
}

/** The entries a reader is offered. */
export const entriesFor = (reader: { isHr: boolean; isManager: boolean }): MenuEntry[] =>
  MENU_ENTRIES.filter(
    (e) =>
      e.audience === 'everyone' ||
      (e.audience === 'manager' && (reader.isManager || reader.isHr)) ||
      (e.audience === 'hr' && reader.isHr),
  );
