/** Who a person is to the product, from their record alone. */

export type Role = 'employee' | 'hr' | 'admin';

/** HR or an admin, and still active: a deactivated HR account has no HR powers. */
export const isHr = (p: { active: boolean; role: Role } | null | undefined): boolean =>
  !!p && p.active && (p.role === 'hr' || p.role === 'admin');
