import type { RuleSet } from '../rule';

export const schedulingRules: RuleSet = {};
