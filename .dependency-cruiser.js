/**
 * The dependency rule, enforced (npm run test:arch) and tested with fixtures
 * (test/architecture). Layers point inwards:
 *   infrastructure -> application -> domain -> @servertree/ddd
 * Libraries stack in one direction - ddd <- platform <- messaging <- aggregate modules <- apps -
 * and every library is entered only through its index.ts (or testing/index.ts, from tests).
 */
const MODULES = 'catalog|servers|webhooks';
const LIBRARIES = `ddd|platform|messaging|${MODULES}`;

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'Domain code imports only domain code (its own) and the ddd building blocks - no framework, no ORM, no I/O.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: {
        pathNot: ['^libs/([^/]+)/src/domain/', '^libs/ddd/src/', 'node_modules/uuid/'],
      },
    },
    {
      name: 'ddd-imports-nothing-but-itself',
      comment: 'The building blocks stay plain TypeScript: no framework, no other library.',
      severity: 'error',
      from: { path: '^libs/ddd/' },
      to: { pathNot: ['^libs/ddd/', 'node_modules/uuid/'] },
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
      name: 'one-entrance-per-library',
      comment: 'A library is used by others only through its index.ts (tests also through testing/index.ts).',
      severity: 'error',
      from: { path: `^libs/(${LIBRARIES})/` },
      to: {
        path: `^libs/(${LIBRARIES})/src/`,
        pathNot: ['^libs/$1/', `^libs/(${LIBRARIES})/src/(index|testing/index)\\.ts$`],
      },
    },
    {
      name: 'apps-use-library-entrances',
      comment: 'The app composes libraries through their entrances only.',
      severity: 'error',
      from: { path: '^(apps|migrations)/' },
      to: {
        path: `^libs/(${LIBRARIES})/src/`,
        pathNot: `^libs/(${LIBRARIES})/src/index\\.ts$`,
      },
    },
    {
      name: 'platform-knows-only-ddd',
      severity: 'error',
      from: { path: '^libs/platform/' },
      to: { path: `^libs/(messaging|${MODULES})/` },
    },
    {
      name: 'messaging-knows-no-module',
      severity: 'error',
      from: { path: '^libs/messaging/' },
      to: { path: `^libs/(${MODULES})/` },
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
