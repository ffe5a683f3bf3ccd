/**
 * Validates every Kubernetes manifest under deploy/k8s (or the directories/files given) against
 * the Kubernetes OpenAPI schemas shipped in the `kubernetes-models` package (offline), and
 * flags field names that no Kubernetes schema knows (the schemas themselves accept unknown
 * fields, so a typo such as `readinesProbe` would otherwise pass). Exits 1 on any problem.
 *
 *   TS_NODE_TRANSPILE_ONLY=1 ts-node scripts/cluster/validate-k8s.ts [path ...]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';

type Obj = Record<string, unknown>;
interface ModelClass {
  new (data: Obj): { validate(): void };
}

const ROOT = path.join(__dirname, '..', '..');

/** Kinds that are not Kubernetes API objects but live next to them. */
const NOT_API = new Set(['kustomize.config.k8s.io/v1beta1/Kustomization']);

/** Maps whose keys are free-form (labels, data, resource names...): not checked for typos. */
const FREE_FORM = new Set([
  'labels',
  'annotations',
  'data',
  'stringData',
  'binaryData',
  'matchLabels',
  'nodeSelector',
  'limits',
  'requests',
  'selector',
  'capacity',
  'allocatable',
  'parameters',
  'volumeAttributes',
]);

function loadModel(apiVersion: string, kind: string): ModelClass | undefined {
  const mod = apiVersion === 'v1' ? 'kubernetes-models/v1' : `kubernetes-models/${apiVersion}`;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(mod) as Record<string, ModelClass>)[kind];
  } catch {
    return undefined;
  }
}

let vocabulary: Set<string> | undefined;
/** Every property name any compiled Kubernetes schema refers to. */
function knownFields(): Set<string> {
  if (vocabulary) return vocabulary;
  vocabulary = new Set(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  const dirs = [
    path.dirname(require.resolve('kubernetes-models/package.json')),
    path.dirname(require.resolve('@kubernetes-models/apimachinery/package.json')),
  ].map((d) => path.join(d, '_schemas'));
  for (const dir of dirs) {
    for (const f of fs.readdirSync(dir)) {
      if (!f.endsWith('.js')) continue;
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of src.matchAll(/parentDataProperty:"([^"]+)"/g)) vocabulary.add(m[1]);
      for (const m of src.matchAll(/missingProperty:"([^"]+)"/g)) vocabulary.add(m[1]);
      for (const m of src.matchAll(/\bdata\.([A-Za-z_$][\w$]*)/g)) vocabulary.add(m[1]);
    }
  }
  return vocabulary;
}

function unknownFields(value: unknown, at: string, out: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, k) => unknownFields(v, `${at}[${k}]`, out));
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value as Obj)) {
    if (!knownFields().has(key))
      out.push(`${at}.${key}: no Kubernetes schema has a field "${key}"`);
    if (!FREE_FORM.has(key)) unknownFields(v, `${at}.${key}`, out);
  }
}

export function validateManifest(doc: Obj): string[] {
  const apiVersion = String(doc.apiVersion ?? '');
  const kind = String(doc.kind ?? '');
  if (!apiVersion || !kind) return ['apiVersion and kind are required'];
  if (NOT_API.has(`${apiVersion}/${kind}`)) return [];
  const name = (doc.metadata as Obj | undefined)?.name;
  const problems: string[] = [];
  if (!name) problems.push('metadata.name is required');
  const Model = loadModel(apiVersion, kind);
  if (!Model) return [...problems, `unknown apiVersion/kind ${apiVersion} ${kind}`];
  try {
    new Model(doc).validate();
  } catch (e) {
    problems.push(...String((e as Error).message).split('\n'));
  }
  unknownFields(doc, kind, problems);
  return problems;
}

function yamlFiles(p: string): string[] {
  const st = fs.statSync(p);
  if (st.isFile()) return [p];
  return fs
    .readdirSync(p)
    .sort()
    .flatMap((f) => yamlFiles(path.join(p, f)))
    .filter((f) => /\.ya?ml$/.test(f));
}

function main(args: string[]): number {
  const targets = args.length ? args : [path.join(ROOT, 'deploy', 'k8s')];
  const files = targets.flatMap((t) => yamlFiles(path.resolve(t)));
  let bad = 0;
  let count = 0;
  const kustomizeResources: [string, string][] = [];
  for (const file of files) {
    const rel = path.relative(process.cwd(), file);
    const docs = parseAllDocuments(fs.readFileSync(file, 'utf8'));
    for (const [k, d] of docs.entries()) {
      if (d.errors.length) {
        bad++;
        console.error(`✗ ${rel}#${k}: YAML: ${d.errors.map((e) => e.message).join('; ')}`);
        continue;
      }
      const obj = d.toJS() as Obj | null;
      if (!obj) continue;
      count++;
      const problems = validateManifest(obj);
      const label = `${rel}#${k} ${String(obj.kind)}/${String((obj.metadata as Obj | undefined)?.name ?? '?')}`;
      if (obj.kind === 'Kustomization') {
        for (const r of (obj.resources as string[] | undefined) ?? [])
          kustomizeResources.push([file, r]);
      }
      if (problems.length) {
        bad++;
        console.error(`✗ ${label}\n    ${problems.join('\n    ')}`);
      } else {
        console.log(`✓ ${label}`);
      }
    }
  }
  for (const [file, r] of kustomizeResources) {
    if (!fs.existsSync(path.join(path.dirname(file), r))) {
      bad++;
      console.error(`✗ ${path.relative(process.cwd(), file)}: resource ${r} does not exist`);
    }
  }
  if (!count) {
    console.error('no manifest found');
    return 1;
  }
  console.log(`${count - bad}/${count} manifests valid`);
  return bad ? 1 : 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
