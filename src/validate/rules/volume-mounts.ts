import type { RuleSet } from '../rule';

export const volumeMountsRules: RuleSet = {};
