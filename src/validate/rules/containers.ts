import type { RuleSet } from '../rule';

export const containersRules: RuleSet = {};
