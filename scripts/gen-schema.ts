/**
 * Generates src/validate/schema/k8s-1.27.json: the structural schema of apps/v1 DaemonSet and
 * v1 Pod (and every definition they reach) that the `type/*` rules check manifests against.
 *
 * Source: the npm package kubernetes-models@4.3.0, whose changelog says "Update schema version to
 * v1.27.1": its `_schemas/*.js` files are the Kubernetes v1.27.1 OpenAPI definitions (with
 * `format: int32|int64` and `required`), and @kubernetes-models/apimachinery 1.2.x holds the
 * meta/v1, resource and intstr ones. As a cross-check, every property list is compared with the
 * `@schema <definition>#<field>` tags of cdk8s-plus-27's imports (cdk8s imported them from the
 * Kubernetes 1.27.0 schema); any difference stops the generator.
 *
 * Usage: npx tsx scripts/gen-schema.ts [--from <dir whose node_modules has kubernetes-models@4.3.0>]
 *
 * Later minors (src/validate/versions/schema-changes.json, each minor as its change to the one
 * before) come from kubernetes-sigs/kubectl-validate's builtins, the upstream
 * `api/openapi-spec/v3` of each minor, read from a local copy so that nothing here needs the network:
 *
 *   git clone https://github.com/kubernetes-sigs/kubectl-validate && cd kubectl-validate
 *   git checkout a97ccfaca20b
 *   npx tsx scripts/gen-schema.ts --openapi <kubectl-validate>/pkg/openapiclient/builtins
 *
 * It reads `1.XX/api/v1.json` and `1.XX/apis/apps/v1.json` of every folder 1.27 and up, and stops
 * unless 1.27 from there gives exactly the committed k8s-1.27.json.
 *
 * Output format (kept small: it ships in the package):
 *   definitions[name] = { properties: { jsonName: type }, required?: [jsonName] }
 * where a type is one of
 *   string | boolean | int32 | int64 | number   JSON scalars (int32/int64 from the OpenAPI format)
 *   quantity        resource.Quantity: a string in quantity syntax, or a number
 *   int-or-string   intstr.IntOrString: a string, or an int32
 *   time            metav1.Time: an RFC 3339 string
 *   any             any JSON value (FieldsV1, RawExtension)
 *   []T             a list of T
 *   {}T             a map from string to T
 *   <definition>    an object of that definition
 * `enum` lists are left out: the API server checks supported values in its Go validation, which
 * the semantic rules follow; the decoder only checks JSON types and field names.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const MODELS_VERSION = '4.3.0';
const KUBECTL_VALIDATE_COMMIT = 'a97ccfaca20b';
const ROOTS: Record<string, string> = {
  'apps/v1/DaemonSet': 'io.k8s.api.apps.v1.DaemonSet',
  'v1/Pod': 'io.k8s.api.core.v1.Pod',
};

/** Definitions whose JSON form is a scalar (their Go types have their own UnmarshalJSON). */
const SCALAR_DEFINITIONS: Record<string, string> = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'quantity',
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'int-or-string',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': 'any',
  'io.k8s.apimachinery.pkg.runtime.RawExtension': 'any',
};

interface OpenApiSchema {
  type?: string | string[];
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  $ref?: string;
  oneOf?: OpenApiSchema[];
  allOf?: OpenApiSchema[];
  items?: OpenApiSchema;
  additionalProperties?: OpenApiSchema | boolean;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
}

interface Definition {
  properties: Record<string, string>;
  required?: string[];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function packageDir(name: string, from: string | undefined): string {
  const paths = from ? [from] : [process.cwd()];
  try {
    return path.dirname(require.resolve(`${name}/package.json`, { paths }));
  } catch {
    throw new Error(
      `${name} not found: install kubernetes-models@${MODELS_VERSION} (a devDependency, or ` +
        `\`npm install --prefix /tmp/k8s-models kubernetes-models@${MODELS_VERSION}\` and pass --from /tmp/k8s-models)`,
    );
  }
}

/** Reads every `register("name", schema)` definition of a kubernetes-models `_schemas` folder. */
function readSchemas(dir: string, into: Map<string, OpenApiSchema>): void {
  for (const file of fs.readdirSync(dir).sort()) {
    if (!file.endsWith('.js')) continue;
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const body = /const schema = (\{[\s\S]*?\n\});\n/.exec(text);
    const name = /register\)\("([^"]+)"/.exec(text);
    if (!body || !name) continue; // apiextensions JSON: not a plain literal, and not reachable
    into.set(name[1], JSON.parse(body[1]) as OpenApiSchema);
  }
}

