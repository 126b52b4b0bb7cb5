/**
 * Bot menu (机器人菜单) entries → commands. The keys are what the README tells admins to enter as
 * each entry's event key (响应动作: 推送事件) in the developer console.
 */
import type { CommandName } from '../../../src/app/commands.js';

export const BOT_MENU: Record<string, { command: CommandName; args: string }> = {
  review: { command: 'review', args: '' },
  review_status: { command: 'review', args: 'status' },
  review_mine: { command: 'review', args: 'mine' },
  note: { command: 'note', args: '' },
  training: { command: 'training', args: '' },
  offboard_status: { command: 'offboard', args: 'status' },
  report: { command: 'dandang', args: 'report' },
  help: { command: 'dandang', args: 'help' },
};

/** Shape seen: { operator: { operator_id: { open_id } }, event_key: 'review_status', timestamp } */
export function parseMenuEvent(data: unknown): { openId: string; command: CommandName; args: string } | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as { operator?: { operator_id?: { open_id?: unknown } }; event_key?: unknown };
  const openId = d.operator?.operator_id?.open_id;
  const key = d.event_key;
  if (typeof openId !== 'string' || typeof key !== 'string') return null;
  const entry = BOT_MENU[key];
  return entry ? { openId, ...entry } : null;
}
