import type { RuleSet } from '../rule';

export const typesRules: RuleSet = {};
