import type { RuleSet } from '../rule';

export const metadataRules: RuleSet = {};
