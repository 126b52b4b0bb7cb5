/**
 * The `files` and `api` sections of dandang.yml: evidence file limits (issue 16) and the KPI feed
 * endpoint's rate limit. The folder (DANDANG_FILES) and the API token (DANDANG_API_TOKEN) are env.
 */
import { z } from 'zod';
import { DEFAULT_MAX_FILE_MB, MAX_FILE_MB_CEILING } from './domain/files.js';

const megabytes = `use a number of megabytes from 1 to ${MAX_FILE_MB_CEILING}, such as ${DEFAULT_MAX_FILE_MB}`;

export const filesSchema = z
  .strictObject({
    /**
     * The largest file that may be attached, in MB. At most 25: the dossier ZIP is uploaded to Feishu
     * (30 MB a file) and Slack's own file input stops at 10 MB whatever this says.
     */
    maxMegabytes: z
      .number(megabytes)
      .positive(megabytes)
      .max(MAX_FILE_MB_CEILING, megabytes)
      .default(DEFAULT_MAX_FILE_MB),
  })
  .default({ maxMegabytes: DEFAULT_MAX_FILE_MB });

export const apiSchema = z
  .strictObject({
    /** Requests per minute one token may make to /api/v1 (HTTP 429 with Retry-After beyond it). */
    requestsPerMinute: z
      .number('use a whole number such as 60')
      .int('use a whole number such as 60')
      .min(1, 'use a whole number of at least 1, such as 60')
      .default(60),
    /** Rows one request may carry. */
    maxRows: z
      .number('use a whole number such as 5000')
      .int('use a whole number such as 5000')
      .min(1, 'use a whole number of at least 1, such as 5000')
      .max(50_000, 'use at most 50000')
      .default(5000),
  })
  .default({ requestsPerMinute: 60, maxRows: 5000 });

export const megabytesToBytes = (mb: number): number => Math.round(mb * 1024 * 1024);
