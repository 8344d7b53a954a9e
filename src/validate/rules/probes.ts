import type { RuleSet } from '../rule';

export const probesRules: RuleSet = {};
