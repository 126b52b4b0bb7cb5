/** Why `npm start` must refuse a configuration: platform credentials without encryption or a signed audit log. */
import type { Config } from './config.js';

/**
 * Why `npm start` must not run with this configuration, in one line, or null. Real people's notes
 * need encryption at rest and a signed audit log; the local demo runs without either.
 */
export function startRefusal(c: Config): string | null {
  if (!c.slack && !c.feishu) return null;
  if (!c.protection.dataKey && !c.protection.allowPlaintext)
    return (
      'Refusing to start: platform credentials are set but DANDANG_DATA_KEY is not, so notes and comments would be stored unencrypted. ' +
      'Set DANDANG_DATA_KEY (make one with: npm run dandang -- keys generate), or set DANDANG_ALLOW_PLAINTEXT=1 to accept plaintext.'
    );
  if (!c.protection.auditKey && !c.protection.allowUnsignedAudit)
    return (
      'Refusing to start: platform credentials are set but DANDANG_AUDIT_KEY is not, so the audit log could be rewritten unnoticed. ' +
      'Set DANDANG_AUDIT_KEY (make one with: npm run dandang -- keys generate), or set DANDANG_ALLOW_UNSIGNED_AUDIT=1 to accept that.'
    );
  return null;
}
