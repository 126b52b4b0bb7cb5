/** How a review slot is read with its names (employee, manager, cycle) and the one rule for a digest's channel. */
import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client.js';
import { cycles, reviewSlots, people } from '../schema/index.js';
import type { ReviewSlot, SlotView } from '../../src/ports/repos/reviews.js';
import { selectList } from '../select-list.js';

/** A slot's columns, read with the names of a SlotView (those joined in are text, read as stored). */
export const SLOT_VIEW = selectList<SlotView>(reviewSlots, { qualifier: 'review_slots' });

export const managers = alias(people, 'managers');
export const employees = alias(people, 'employees');

export const slotViewColumns = {
  slot: reviewSlots,
  employeeName: employees.name,
  managerName: managers.name,
  managerLocale: managers.locale,
  managerTimezone: managers.timezone,
  department: cycles.department,
  cycleLabel: cycles.label,
  teamChannelSlack: employees.teamChannelSlack,
  teamChannelFeishu: employees.teamChannelFeishu,
};

/** The one rule for a digest's channel key (`DigestSlot.channel`): Slack, else Feishu, else local. */
export const digestChannel = sql<string>`coalesce(${employees.teamChannelSlack}, ${employees.teamChannelFeishu}, 'team:' || ${cycles.department})`;

export const slotViewQuery = (db: Db) =>
  db
    .select(slotViewColumns)
    .from(reviewSlots)
    .innerJoin(employees, eq(employees.id, reviewSlots.employeeId))
    .innerJoin(managers, eq(managers.id, reviewSlots.managerId))
    .innerJoin(cycles, eq(cycles.id, reviewSlots.cycleId));

export const toView = ({
  slot,
  managerLocale,
  ...names
}: { slot: ReviewSlot; managerLocale: string | null } & Omit<
  SlotView,
  keyof ReviewSlot | 'managerLocale'
>): SlotView => ({
  ...slot,
  ...names,
  managerLocale: managerLocale as SlotView['managerLocale'],
});
