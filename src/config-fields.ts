/** Field schemas shared by the sections of the config file (src/config.ts, src/config-warnings.ts). */
import { z } from 'zod';

export const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use 24-hour HH:MM, e.g. "18:00"');
export const weekday = z.enum(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  'use mon, tue, wed, thu, fri, sat or sun',
);
