import type { RuleSet } from '../rule';

export const daemonsetRules: RuleSet = {};
