/**
 * Bot menu (机器人菜单) entries → commands. The keys are what the README tells admins to enter as
 * each entry's event key (响应动作: 推送事件) in the developer console; they are the menu entries
 * the Home offers on every platform (src/ui/screens/home/entries.ts), so the menu and the Home match.
 */
import type { CommandName } from '../../../src/app/commands.js';
import { MENU_ENTRIES } from '../../../src/ui/screens/home/entries.js';

export const BOT_MENU: Record<string, { command: CommandName; args: string }> = Object.fromEntries(
  MENU_ENTRIES.map((e) => [e.key, { command: e.command, args: e.args }]),
);

/** Shape seen: { operator: { operator_id: { open_id } }, event_key: 'review_status', timestamp } */
export function parseMenuEvent(data: unknown): { openId: string; command: CommandName; args: string } | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as { operator?: { operator_id?: { open_id?: unknown } }; event_key?: unknown };
  const openId = d.operator?.operator_id?.open_id;
  const key = d.event_key;
  if (typeof openId !== 'string' || typeof key !== 'string') return null;
  const entry = Object.hasOwn(BOT_MENU, key) ? BOT_MENU[key] : undefined;
  return entry ? { openId, ...entry } : null;
}
