export * from './validate/issue';
export { validateManifest, isValidatedKind } from './validate/engine';
export type { Rule, RuleContext, RuleSet } from './validate/rule';
export { toYaml, toYamlStream, readYamlStream } from './yaml';
