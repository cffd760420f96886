// Botdeck's dependency rules, checked by `npm run check` (`npm run deps`). The lib graph below
// is the allowed one: a new edge between libs is a design decision, so it is made here, on
// purpose, rather than by an import that happens to compile.
'use strict';

/** Which libs each lib may import (through its index). core imports no lib at all. */
const ALLOWED_LIBS = {
  core: [],
  auth: ['core'],
  audit: ['core'],
  // Reads the fleet's statuses, command figures and bulk totals through their public doors.
  monitoring: ['core', 'bot-config', 'bot-runtime', 'commands', 'bulk-operations'],
  'bot-config': ['core'],
  'bot-runtime': ['core', 'bot-config'],
  // bot-config: the HTTP interactions endpoint reads a bot's key, mode and token.
  commands: ['core', 'bot-config', 'bot-runtime'],
  'bulk-operations': ['core', 'bot-config', 'bot-runtime'],
  catalog: ['core'],
  'stock-display': ['core', 'catalog', 'bot-config', 'bot-runtime', 'commands'],
  messaging: ['core', 'bot-config', 'bot-runtime', 'bulk-operations'],
  // Delivers other domains' events to dashboards: it reads their event types and public doors.
  realtime: [
    'core',
    'auth',
    'audit',
    'monitoring',
    'bot-config',
    'bulk-operations',
    'commands',
    'catalog',
    'stock-display',
  ],
  // One search box over the domains that say what of theirs is searchable.
  search: ['core', 'auth', 'audit', 'bot-config', 'catalog', 'commands'],
  // Not a domain: the one list of every lib's migrations, for the API, the CLI and the tests.
  migrations: [
    'core',
    'auth',
    'audit',
    'bot-config',
    'bot-runtime',
    'commands',
    'bulk-operations',
    'catalog',
    'stock-display',
    'messaging',
  ],
};

const libGraphRules = Object.entries(ALLOWED_LIBS).map(([lib, allowed]) => ({
  name: `lib-graph-${lib}`,
  severity: 'error',
  comment: allowed.length
    ? `libs/${lib} may import only ${allowed.join(', ')} among the libs`
    : `libs/${lib} imports no other lib`,
  from: { path: `^libs/${lib}/` },
  to: { path: '^libs/', pathNot: `^libs/(${[lib, ...allowed].join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes load order fragile and two modules one; break it.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-app-to-app',
      severity: 'error',
      comment: 'An app never imports another app; what two apps share belongs in a lib.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'lib-through-index',
      severity: 'error',
      comment: 'Another lib is entered only through its index (@botdeck/<lib>).',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/(?!index\\.ts$)', pathNot: '^libs/$1/' },
    },
    {
      name: 'apps-and-tests-use-lib-index',
      severity: 'error',
      comment: 'Apps, tests and benchmarks enter a lib only through its index (@botdeck/<lib>).',
      from: { path: '^(apps|test|bench)/' },
      to: { path: '^libs/[^/]+/src/(?!index\\.ts$)' },
    },
    {
      name: 'libs-import-no-app',
      severity: 'error',
      comment: 'Libs are what apps are made of; they never import one.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'production-imports-no-tests',
      severity: 'error',
      comment: 'Apps and libs never import test or benchmark code.',
      from: { path: '^(apps|libs)/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^(test|bench)/' },
    },
    ...libGraphRules,
    {
      name: 'lib-graph-unlisted',
      severity: 'error',
      comment: 'A new lib states which libs it may import in ALLOWED_LIBS first.',
      from: { path: '^libs/', pathNot: `^libs/(${Object.keys(ALLOWED_LIBS).join('|')})/` },
      to: { path: '^libs/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|coverage)/' },
    // Type-only imports count too: a lib that needs another's types depends on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
