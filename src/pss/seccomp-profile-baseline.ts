import { key } from '../validate/issue';
import { asObject, get, str } from '../validate/read';
import {
  containerLabel,
  containersOf,
  forbidden,
  goQuote,
  joinQuote,
  podSecurityContext,
  type PodView,
  type PssCheck,
  type PssFinding,
} from './_check';

const ANNOTATION_KEY_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const ANNOTATION_KEY_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

/** validSeccomp (policy/check_seccompProfile_baseline.go): `Localhost` or `RuntimeDefault`. */
export function validSeccomp(type: string): boolean {
  return type === 'Localhost' || type === 'RuntimeDefault';
}

// validSeccompAnnotationValue (policy/check_seccompProfile_baseline.go)
function validSeccompAnnotationValue(v: string): boolean {
  return v === 'runtime/default' || v === 'docker/default' || v.startsWith('localhost/');
}

// seccompProfileBaseline_1_0 (policy/check_seccompProfile_baseline.go, v0.27.16): the alpha annotations,
// the pod's and those of the pod's own containers (keys naming no container are not read).
function seccompProfileBaseline10(pod: PodView): PssFinding[] {
  const annotations = get(pod.metadata, 'annotations');
  const keys = [ANNOTATION_KEY_POD, ...containersOf(pod).map((c) => ANNOTATION_KEY_CONTAINER_PREFIX + c.name)];
  const out: PssFinding[] = [];
  for (const k of new Set(keys)) {
    const v = get(annotations, k);
    if (typeof v !== 'string' || validSeccompAnnotationValue(v)) continue;
    out.push(
      forbidden(
        [...pod.metadataPath, 'annotations', key(k)],
        'seccompProfile',
        `forbidden annotation ${k}=${goQuote(v)}`,
      ),
    );
  }
  return out;
}

/**
 * The seccompProfile.type a security context sets: undefined when it sets no profile,
 * `""` when the profile has no type (Go's zero value, which is not a valid type).
 */
export function seccompType(securityContext: unknown): string | undefined {
  const profile = asObject(get(securityContext, 'seccompProfile'));
  return profile === undefined ? undefined : (str(get(profile, 'type')) ?? '');
}

// seccompProfileBaseline_1_19 (policy/check_seccompProfile_baseline.go, v0.27.16): profiles set must be valid.
function seccompProfileBaseline119(pod: PodView): PssFinding[] {
  const out: PssFinding[] = [];
  const bad = (path: PssFinding['path'], setter: string, type: string): void => {
    out.push(
      forbidden(
        [...path, 'securityContext', 'seccompProfile', 'type'],
        'seccompProfile',
        `${setter} must not set securityContext.seccompProfile.type to ${joinQuote([type])}`,
      ),
    );
  };
  const podType = seccompType(podSecurityContext(pod));
  if (podType !== undefined && !validSeccomp(podType)) bad(pod.specPath, 'pod', podType);
  for (const c of containersOf(pod)) {
    const type = seccompType(c.securityContext);
    if (type !== undefined && !validSeccomp(type)) bad(c.path, containerLabel(c.name), type);
  }
  return out;
}

export const SECCOMP_BASELINE_ID = 'seccompProfile_baseline';

/** CheckSeccompBaseline (policy/check_seccompProfile_baseline.go): annotations before 1.19, fields from 1.19. */
export const seccompProfileBaseline: PssCheck = {
  id: SECCOMP_BASELINE_ID,
  level: 'baseline',
  versions: [
    { minimumVersion: 0, checkPod: seccompProfileBaseline10 },
    { minimumVersion: 19, checkPod: seccompProfileBaseline119 },
  ],
};
