/**
 * The layering table of docs/ARCHITECTURE.md ("Layers and who may import what"), as rules.
 * `npm run lint:layers` checks `src/`, `db/` and `adapters/` against it, and `npm test` runs that.
 * Each rule's comment quotes the row it enforces; change the table and this file together.
 * test/layers.test.ts proves that every rule fires on a file that breaks it.
 */

/** npm packages, resolved (`node_modules/zod/…`, also through a worktree's symlinked node_modules). */
const npm = (...names) => `(^|/)node_modules/(${names.join('|')})/`;
const ANY_NPM = '(^|/)node_modules/';

/** `src/` other than the composition root. */
const SRC = '^src/';
const MAIN = '^src/main\\.ts$';

module.exports = {
  forbidden: [
    // --- src/domain/
    {
      name: 'domain-imports-only-domain',
      comment:
        'src/domain/: nothing outside the domain, except the pure libraries date-holidays, chinese-days, zod, yaml and node:crypto',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        pathNot: ['^src/domain/', npm('date-holidays', 'chinese-days', 'zod', 'yaml')],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'domain-does-no-io',
      comment: 'src/domain/: no I/O, so of Node itself only node:crypto (the audit hash)',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'], pathNot: '^crypto$' },
    },

    // --- src/ui/
    {
      name: 'ui-imports-domain-and-ports',
      comment: 'src/ui/: domain, ports (types); the pure formatter ics (calendar files)',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { pathNot: ['^src/(ui|domain|ports)/', npm('ics')] },
    },
    {
      name: 'ui-uses-port-types-only',
      comment: 'src/ui/: ports (types)',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/ports/', dependencyTypesNot: ['type-only'] },
    },

    // --- src/ports/
    {
      name: 'ports-import-types-of-domain-ui-model-and-config',
      comment: 'src/ports/: domain (types), ui/model (types: outbox payloads), src/config.ts (types)',
      severity: 'error',
      from: { path: '^src/ports/' },
      to: { pathNot: ['^src/ports/', '^src/domain/', '^src/ui/model\\.ts$', '^src/config\\.ts$'] },
    },
    {
      name: 'ports-use-types-only',
      comment: 'src/ports/: what it takes from domain, ui/model and config is types',
      severity: 'error',
      from: { path: '^src/ports/' },
      to: { path: ['^src/domain/', '^src/ui/', '^src/config\\.ts$'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'only-settings-names-config',
      comment: "src/ports/: src/config.ts (types: ports/settings.ts names the config's shapes)",
      severity: 'error',
      from: { path: '^src/ports/', pathNot: '^src/ports/settings\\.ts$' },
      to: { path: '^src/config\\.ts$' },
    },

    // --- src/usecases/
    {
      name: 'usecases-import-domain-ui-ports',
      comment: 'src/usecases/: domain, ui, ports; the parsers zod, yaml, csv-parse',
      severity: 'error',
      from: { path: '^src/usecases/' },
      to: {
        pathNot: ['^src/(usecases|domain|ui|ports)/', npm('zod', 'yaml', 'csv-parse')],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'usecases-do-no-io',
      comment: 'src/usecases/: no I/O of its own: no node:fs, no network',
      severity: 'error',
      from: { path: '^src/usecases/' },
      to: { dependencyTypes: ['core'] },
    },

    // --- src/app/
    {
      name: 'app-imports-usecases-ui-ports-domain',
      comment: 'src/app/: usecases, ui, ports, domain',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { pathNot: ['^src/(app|usecases|ui|ports|domain)/'] },
    },

    // --- src/delivery/
    {
      name: 'delivery-imports-ports',
      comment: 'src/delivery/: ports',
      severity: 'error',
      from: { path: '^src/delivery/' },
      to: { pathNot: ['^src/(delivery|ports)/'] },
    },

    // --- src/config.ts
    {
      name: 'config-imports-ports-domain',
      comment: 'src/config.ts (and its section files src/config-*.ts): ports (settings.ts), domain; zod, yaml, node:fs',
      severity: 'error',
      from: { path: ['^src/config\\.ts$', '^src/config-[a-z]+\\.ts$'] },
      to: {
        pathNot: ['^src/(ports|domain)/', '^src/config\\.ts$', '^src/config-[a-z]+\\.ts$', npm('zod', 'yaml'), '^fs$'],
      },
    },

    // --- db/
    {
      name: 'db-imports-ports-domain-and-messages',
      comment: 'db/: src/ports, src/domain, src/ui/model (types: the outbox stores messages)',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: ['^src/', '^adapters/'], pathNot: ['^src/(ports|domain)/', '^src/ui/model\\.ts$'] },
    },
    {
      name: 'db-holds-messages-as-types',
      comment: 'db/: src/ui/model (types)',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^src/ui/', dependencyTypesNot: ['type-only'] },
    },

    // --- adapters/
    {
      name: 'adapters-call-the-router',
      comment:
        'adapters/: src/app, src/ui, src/ports, src/domain, src/delivery, src/config.ts, db. Only the CLI and the demo loader may also call src/usecases',
      severity: 'error',
      from: { path: '^adapters/', pathNot: '^adapters/(cli|local/demo)/' },
      to: { path: ['^src/usecases/', MAIN] },
    },
    {
      name: 'cli-and-demo-loader-stay-out-of-main',
      comment: 'adapters/: the composition root imports adapters, never the reverse',
      severity: 'error',
      from: { path: '^adapters/(cli|local/demo)/' },
      to: { path: MAIN },
    },
    {
      name: 'platforms-do-not-import-each-other',
      comment: 'adapters/: Slack, Feishu and local do not import each other; the CLI may use any of them',
      severity: 'error',
      from: { path: '^adapters/(slack|feishu|local)/' },
      to: { path: '^adapters/(slack|feishu|local|cli)/', pathNot: '^adapters/$1/' },
    },

    // --- src/ as a whole
    {
      name: 'src-stays-off-platforms-and-storage',
      comment:
        'src/ never imports db/, adapters/, @slack/*, @larksuiteoapi/*, drizzle-orm, better-sqlite3 or node-cron, except src/main.ts',
      severity: 'error',
      from: { path: SRC, pathNot: MAIN },
      to: {
        path: [
          '^db/',
          '^adapters/',
          npm('@slack/[^/]+', '@larksuiteoapi/[^/]+', 'drizzle-orm', 'better-sqlite3', 'node-cron'),
        ],
      },
    },
    {
      name: 'src-imports-resolve',
      comment: 'a layer rule can only judge an import it can resolve',
      severity: 'error',
      from: { path: ['^src/', '^db/', '^adapters/'] },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: ANY_NPM },
    // `import type` counts: the table names type-only uses explicitly.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.cjs', '.mjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
