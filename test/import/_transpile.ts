import * as ts from 'typescript';
import type { Compile } from '../../src/import';

/**
 * Transpiles in-process with the repository's TypeScript 5: for tests about what the generated
 * code synthesizes, which run it dozens of times. These tests type-check the same code in one
 * tsc run (`typeCheckGenerated`); the product's path, the user's own tsc as a program, is tested
 * through the CLI (test/cli/import.test.ts) and with TypeScript 5 and 7 (test/package/).
 */
export const transpile: Compile = (code) =>
  ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
