import type { RuleSet } from '../rule';

export const securityContextRules: RuleSet = {};
