import type { RuleSet } from '../rule';

export const portsRules: RuleSet = {};