function refName(ref: string): string {
  // kubernetes-models: `name#`; OpenAPI v3: `#/components/schemas/name`.
  return ref.replace(/^#\/components\/schemas\//, '').replace(/#$/, '');
}

/** Converts one property schema into the compact type string, queueing referenced definitions. */
function typeOf(s: OpenApiSchema, where: string, queue: string[]): string {
  if (s.oneOf) {
    // kubernetes-models writes an optional reference as oneOf [ {$ref}, {type: null} ].
    const real = s.oneOf.filter((o) => o.type !== 'null');
    if (real.length !== 1 || s.oneOf.length !== 2) throw new Error(`${where}: unexpected oneOf ${JSON.stringify(s)}`);
    return typeOf(real[0], where, queue);
  }
  if (s.allOf) {
    // OpenAPI v3 wraps a reference that has a default or description in a one-entry allOf.
    if (s.allOf.length !== 1) throw new Error(`${where}: unexpected allOf ${JSON.stringify(s)}`);
    return typeOf(s.allOf[0], where, queue);
  }
  if (s.$ref) {
    const name = refName(s.$ref);
    if (SCALAR_DEFINITIONS[name]) return SCALAR_DEFINITIONS[name];
    queue.push(name);
    return name;
  }
  switch (s.type) {
    case 'string':
      // `byte` (base64 []byte) is a JSON string to the decoder.
      if (s.format !== undefined && s.format !== 'date-time' && s.format !== 'byte')
        throw new Error(`${where}: unexpected string format ${s.format}`);
      return s.format === 'date-time' ? 'time' : 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'integer':
      if (s.format !== 'int32' && s.format !== 'int64') throw new Error(`${where}: integer without int32/int64 format`);
      return s.format;
    case 'array':
      if (!s.items) throw new Error(`${where}: array without items`);
      return `[]${typeOf(s.items, `${where}[]`, queue)}`;
    case 'object':
      if (s.properties) throw new Error(`${where}: inline object with properties`);
      if (typeof s.additionalProperties === 'object') return `{}${typeOf(s.additionalProperties, `${where}{}`, queue)}`;
      return 'any';
    default:
      throw new Error(`${where}: unexpected schema ${JSON.stringify(s)}`);
  }
}

function buildDefinitions(schemas: Map<string, OpenApiSchema>): Record<string, Definition> {
  const out: Record<string, Definition> = {};
  const queue = Object.values(ROOTS);
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (out[name] || SCALAR_DEFINITIONS[name]) continue;
    const s = schemas.get(name);
    if (!s) throw new Error(`definition ${name} not found`);
    if (s.type !== 'object' || !s.properties) throw new Error(`${name}: not an object with properties`);
    const properties: Record<string, string> = {};
    for (const p of Object.keys(s.properties).sort()) {
      properties[p] = typeOf(s.properties[p], `${name}.${p}`, queue);
    }
    // kubernetes-models marks a kind's apiVersion and kind required (with a one-value enum);
    // the Kubernetes OpenAPI does not, so those two are dropped again.
    const injected = (p: string): boolean =>
      (p === 'apiVersion' || p === 'kind') && s.properties?.[p]?.enum !== undefined;
    const required = (s.required ?? []).filter((p) => !injected(p)).sort();
    out[name] = { properties, ...(required.length > 0 ? { required } : {}) };
  }
  const sorted: Record<string, Definition> = {};
  for (const k of Object.keys(out).sort()) sorted[k] = out[k];
  return sorted;
}

/** Compares property names with cdk8s-plus-27's `@schema def#field` tags (Kubernetes 1.27.0). */
function crossCheck(defs: Record<string, Definition>, from: string | undefined): string {
  let dts: string;
  try {
    const dir = path.dirname(
      require.resolve('cdk8s-plus-27/package.json', { paths: [process.cwd(), ...(from ? [from] : [])] }),
    );
    dts = fs.readFileSync(path.join(dir, 'lib', 'imports', 'k8s.d.ts'), 'utf8');
  } catch {
    return 'cross-check skipped: cdk8s-plus-27 not found';
  }
  const tagged = new Map<string, Set<string>>();
  for (const m of dts.matchAll(/@schema ([\w.]+)#([\w$-]+)/g)) {
    const set = tagged.get(m[1]) ?? new Set<string>();
    set.add(m[2]);
    tagged.set(m[1], set);
  }
  const rootNames = new Set(Object.values(ROOTS));
  const problems: string[] = [];
  let checked = 0;
  for (const [name, def] of Object.entries(defs)) {
    const theirs = tagged.get(name);
    if (!theirs) continue; // status types: cdk8s does not import them
    checked++;
    // cdk8s drops apiVersion/kind/status from a top-level kind's props.
    const ours = Object.keys(def.properties).filter(
      (p) => !(rootNames.has(name) && ['apiVersion', 'kind', 'status'].includes(p)),
    );
    const missing = ours.filter((p) => !theirs.has(p));
    const extra = [...theirs].filter((p) => !def.properties[p]);
    if (missing.length || extra.length)
      problems.push(`${name}: only here [${missing}], only in cdk8s-plus-27 [${extra}]`);
  }
  if (problems.length) throw new Error(`schema differs from cdk8s-plus-27's 1.27 imports:\n${problems.join('\n')}`);
  return `cross-checked ${checked} definitions against cdk8s-plus-27`;
}

function fromModels(): void {
  const from = arg('--from');
  const modelsDir = packageDir('kubernetes-models', from);
  const version = (JSON.parse(fs.readFileSync(path.join(modelsDir, 'package.json'), 'utf8')) as { version: string })
    .version;
  if (version !== MODELS_VERSION)
    throw new Error(`need kubernetes-models@${MODELS_VERSION} (Kubernetes v1.27.1), found ${version}`);
  const machineryDir = packageDir('@kubernetes-models/apimachinery', modelsDir);
  const machineryVersion = (
    JSON.parse(fs.readFileSync(path.join(machineryDir, 'package.json'), 'utf8')) as { version: string }
  ).version;
  if (!machineryVersion.startsWith('1.2.'))
    throw new Error(`need @kubernetes-models/apimachinery 1.2.x, found ${machineryVersion}`);

  const schemas = new Map<string, OpenApiSchema>();
  readSchemas(path.join(modelsDir, '_schemas'), schemas);
  readSchemas(path.join(machineryDir, '_schemas'), schemas);
  const definitions = buildDefinitions(schemas);
  const note = crossCheck(definitions, from);

  const out = {
    '//': 'Generated by scripts/gen-schema.ts; do not edit.',
    kubernetes: '1.27.1',
    source: `kubernetes-models@${version}, @kubernetes-models/apimachinery@${machineryVersion.replace(/\.\d+$/, '.x')}`,
    roots: ROOTS,
    definitions,
  };
  const target = path.join(__dirname, '..', 'src', 'validate', 'schema', 'k8s-1.27.json');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // One definition per line: small, and a regenerated file diffs by definition.
  const lines = Object.entries(definitions).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const head = JSON.stringify({ ...out, definitions: undefined }, null, 1).replace(/\n}$/, '');
  fs.writeFileSync(target, `${head},\n "definitions": {\n${lines.join(',\n')}\n }\n}\n`);
  console.log(
    `${Object.keys(definitions).length} definitions written to ${path.relative(process.cwd(), target)}; ${note}`,
  );
}

