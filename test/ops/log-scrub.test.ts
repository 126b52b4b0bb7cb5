import { describe, expect, it } from 'vitest';
import { makeScrubber } from '../../adapters/log-scrub.js';

describe('log scrubbing', () => {
  const scrub = makeScrubber(['app-secret-1234', 'sign-secret-5678']);

  it("reduces the Lark SDK's failed token call (an axios error carrying the request) to its line and status", () => {
    const axiosError = {
      isAxiosError: true,
      message: 'Request failed with status code 500',
      config: {
        method: 'post',
        url: 'https://open.feishu.cn/open-apis/auth/v3/tenant_access_token/internal',
        data: '{"app_id":"cli_1","app_secret":"app-secret-1234"}',
        headers: { Authorization: 'Bearer t-g1044abcdefghijk' },
      },
      response: { status: 500, data: { code: 10003, msg: 'internal error' } },
    };
    const out = JSON.stringify(scrub([axiosError]));
    expect(out).not.toContain('app-secret-1234');
    expect(out).not.toContain('t-g1044abcdefghijk');
    expect(JSON.parse(out)[0]).toMatchObject({
      method: 'POST',
      url: 'https://open.feishu.cn/open-apis/auth/v3/tenant_access_token/internal',
      status: 500,
      platformCode: 10003,
    });
  });

  it('removes configured secrets and token shapes from any string, and secrets and bodies by key', () => {
    const out = JSON.stringify(
      scrub({
        note: 'signed with sign-secret-5678 and xoxb-123-456-abc, Authorization: Bearer xyz.abc',
        dump: '{"app_secret":"anything","text":"Mia is underperforming"}',
        nested: { token: 'opaque', text: 'Mia is underperforming', list: ['xapp-1-A1-xyz'] },
      }),
    );
    for (const leak of ['sign-secret-5678', 'xoxb-123', 'xyz.abc', 'anything', 'opaque', 'underperforming', 'xapp-1'])
      expect(out).not.toContain(leak);
    expect(out).toContain('signed with');
  });

  it('keeps error messages and stacks, scrubbed', () => {
    const out = scrub(new Error('auth failed for app-secret-1234')) as { type: string; message: string; stack: string };
    expect(out.type).toBe('Error');
    expect(out.message).toBe('auth failed for [redacted]');
    expect(out.stack).not.toContain('app-secret-1234');
  });
});
