// The import direction from STYLE.md, enforced: config ← platform ← identity, media ← content ← comments, search ← webhooks
// ← surfaces (site, newsroom, api, feeds, cli) ← app. Importers sit with the surfaces: adapters from another platform's
// export to content use cases, used by the cli. Capabilities never import Fastify or ui; surfaces never import
// each other; a capability is imported from outside only through its index.ts.
const capabilities = ['identity', 'media', 'content', 'comments', 'search', 'webhooks']
const surfaces = ['site', 'newsroom', 'api', 'feeds', 'cli']
// Importers may import capabilities (through index.ts) and platform, never a surface; only the cli imports them.
const adapters = ['importers']
const layer = (names) => `^src/(${names.join('|')})/`

/** Modules each layer must not import. */
const below = {
  config: ['platform', ...capabilities, ...surfaces, ...adapters, 'ui'],
  platform: [...capabilities, ...surfaces, ...adapters, 'ui'],
  identity: ['media', 'content', 'comments', 'search', 'webhooks', ...surfaces, ...adapters, 'ui'],
  media: ['identity', 'content', 'comments', 'search', 'webhooks', ...surfaces, ...adapters, 'ui'],
  content: ['comments', 'search', 'webhooks', ...surfaces, ...adapters, 'ui'],
  comments: ['search', 'webhooks', ...surfaces, ...adapters, 'ui'],
  search: ['comments', 'webhooks', ...surfaces, ...adapters, 'ui'],
  webhooks: ['search', ...surfaces, ...adapters, 'ui'],
  ui: ['platform', 'identity', 'media', 'comments', 'search', 'webhooks', ...surfaces, ...adapters],
  importers: [...surfaces, 'ui'],
}

module.exports = {
  forbidden: [
    ...Object.entries(below).map(([from, forbidden]) => ({
      name: `${from}-imports-upward`,
      comment: `${from} may not import ${forbidden.join(', ')} (see STYLE.md: direction of imports)`,
      severity: 'error',
      from: { path: `^src/${from}/` },
      to: { path: layer(forbidden), dependencyTypesNot: ['type-only'] },
    })),
    {
      name: 'ui-type-only-content',
      comment: 'ui renders what it is given: it may name content types but never load data',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/content/', dependencyTypesNot: ['type-only'] },
    },
    ...surfaces.map((s) => ({
      name: `${s}-imports-another-surface`,
      comment: 'surfaces never import each other',
      severity: 'error',
      from: { path: `^src/${s}/` },
      to: { path: layer(surfaces.filter((o) => o !== s)) },
    })),
    {
      name: 'importers-only-from-cli',
      comment: 'importers are run by the dateline command; pages and the API do not import files',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli|importers)/' },
      to: { path: '^src/importers/' },
    },
    {
      name: 'capability-imports-http',
      comment: 'capabilities hold rules and stores; HTTP belongs to surfaces',
      severity: 'error',
      from: { path: layer(capabilities) },
      to: { path: '(^|/)node_modules/(fastify|@fastify/)' },
    },
    {
      name: 'capability-reached-around-index',
      comment: 'other modules import a capability only through its index.ts',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(identity|media|content|comments|search|webhooks)/' },
      to: { path: `${layer(capabilities)}(?!index\\.ts$)`, pathNot: '^src/content/seed-demo\\.ts$' },
    },
    {
      name: 'capability-reached-around-index-by-capability',
      comment: 'a capability imports another capability only through its index.ts',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: `${layer(capabilities)}(?!index\\.ts$)`, pathNot: ['^src/$1/', '^src/content/seed-demo\\.ts$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js'] },
  },
}
