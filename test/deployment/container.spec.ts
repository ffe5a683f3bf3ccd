import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '../..');

/** No Docker engine runs here, so the deployment files are checked statically. */
describe('deployment files', () => {
  it('docker-compose.yml parses and wires the service to MySQL 8 and RabbitMQ 3 with management', () => {
    const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'));
    const plainUp = Object.entries<{ profiles?: string[] }>(compose.services)
      .filter(([, service]) => !service.profiles)
      .map(([name]) => name);
    expect(plainUp.sort()).toEqual(['mysql', 'rabbitmq', 'servertree']);
    expect(compose.services.mysql.image).toMatch(/^mysql:8/);
    expect(compose.services.rabbitmq.image).toMatch(/^rabbitmq:3.*management/);
    const service = compose.services.servertree;
    expect(service.build).toBe('.');
    expect(service.environment).toMatchObject({
      NODE_ENV: 'production',
      DATABASE_URL: expect.stringMatching(/^mysql:\/\/.*@mysql:3306\//),
      RABBITMQ_URL: expect.stringMatching(/^amqp:\/\/.*@rabbitmq:5672/),
    });
    expect(Buffer.from(service.environment.CREDENTIALS_KEY, 'base64')).toHaveLength(32);
    expect(service.depends_on).toEqual({
      mysql: { condition: 'service_healthy' },
      rabbitmq: { condition: 'service_healthy' },
    });
  });

  it('Dockerfile builds in one stage and runs the compiled entry point as a non-root user in another', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    const entry = /^CMD \["node", "([^"]+)"\]$/m.exec(dockerfile)?.[1];
    const nestCli = JSON.parse(readFileSync(join(ROOT, 'nest-cli.json'), 'utf8'));
    expect(entry).toBe(`dist/${nestCli.projects.api.entryFile}.js`);
  });
});
