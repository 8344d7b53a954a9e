import type { RuleSet } from '../rule';
import { metadataRules } from './metadata';
import { daemonsetRules } from './daemonset';
import { podRules } from './pod';
import { schedulingRules } from './scheduling';
import { containersRules } from './containers';
import { portsRules } from './ports';
import { envRules } from './env';
import { resourcesRules } from './resources';
import { probesRules } from './probes';
import { securityContextRules } from './security-context';
import { volumeMountsRules } from './volume-mounts';
import { volumesRules } from './volumes';
import { typesRules } from './types';
import { hostNamespacesRules } from './host-namespaces';
import { nodeAffinityValuesRules } from './node-affinity-values';
import { gcePdReadOnlyRules } from './gce-pd-read-only';
import { restartPolicyRules } from './restart-policy';

/** Every rule set the engine runs, one per topic. */
export const ALL_RULES: readonly RuleSet[] = [
  metadataRules,
  daemonsetRules,
  podRules,
  schedulingRules,
  containersRules,
  portsRules,
  envRules,
  resourcesRules,
  probesRules,
  securityContextRules,
  volumeMountsRules,
  volumesRules,
  typesRules,
  hostNamespacesRules,
  nodeAffinityValuesRules,
  gcePdReadOnlyRules,
  restartPolicyRules,
];
