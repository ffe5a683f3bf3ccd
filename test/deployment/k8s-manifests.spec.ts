import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { validateManifest } from '../../scripts/cluster/validate-k8s';

const K8S = join(__dirname, '../../deploy/k8s');

const manifests = readdirSync(K8S)
  .filter((file) => /\.ya?ml$/.test(file))
  .flatMap((file) =>
    parseAllDocuments(readFileSync(join(K8S, file), 'utf8')).map((doc) => ({
      file,
      manifest: doc.toJS() as Record<string, unknown>,
    })),
  );

/** The Kubernetes manifests are checked against the API's schemas (kubernetes-models). */
describe('Kubernetes manifests', () => {
  it.each(manifests.map(({ file, manifest }) => [file, manifest]))(
    '%s is valid',
    (_file, manifest) => {
      expect(validateManifest(manifest)).toEqual([]);
    },
  );

  it('declare what a rolling, autoscaled deployment needs', () => {
    expect(manifests.map(({ manifest }) => manifest.kind).sort()).toEqual(
      expect.arrayContaining([
        'Deployment',
        'HorizontalPodAutoscaler',
        'Job',
        'PodDisruptionBudget',
        'Service',
      ]),
    );
  });

  it('refuse a misspelt field and a wrong type (the validator fires)', () => {
    const deployment = manifests.find(({ manifest }) => manifest.kind === 'Deployment')!.manifest;
    const spec = deployment.spec as { replicas: unknown; template: { spec: object } };
    const broken = {
      ...deployment,
      spec: {
        ...spec,
        replicas: 'three',
        template: { ...spec.template, spec: { ...spec.template.spec, containrs: [] } },
      },
    };
    const problems = validateManifest(broken).join('\n');
    expect(problems).toMatch(/replicas/);
    expect(problems).toMatch(/containrs/);
  });
});
