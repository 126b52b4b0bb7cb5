/** Who a person is to the product, from their record alone. */
import type { Person } from '../ports/records.js';

/** HR or an admin, and still active: a deactivated HR account has no HR powers. */
export const isHr = (p: Pick<Person, 'active' | 'role'> | null | undefined): boolean =>
  !!p && p.active && (p.role === 'hr' || p.role === 'admin');
