/**
 * The `files` section of dandang.yml: evidence file limits (issue 16). The folder is env
 * (DANDANG_FILES).
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

export const megabytesToBytes = (mb: number): number => Math.round(mb * 1024 * 1024);
