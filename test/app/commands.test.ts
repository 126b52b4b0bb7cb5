import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { COMMANDS, COMMAND_NAMES, commandsOwnedBy, type FeatureName } from '../../src/app/commands.js';
import { FEATURES } from '../../src/app/features.js';
import { buildHelp } from '../../src/ui/screens/help.js';
import { translator } from '../../src/ui/i18n/index.js';
import { LOCALES } from '../../src/ui/i18n/index.js';
import { BOT_MENU } from '../../adapters/feishu/parse/menu.js';
import { makeTestDb } from '../support/db.js';
import { testSettings } from '../support/org.js';

const ROOT = join(import.meta.dirname, '../..');
const db = makeTestDb();
afterAll(() => db.cleanup());
const deps = { store: db.store, clock: db.clock, settings: testSettings() };

/** `command subcommand` pairs a feature module actually registers with the router. */
function registeredBy(feature: FeatureName): string[] {
  const handlers = FEATURES[feature](deps);
  return Object.entries(handlers.commands ?? {})
    .flatMap(([name, subs]) => Object.keys(subs ?? {}).map((sub) => `${name} ${sub}`))
    .sort();
}

describe('the command table (src/app/commands.ts)', () => {
  it.each(Object.keys(FEATURES) as FeatureName[])(
    'lists exactly the commands and subcommands src/app/%s.ts registers',
    (feature) => {
      const owned = commandsOwnedBy(feature)
        .map(([name, sub]) => `${name} ${sub}`)
        .sort();
      expect(registeredBy(feature)).toEqual(owned);
    },
  );

  it('gives every command a handler when no subcommand matches', () => {
    for (const name of COMMAND_NAMES) expect(Object.keys(COMMANDS[name])).toContain('');
  });

  it('matches the slash commands in the Slack manifest', () => {
    const manifest = parseYaml(readFileSync(join(ROOT, 'manifest.yml'), 'utf8')) as {
      features: { slash_commands: { command: string }[] };
    };
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual(
      COMMAND_NAMES.map((n) => `/${n}`).sort(),
    );
  });

  it('is what /dandang help explains, in every language', () => {
    for (const locale of LOCALES) {
      const help = JSON.stringify(buildHelp(translator(locale), { isHr: true, isManager: true }));
      for (const name of COMMAND_NAMES) {
        expect(help).toContain(`/${name}`);
        for (const sub of Object.keys(COMMANDS[name]).filter(Boolean)) expect(help).toContain(`/${name} ${sub}`);
      }
    }
  });

  it('explains every form of /dandang report in /dandang help, in every language', () => {
    for (const locale of LOCALES) {
      const help = JSON.stringify(buildHelp(translator(locale), { isHr: true, isManager: true }));
      for (const form of ['export', 'cases']) expect(help).toContain(`/dandang report ${form}`);
      expect(help).toContain('/dandang report [channel]');
    }
  });

  it('maps every Feishu bot menu entry to a command and subcommand in the table', () => {
    for (const { command, args } of Object.values(BOT_MENU)) {
      const sub = args.split(/\s+/)[0] ?? '';
      expect(Object.keys(COMMANDS[command])).toContain(sub);
    }
  });
});
