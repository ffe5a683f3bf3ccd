import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Metrics } from '@servertree/platform';
import { parse } from 'yaml';
import { SPEC_METRICS } from '../support/spec-metrics';

const ROOT = join(__dirname, '../..');

interface Dashboard {
  readonly panels: { readonly title: string; readonly targets: { readonly expr: string }[] }[];
}

/**
 * The metric names a PromQL expression reads: what is left once label matchers, grouping
 * clauses, ranges and quoted text are removed, minus function names (followed by "(").
 */
function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"[^"]*"/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without)\s*\([^)]*\)/g, '');
  return [...bare.matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()/g)].map((match) => match[1]);
}

describe('operators stack (Prometheus + Grafana, compose profile "observability")', () => {
  const dashboard: Dashboard = JSON.parse(
    readFileSync(join(ROOT, 'deploy/grafana/dashboards/servertree.json'), 'utf8'),
  );
  const queried = new Set(
    dashboard.panels.flatMap((panel) => panel.targets.flatMap((t) => metricNamesIn(t.expr))),
  );

  it('queries only metrics the service exposes', async () => {
    const exposition = await new Metrics().render();
    const exposed = new Set(
      exposition
        .split('\n')
        .filter((line) => line.startsWith('# TYPE '))
        .flatMap((line) => {
          const [, , name, type] = line.split(' ');
          return type === 'histogram' ? [`${name}_bucket`, `${name}_count`, `${name}_sum`] : [name];
        }),
    );
    expect(queried.size).toBeGreaterThan(8);
    expect([...queried].filter((name) => !exposed.has(name))).toEqual([]);
  });

  it('shows every ServerTree metric SPEC §7 names', () => {
    const shown = [...queried].map((name) => name.replace(/_(bucket|count|sum)$/, ''));
    expect(SPEC_METRICS.filter((name) => !shown.includes(name))).toEqual([]);
  });

  it('compose runs Prometheus (scraping the service) and Grafana (dashboard provisioned) only under the profile', () => {
    const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'));
    for (const name of ['prometheus', 'grafana']) {
      expect(compose.services[name].profiles).toEqual(['observability']);
    }
    const prometheus = parse(readFileSync(join(ROOT, 'deploy/prometheus/prometheus.yml'), 'utf8'));
    expect(prometheus.scrape_configs[0]).toEqual(
      expect.objectContaining({
        metrics_path: '/metrics',
        static_configs: [{ targets: ['servertree:3000'] }],
      }),
    );
    expect(compose.services.grafana.volumes).toEqual(
      expect.arrayContaining([
        './deploy/grafana/provisioning:/etc/grafana/provisioning:ro',
        './deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro',
      ]),
    );
  });
});
