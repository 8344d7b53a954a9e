import { asObject, get, list, str } from '../validate/read';
import { forbidden, joinQuote, type PodView, type PssCheck, type PssFinding } from './_check';

// hostPathVolumes_1_0 (policy/check_hostPathVolumes.go, v0.27.16)
function hostPathVolumes10(pod: PodView): PssFinding[] {
  const out: PssFinding[] = [];
  list(get(pod.spec, 'volumes')).forEach((v, i) => {
    if (asObject(get(v, 'hostPath')) === undefined) return;
    out.push(
      forbidden(
        [...pod.specPath, 'volumes', i, 'hostPath'],
        'hostPath volumes',
        `volume ${joinQuote([str(get(v, 'name')) ?? ''])}`,
      ),
    );
  });
  return out;
}

export const HOST_PATH_VOLUMES_ID = 'hostPathVolumes';

/** CheckHostPathVolumes (policy/check_hostPathVolumes.go): no hostPath volumes. */
export const hostPathVolumes: PssCheck = {
  id: HOST_PATH_VOLUMES_ID,
  level: 'baseline',
  versions: [{ minimumVersion: 0, checkPod: hostPathVolumes10 }],
};
