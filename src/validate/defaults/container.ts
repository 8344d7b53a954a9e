import { defaultImagePullPolicy } from '../../image';
import { defaultNumber, defaultPointer, defaultString, objectAt, objectsIn, type Writable } from './json';
import type { DefaultingOptions } from './options';
import { defaultResourceList } from './resource-list';

/** SetDefaults_ObjectFieldSelector (1.27 … 1.34): `fieldRef.apiVersion` is `v1`. */
export function defaultFieldRef(fieldRef: Writable | undefined): void {
  if (fieldRef) defaultString(fieldRef, 'apiVersion', 'v1');
}

/** SetDefaults_HTTPGetAction (1.27 … 1.34): path `/`, scheme `HTTP`. */
function defaultHttpGet(handler: Writable | undefined): void {
  const httpGet = handler && objectAt(handler, 'httpGet');
  if (!httpGet) return;
  defaultString(httpGet, 'path', '/');
  defaultString(httpGet, 'scheme', 'HTTP');
}

/** SetDefaults_Probe (1.27 … 1.34), then its httpGet handler. */
function defaultProbe(probe: Writable | undefined): void {
  if (!probe) return;
  defaultNumber(probe, 'timeoutSeconds', 1);
  defaultNumber(probe, 'periodSeconds', 10);
  defaultNumber(probe, 'successThreshold', 1);
  defaultNumber(probe, 'failureThreshold', 3);
  defaultHttpGet(probe);
}

/**
 * SetDefaults_Container plus what SetObjectDefaults_DaemonSet (apps/v1 zz_generated.defaults.go)
 * runs on each container, init container and ephemeral container: port protocol, env fieldRef,
 * resource lists, probes and lifecycle handlers.
 */
export function defaultContainer(c: Writable, options: Required<DefaultingOptions>): void {
  // SetDefaults_Container: ParseImageName reports `latest` when neither tag nor digest is given.
  // A non-string image fails decoding upstream; an unparseable one gives no tag, hence IfNotPresent.
  if (c.imagePullPolicy === undefined || c.imagePullPolicy === null || c.imagePullPolicy === '') {
    c.imagePullPolicy = typeof c.image === 'string' ? defaultImagePullPolicy(c.image) : 'IfNotPresent';
  }
  defaultString(c, 'terminationMessagePath', '/dev/termination-log');
  defaultString(c, 'terminationMessagePolicy', 'File');
  for (const port of objectsIn(c, 'ports')) defaultString(port, 'protocol', 'TCP');
  for (const env of objectsIn(c, 'env')) {
    const valueFrom = objectAt(env, 'valueFrom');
    if (!valueFrom) continue;
    defaultFieldRef(objectAt(valueFrom, 'fieldRef'));
    // 1.34 zz_generated.defaults.go: `if b.ValueFrom.FileKeyRef.Optional == nil { Optional = false }`.
    const fileKeyRef = objectAt(valueFrom, 'fileKeyRef');
    if (fileKeyRef && options.fileKeyRefOptional) defaultPointer(fileKeyRef, 'optional', false);
  }
  // Resources is a struct value in Go: the lists are defaulted even when `resources` is absent,
  // but rounding an absent list changes nothing, so nothing is created.
  const resources = objectAt(c, 'resources');
  if (resources) {
    defaultResourceList(resources, 'limits');
    defaultResourceList(resources, 'requests');
  }
  defaultProbe(objectAt(c, 'livenessProbe'));
  defaultProbe(objectAt(c, 'readinessProbe'));
  defaultProbe(objectAt(c, 'startupProbe'));
  const lifecycle = objectAt(c, 'lifecycle');
  if (lifecycle) {
    defaultHttpGet(objectAt(lifecycle, 'postStart'));
    defaultHttpGet(objectAt(lifecycle, 'preStop'));
  }
}

/** The three container lists of a pod spec. */
export const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;
