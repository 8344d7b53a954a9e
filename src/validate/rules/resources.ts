import type { RuleSet } from '../rule';

export const resourcesRules: RuleSet = {};
