import { CONTAINER_LISTS, defaultContainer } from './container';
import { defaultPointer, defaultString, objectAt, objectsIn, type Writable, zeroNullItems } from './json';
import type { DefaultingOptions } from './options';
import { defaultResourceList } from './resource-list';
import { defaultVolume } from './volume';

/**
 * defaultHostNetworkPorts (core/v1 defaults.go): with host networking, each port's missing hostPort
 * is its containerPort. Called from SetDefaults_PodSpec up to 1.27 (containers and init containers).
 */
function defaultHostNetworkPorts(spec: Writable): void {
  for (const list of ['containers', 'initContainers']) {
    for (const c of objectsIn(spec, list)) {
      for (const port of objectsIn(c, 'ports')) {
        if (port.hostPort === undefined || port.hostPort === null || port.hostPort === 0) {
          if (port.containerPort !== undefined) port.hostPort = port.containerPort;
        }
      }
    }
  }
}

/**
 * SetDefaults_PodSpec (core/v1 defaults.go) and, for the template's spec, the rest of what
 * SetObjectDefaults_DaemonSet (apps/v1 zz_generated.defaults.go) runs: volumes, containers, overhead.
 */
export function defaultPodSpec(spec: Writable, options: Required<DefaultingOptions>): void {
  defaultString(spec, 'dnsPolicy', 'ClusterFirst');
  defaultString(spec, 'restartPolicy', 'Always');
  // 1.27: `if obj.HostNetwork { defaultHostNetworkPorts(...) }` here; 1.28 moved it to SetDefaults_Pod.
  // The manifest before the switch: a switch is read only where it matters (defaultingOf).
  if (spec.hostNetwork === true && options.templateHostNetworkHostPorts) defaultHostNetworkPorts(spec);
  if (spec.securityContext === undefined || spec.securityContext === null) spec.securityContext = {};
  defaultPointer(spec, 'terminationGracePeriodSeconds', 30);
  defaultString(spec, 'schedulerName', 'default-scheduler');
  // A `null` volume is the zero Volume, which SetDefaults_Volume makes an emptyDir: the server
  // reports only its missing name (k8s-oracle 1.27 and 1.34), not a missing source as well.
  zeroNullItems(spec, 'volumes');
  for (const v of objectsIn(spec, 'volumes')) defaultVolume(v);
  for (const list of CONTAINER_LISTS) for (const c of objectsIn(spec, list)) defaultContainer(c, options);
  defaultResourceList(spec, 'overhead');
  // 1.32 added pod-level resources, and SetObjectDefaults_DaemonSet rounds its lists.
  const resources = objectAt(spec, 'resources');
  if (resources && options.podLevelResources) {
    defaultResourceList(resources, 'limits');
    defaultResourceList(resources, 'requests');
  }
}
