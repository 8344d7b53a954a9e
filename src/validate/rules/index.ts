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
import { tkestackFloatingIpRules } from './tkestack-floating-ip';
import { tkestackGpuManagerRules } from './tkestack-gpu-manager';
import { tkestackLogDirectoryRules } from './tkestack-log-directory';
import { hostNamespacesRules } from './host-namespaces';
import { nodeAffinityValuesRules } from './node-affinity-values';
import { gcePdReadOnlyRules } from './gce-pd-read-only';
import { restartPolicyRules } from './restart-policy';
import { appArmorRules } from './apparmor';
import { securityContextPoliciesRules } from './security-context-policies';
import { resizePolicyRules } from './resize-policy';
import { resourceClaimsRules } from './resource-claims';
import { podResourcesRules } from './pod-resources';

/**
 * Every rule set the engine runs, one per topic: the API server's, then TKEStack components' rules
 * (GPU Manager, LogAgent, Galaxy), which fire only on their own resources and annotations.
 */
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
  tkestackGpuManagerRules,
  tkestackLogDirectoryRules,
  tkestackFloatingIpRules,
  hostNamespacesRules,
  nodeAffinityValuesRules,
  gcePdReadOnlyRules,
  restartPolicyRules,
  appArmorRules,
  securityContextPoliciesRules,
  resizePolicyRules,
  resourceClaimsRules,
  podResourcesRules,
];
