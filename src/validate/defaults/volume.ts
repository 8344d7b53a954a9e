import { defaultFieldRef } from './container';
import { defaultPointer, defaultString, ensureObject, objectAt, objectsIn, type Writable } from './json';
import { defaultResourceList } from './resource-list';

/** The mode SecretVolumeSourceDefaultMode, ConfigMapVolumeSourceDefaultMode, … name: 0644. */
const DEFAULT_MODE = 0o644;

/**
 * SetDefaults_Volume (core/v1 defaults.go, 1.27 … 1.34): a volume whose every source pointer is nil
 * becomes an `emptyDir`. Any key besides `name` is a source (strict decoding refuses others).
 */
function defaultSource(v: Writable): void {
  for (const k of Object.keys(v)) {
    if (k !== 'name' && v[k] !== null && v[k] !== undefined) return;
  }
  v.emptyDir = {};
}

/** What SetObjectDefaults_DaemonSet (apps/v1, 1.27 … 1.34) runs on each volume. */
export function defaultVolume(v: Writable): void {
  defaultSource(v);
  // SetDefaults_HostPathVolumeSource: type is a pointer to HostPathUnset ("").
  const hostPath = objectAt(v, 'hostPath');
  if (hostPath) defaultPointer(hostPath, 'type', '');
  for (const source of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const s = objectAt(v, source);
    if (s) defaultPointer(s, 'defaultMode', DEFAULT_MODE);
  }
  // SetDefaults_ISCSIVolumeSource
  const iscsi = objectAt(v, 'iscsi');
  if (iscsi) defaultString(iscsi, 'iscsiInterface', 'default');
  // SetDefaults_RBDVolumeSource
  const rbd = objectAt(v, 'rbd');
  if (rbd) {
    defaultString(rbd, 'pool', 'rbd');
    defaultString(rbd, 'user', 'admin');
    defaultString(rbd, 'keyring', '/etc/ceph/keyring');
  }
  const downwardAPI = objectAt(v, 'downwardAPI');
  if (downwardAPI) for (const item of objectsIn(downwardAPI, 'items')) defaultFieldRef(objectAt(item, 'fieldRef'));
  // SetDefaults_AzureDiskVolumeSource
  const azureDisk = objectAt(v, 'azureDisk');
  if (azureDisk) {
    defaultPointer(azureDisk, 'cachingMode', 'ReadWrite');
    defaultPointer(azureDisk, 'kind', 'Shared');
    defaultPointer(azureDisk, 'fsType', 'ext4');
    defaultPointer(azureDisk, 'readOnly', false);
  }
  const projected = objectAt(v, 'projected');
  if (projected) {
    for (const source of objectsIn(projected, 'sources')) {
      const items = objectAt(source, 'downwardAPI');
      if (items) for (const item of objectsIn(items, 'items')) defaultFieldRef(objectAt(item, 'fieldRef'));
      // SetDefaults_ServiceAccountTokenProjection: an hour.
      const token = objectAt(source, 'serviceAccountToken');
      if (token) defaultPointer(token, 'expirationSeconds', 3600);
    }
  }
  // SetDefaults_ScaleIOVolumeSource
  const scaleIO = objectAt(v, 'scaleIO');
  if (scaleIO) {
    defaultString(scaleIO, 'storageMode', 'ThinProvisioned');
    defaultString(scaleIO, 'fsType', 'xfs');
  }
  // SetDefaults_PersistentVolumeClaimSpec and the claim's resource lists.
  // The template is a pointer, its spec a struct value: defaulted even when absent.
  const claimTemplate = objectAt(objectAt(v, 'ephemeral') ?? {}, 'volumeClaimTemplate');
  const claimSpec = claimTemplate && ensureObject(claimTemplate, 'spec');
  if (claimSpec) {
    defaultPointer(claimSpec, 'volumeMode', 'Filesystem');
    const resources = objectAt(claimSpec, 'resources');
    if (resources) {
      defaultResourceList(resources, 'limits');
      defaultResourceList(resources, 'requests');
    }
  }
}
