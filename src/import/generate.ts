import { calleesOf, printStatements, type Statement } from './code';
import { stringLiteral } from './literal';

/** One document's statements, in the generated constructor. */
export interface GeneratedDocument {
  /** Index of the document in the YAML stream, from 0. */
  readonly document: number;
  readonly statements: readonly Statement[];
}

/**
 * The TypeScript module: imports (only what is used, since the project compiles with
 * noUnusedLocals), then one Chart class whose constructor creates every DaemonSet.
 */
export function generateModule(className: string, moduleSpecifier: string, docs: readonly GeneratedDocument[]): string {
  const statements: Statement[] = docs.flatMap((d) => [
    { kind: 'blank' } as const,
    { kind: 'comment', text: `Document ${d.document + 1} of the input` } as const,
    ...d.statements,
  ]);
  const roots = new Set([...calleesOf(statements)].map((c) => c.split('.')[0]));
  const fromPackage = [...roots].filter((r) => r !== 'JsonPatch').sort();
  const lines = [
    `import { Chart${roots.has('JsonPatch') ? ', JsonPatch' : ''} } from "cdk8s";`,
    'import type { Construct } from "constructs";',
    ...(fromPackage.length > 0 ? [`import { ${fromPackage.join(', ')} } from ${stringLiteral(moduleSpecifier)};`] : []),
    '',
    '/** DaemonSets imported from YAML by `cdk8s-daemonset import`. */',
    `export class ${className} extends Chart {`,
    '  public constructor(scope: Construct, id: string) {',
    '    super(scope, id);',
    printStatements(statements, '    '),
    '  }',
    '}',
    '',
  ];
  return lines.join('\n');
}
