/**
 * The files of a new project (`cdk8s-daemonset init`): what `cdk8s init typescript-app` writes,
 * minus its download of a Kubernetes schema (this package brings its own), plus the validation
 * plugin and an `app` command that type-checks before it runs.
 */

/** What the template needs to know about the package that writes it. */
export interface TemplateOptions {
  /** The new project's npm name. */
  readonly name: string;
  /** This package's version, which the project depends on and names in its plugin entry. */
  readonly version: string;
  /** Version ranges of this package's peers (cdk8s, cdk8s-plus-27, constructs). */
  readonly peers: Readonly<Record<string, string>>;
  /** Version range of cdk8s-cli, for `cdk8s synth`. */
  readonly cdk8sCli: string;
}

/** TypeScript 7 is what `npm i typescript` installs; 5.x works as well (package test: both). */
const TYPESCRIPT = '^7.0.2';

/** A valid npm package name made from a folder name. */
export function packageName(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|[-]+$/g, '');
  return name.length > 0 && name.length <= 214 ? name : 'cdk8s-app';
}

/** The one DaemonSet a new project starts with: a log agent on every node. */
const MAIN_TS = `import { Chart } from 'cdk8s';
import { App, DaemonSet, Volume } from 'cdk8s-daemonset';

// \`npx cdk8s synth\` runs this program (see cdk8s.yaml) and writes dist/<chart>.k8s.yaml.
const app = new App();
const chart = new Chart(app, 'node-agents');

const agent = new DaemonSet(chart, 'log-agent', {
  matchLabels: { app: 'log-agent' }, // selector and pod labels, always in agreement
  tolerations: [{ operator: 'Exists' }], // run on every node, tainted or not
});
const varlog = Volume.fromHostPath('varlog', { path: '/var/log' });
agent
  .addContainer({
    name: 'fluent-bit',
    image: 'fluent/fluent-bit',
    tag: '2.2.2',
    resources: { cpu: { request: '50m' }, memory: { request: '64Mi', limit: '128Mi' } },
  })
  .mount('/var/log', varlog, { readOnly: true });

app.synth(); // validates every DaemonSet first; prints every issue and exits 1 if any is invalid
`;

/** Relative path to content, in the order they are written. */
export function projectFiles(options: TemplateOptions): ReadonlyMap<string, string> {
  const packageJson = {
    name: options.name,
    version: '0.0.0',
    private: true,
    type: 'commonjs',
    scripts: {
      // cdk8s-cli otherwise asks the registry for a newer version of itself on every run.
      synth: 'cdk8s synth --no-check-upgrade',
      build: 'tsc',
      validate: 'cdk8s-daemonset validate dist',
    },
    dependencies: {
      cdk8s: options.peers.cdk8s,
      'cdk8s-daemonset': `^${options.version}`,
      'cdk8s-plus-27': options.peers['cdk8s-plus-27'],
      constructs: options.peers.constructs,
    },
    devDependencies: {
      'cdk8s-cli': options.cdk8sCli,
      typescript: TYPESCRIPT,
    },
  };
  const tsconfig = {
    compilerOptions: {
      target: 'es2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      strict: true,
      noUnusedLocals: true,
      skipLibCheck: true,
      types: [],
      rootDir: '.',
      outDir: 'build',
    },
    include: ['*.ts'],
  };
  // cdk8s synth runs `app` in a shell and keeps its stdout to itself (it is the --stdout output):
  // tsc prints its errors on stdout, so they go to stderr, where the user sees them.
  const cdk8sYaml = `language: typescript
app: npx tsc 1>&2 && node build/main.js
output: dist
validations:
  - package: ./node_modules/cdk8s-daemonset/lib/cdk8s-plugin.js
    version: ${options.version}
    class: DaemonSetValidation
    # properties:
    #   pss: baseline  # also enforce a Pod Security Standards level
`;
  return new Map([
    ['package.json', `${JSON.stringify(packageJson, null, 2)}\n`],
    ['tsconfig.json', `${JSON.stringify(tsconfig, null, 2)}\n`],
    ['cdk8s.yaml', cdk8sYaml],
    ['main.ts', MAIN_TS],
    ['.gitignore', 'node_modules/\nbuild/\ndist/construct-metadata.json\n'],
  ]);
}
