import type { RuleSet } from '../rule';

export const envRules: RuleSet = {};
