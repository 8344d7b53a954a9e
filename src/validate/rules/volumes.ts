import type { RuleSet } from '../rule';

export const volumesRules: RuleSet = {};
