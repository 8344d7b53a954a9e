import type { RuleSet } from '../rule';

export const podRules: RuleSet = {};
