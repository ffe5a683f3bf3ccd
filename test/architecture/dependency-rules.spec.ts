import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const DEPCRUISE = join(ROOT, 'node_modules/.bin/depcruise');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function cruise(cwd: string, paths: string[]): Violation[] {
  const output = execFileSync(
    DEPCRUISE,
    [...paths, '--config', '.dependency-cruiser.js', '--output-type', 'json'],
    { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(output).summary.violations;
}

/**
 * The dependency rule is part of the architecture, so it is tested like behaviour: the real
 * code must obey it, and each rule must really catch the import it forbids (a rule that
 * matches nothing would pass silently forever).
 */
describe('dependency rules', () => {
  it('hold for the whole code base', () => {
    expect(cruise(ROOT, ['apps', 'libs', 'migrations'])).toEqual([]);
  });

  describe('catch each forbidden import', () => {
    let sandbox: string;
    let violations: Violation[];

    const FIXTURES: Record<string, string> = {
      'libs/catalog/src/domain/uses-orm.ts': "import 'typeorm';",
      'libs/catalog/src/domain/uses-nest.ts': "import '@nestjs/common';",
      'libs/catalog/src/domain/uses-infrastructure.ts': "import '../infrastructure/thing';",
      'libs/catalog/src/domain/uses-platform.ts': "import '../../../platform/src/index';",
      'libs/catalog/src/application/uses-infrastructure.ts': "import '../infrastructure/thing';",
      'libs/catalog/src/application/uses-orm.ts': "import 'typeorm';",
      'libs/catalog/src/infrastructure/thing.ts': 'export const thing = 1;',
      'libs/catalog/src/infrastructure/reaches-into-servers.ts':
        "import '../../../servers/src/domain/secret';",
      'libs/catalog/src/infrastructure/reaches-into-platform.ts':
        "import '../../../platform/src/http/etag';",
      'libs/catalog/src/infrastructure/uses-servers-entrance.ts':
        "import '../../../servers/src/index';",
      'libs/servers/src/index.ts': 'export const servers = 1;',
      'libs/servers/src/domain/secret.ts': 'export const secret = 1;',
      'libs/ddd/src/domain/uses-nest.ts': "import '@nestjs/common';",
      'libs/platform/src/index.ts': 'export const platform = 1;',
      'libs/platform/src/http/etag.ts': 'export const etag = 1;',
      'libs/platform/src/knows-messaging.ts': "import '../../messaging/src/index';",
      'libs/messaging/src/index.ts': 'export const messaging = 1;',
      'libs/messaging/src/knows-catalog.ts': "import '../../catalog/src/infrastructure/thing';",
      'apps/api/src/reaches-into-platform.ts': "import '../../../libs/platform/src/http/etag';",
    };

    beforeAll(() => {
      sandbox = mkdtempSync(join(tmpdir(), 'servertree-arch-'));
      cpSync(join(ROOT, '.dependency-cruiser.js'), join(sandbox, '.dependency-cruiser.js'));
      writeFileSync(
        join(sandbox, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { baseUrl: '.' } }),
      );
      symlinkSync(join(ROOT, 'node_modules'), join(sandbox, 'node_modules'));
      for (const [file, source] of Object.entries(FIXTURES)) {
        mkdirSync(dirname(join(sandbox, file)), { recursive: true });
        writeFileSync(join(sandbox, file), `${source}\n`);
      }
      violations = cruise(sandbox, ['libs', 'apps']);
    });

    afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

    it.each([
      ['domain-is-pure', 'libs/catalog/src/domain/uses-orm.ts', 'typeorm'],
      ['domain-is-pure', 'libs/catalog/src/domain/uses-nest.ts', '@nestjs/common'],
      ['domain-is-pure', 'libs/catalog/src/domain/uses-infrastructure.ts', 'infrastructure/thing'],
      ['domain-is-pure', 'libs/catalog/src/domain/uses-platform.ts', 'platform/src/index'],
      ['ddd-imports-nothing-but-itself', 'libs/ddd/src/domain/uses-nest.ts', '@nestjs/common'],
      [
        'application-not-infrastructure',
        'libs/catalog/src/application/uses-infrastructure.ts',
        'infrastructure/thing',
      ],
      ['application-not-infrastructure', 'libs/catalog/src/application/uses-orm.ts', 'typeorm'],
      [
        'one-entrance-per-library',
        'libs/catalog/src/infrastructure/reaches-into-servers.ts',
        'servers/src/domain',
      ],
      [
        'one-entrance-per-library',
        'libs/catalog/src/infrastructure/reaches-into-platform.ts',
        'platform/src/http/etag',
      ],
      [
        'apps-use-library-entrances',
        'apps/api/src/reaches-into-platform.ts',
        'platform/src/http/etag',
      ],
      ['platform-knows-only-ddd', 'libs/platform/src/knows-messaging.ts', 'messaging/src'],
      ['messaging-knows-no-module', 'libs/messaging/src/knows-catalog.ts', 'catalog/src'],
    ])('%s: %s', (rule, from, to) => {
      expect(violations).toContainEqual(
        expect.objectContaining({
          rule: expect.objectContaining({ name: rule }),
          from,
          to: expect.stringContaining(to),
        }),
      );
    });

    it('let a library use another through its entrance', () => {
      expect(violations.filter((v) => v.from.endsWith('uses-servers-entrance.ts'))).toEqual([]);
    });
  });
});
