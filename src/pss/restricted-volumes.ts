import { asObject, get, isObject, list, str } from '../validate/read';
import { forbidden, joinQuote, type PodView, type PssCheck, type PssFinding } from './_check';
import { HOST_PATH_VOLUMES_ID } from './host-path-volumes';

/** The inline volume sources restricted allows, in the order of upstream's switch. */
const ALLOWED = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
];

/** The sources upstream names, in the order of its switch (the first set one names the volume's type). */
const RESTRICTED = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
];

// restrictedVolumes_1_0 (policy/check_restrictedVolumes.go, v0.27.16). The two lists are every
// VolumeSource of 1.27, so upstream's "unknown" type cannot occur after defaulting: a volume with
// no source is an emptyDir (SetDefaults_Volume, pkg/apis/core/v1/defaults.go, 1.27).
function restrictedVolumes10(pod: PodView): PssFinding[] {
  const out: PssFinding[] = [];
  list(get(pod.spec, 'volumes')).forEach((v, i) => {
    if (!isObject(v) || ALLOWED.some((s) => asObject(get(v, s)) !== undefined)) return;
    const type = RESTRICTED.find((s) => asObject(get(v, s)) !== undefined);
    if (type === undefined) return;
    out.push(
      forbidden(
        [...pod.specPath, 'volumes', i, type],
        'restricted volume types',
        `volume ${joinQuote([str(get(v, 'name')) ?? ''])} uses restricted volume type ${joinQuote([type])}`,
      ),
    );
  });
  return out;
}

/** CheckRestrictedVolumes (policy/check_restrictedVolumes.go): only the listed inline volume sources; replaces hostPathVolumes. */
export const restrictedVolumes: PssCheck = {
  id: 'restrictedVolumes',
  level: 'restricted',
  versions: [{ minimumVersion: 0, checkPod: restrictedVolumes10, overrideCheckIds: [HOST_PATH_VOLUMES_ID] }],
};
