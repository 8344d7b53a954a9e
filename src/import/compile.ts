import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

/*
 * `import --check` compiles the generated code with the user's own `tsc`, run as a program.
 * The compiler API it used before is gone from TypeScript 7 (its package exports no `ts`
 * namespace: `ts.ModuleKind` was undefined); the command line is the same in 5.x and 7.x.
 */

const requireHere = createRequire(__filename);

/** What to tell a user whose project has no TypeScript. */
export const TYPESCRIPT_MISSING = 'import --check needs the typescript package: npm i -D typescript';

/** The TypeScript compiler `import --check` runs: its `tsc` script and its version. */
export interface TypeScriptCompiler {
  readonly tsc: string;
  readonly version: string;
}

/**
 * The `typescript` package the project in `from` resolves (the user's), else one this package
 * resolves; `undefined` when there is none.
 */
export function findTypeScript(from: string = process.cwd()): TypeScriptCompiler | undefined {
  for (const options of [{ paths: [from] }, undefined]) {
    let manifest: string;
    try {
      // TypeScript 7 exports ./package.json; 5.x has no exports map.
      manifest = requireHere.resolve('typescript/package.json', options);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') continue;
      throw e;
    }
    const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version?: string; bin?: Record<string, string> };
    const bin = pkg.bin?.tsc;
    if (typeof bin === 'string') return { tsc: path.join(path.dirname(manifest), bin), version: String(pkg.version) };
  }
  return undefined;
}

/** The generated code did not compile; `output` is what tsc printed. */
export class GeneratedCodeError extends Error {
  public constructor(
    public readonly compiler: TypeScriptCompiler,
    public readonly output: string,
  ) {
    super(`the generated code does not compile with TypeScript ${compiler.version} (${compiler.tsc}):\n${output}`);
    this.name = 'GeneratedCodeError';
  }
}

/** A module's entry point without its `.js`, so tsc finds the `.d.ts` (or `.ts`) beside it. */
function typesOf(specifier: string): string {
  return requireHere.resolve(specifier).replace(/\.js$/, '');
}

/**
 * Type-checks `code` (strict, against the types of the modules this process runs: this package
 * as `moduleSpecifier`, cdk8s, cdk8s-plus-27, constructs) and compiles it to CommonJS.
 */
export function compileGenerated(code: string, moduleSpecifier: string, compiler: TypeScriptCompiler): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-daemonset-import-'));
  try {
    // nodenext in a "type": "commonjs" folder: CommonJS output, and options both 5.x and 7.x take
    // (7.x dropped moduleResolution node10 and baseUrl; paths without baseUrl works in both).
    const compilerOptions = {
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      strict: true,
      skipLibCheck: true,
      types: [],
      rootDir: '.',
      outDir: 'out',
      paths: {
        [moduleSpecifier]: [path.join(__dirname, '..', 'index')],
        cdk8s: [typesOf('cdk8s')],
        'cdk8s-plus-27': [typesOf('cdk8s-plus-27')],
        constructs: [typesOf('constructs')],
      },
    };
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "commonjs" }\n');
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['generated.ts'] }));
    fs.writeFileSync(path.join(dir, 'generated.ts'), code);
    const r = spawnSync(process.execPath, [compiler.tsc, '-p', 'tsconfig.json', '--pretty', 'false'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.error) throw r.error;
    if (r.status !== 0) throw new GeneratedCodeError(compiler, `${r.stdout}${r.stderr}`.trim());
    return fs.readFileSync(path.join(dir, 'out', 'generated.js'), 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
