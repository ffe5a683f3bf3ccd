/**
 * The dependency rule, enforced (npm run test:arch). Layers point inwards:
 *   infrastructure -> application -> domain -> (shared-kernel domain)
 * and aggregate modules reach each other only through a module's public entry (index.ts or
 * contracts/), never through its internals.
 */
const MODULES = 'catalog|servers';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'Domain code imports only domain code (its own or the shared kernel\'s) - no framework, no ORM, no I/O.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: {
        pathNot: ['^libs/[^/]+/src/domain/', '^libs/shared-kernel/src/domain/', 'node_modules/uuid/'],
      },
    },
    {
      name: 'application-not-infrastructure',
      comment: 'Use cases depend on ports, never on their implementations or on persistence/HTTP libraries.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/application/' },
      to: {
        path: [
          '^libs/[^/]+/src/infrastructure/',
          'node_modules/(typeorm|@nestjs/typeorm|mysql2|better-sqlite3|fastify|@nestjs/platform-fastify|@golevelup|amqplib|amqp-connection-manager|@nestjs/swagger)/',
        ],
      },
    },
    {
      name: 'modules-talk-through-public-api',
      comment: 'An aggregate module may use another only through its index.ts or contracts/.',
      severity: 'error',
      from: { path: `^libs/(${MODULES})/` },
      to: {
        path: `^libs/(${MODULES})/src/`,
        pathNot: [`^libs/$1/`, `^libs/(${MODULES})/src/(index\\.ts|contracts/)`],
      },
    },
    {
      name: 'shared-kernel-is-shared',
      comment: 'The shared kernel knows no aggregate module and no app.',
      severity: 'error',
      from: { path: '^libs/shared-kernel/' },
      to: { path: [`^libs/(${MODULES})/`, '^apps/'] },
    },
    {
      name: 'libs-do-not-know-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(\\.spec|\\.int-spec|\\.e2e-spec)\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