/** Reads one minor's components from kubectl-validate's builtins (`api/v1.json`, `apis/apps/v1.json`). */
function readOpenApiV3(dir: string): Map<string, OpenApiSchema> {
  const schemas = new Map<string, OpenApiSchema>();
  for (const file of ['api/v1.json', 'apis/apps/v1.json']) {
    const doc = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
      components: { schemas: Record<string, OpenApiSchema> };
    };
    for (const [name, schema] of Object.entries(doc.components.schemas)) schemas.set(name, schema);
  }
  return schemas;
}

type Definitions = Record<string, Definition>;

/** What a minor changes in the definitions of the one before: definitions set (added or changed) and removed. */
function changes(before: Definitions, after: Definitions): { set?: Definitions; remove?: string[] } {
  const set: Definitions = {};
  for (const [name, def] of Object.entries(after)) {
    if (JSON.stringify(before[name]) !== JSON.stringify(def)) set[name] = def;
  }
  const remove = Object.keys(before).filter((name) => !after[name]);
  return {
    ...(Object.keys(set).length > 0 ? { set } : {}),
    ...(remove.length > 0 ? { remove } : {}),
  };
}

/**
 * The later minors, from kubectl-validate's builtins (upstream `api/openapi-spec/v3` of each
 * minor). 1.27 from that source must give the committed k8s-1.27.json, which was generated from
 * kubernetes-models: the two sources agree, or the generator stops. Each later minor is stored as
 * its change to the minor before, so the file reads as "what the decoder learns in 1.XX".
 */
function fromOpenApi(dir: string): void {
  const minors = fs
    .readdirSync(dir)
    .filter((d) => /^1\.\d+$/.test(d) && Number(d.slice(2)) >= 27)
    .sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)));
  if (minors[0] !== '1.27') throw new Error(`${dir}: no 1.27 folder (see the usage at the top of this script)`);
  const committed = JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', 'src', 'validate', 'schema', 'k8s-1.27.json'), 'utf8'),
  ) as { definitions: Definitions };
  let previous = buildDefinitions(readOpenApiV3(path.join(dir, '1.27')));
  const drift = changes(committed.definitions, previous);
  if (drift.set || drift.remove)
    throw new Error(`kubectl-validate 1.27 differs from k8s-1.27.json: ${JSON.stringify(drift).slice(0, 2000)}`);
  const out: Record<string, unknown> = {};
  for (const minor of minors.slice(1)) {
    const defs = buildDefinitions(readOpenApiV3(path.join(dir, minor)));
    out[minor] = changes(previous, defs);
    previous = defs;
  }
  const target = path.join(__dirname, '..', 'src', 'validate', 'versions', 'schema-changes.json');
  const lines = Object.entries(out).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(
    target,
    `{\n "//": "Generated by scripts/gen-schema.ts --openapi from kubectl-validate@${KUBECTL_VALIDATE_COMMIT}; do not edit.",\n "changes": {\n${lines.join(',\n')}\n }\n}\n`,
  );
  console.log(
    `1.27 agrees with k8s-1.27.json; changes of ${minors.slice(1).join(', ')} written to ${path.relative(process.cwd(), target)}`,
  );
}

const openApiDir = arg('--openapi');
if (openApiDir) fromOpenApi(openApiDir);
else fromModels();
