import { key } from '../validate/issue';
import { entries, get } from '../validate/read';
import { forbidden, goQuote, type PodView, type PssCheck, type PssFinding } from './_check';

/** corev1.AppArmorBetaContainerAnnotationKeyPrefix (1.27). */
const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

// allowedProfile (policy/check_appArmorProfile.go): empty, "runtime/default" or "localhost/<name>".
function allowedProfile(profile: string): boolean {
  return profile === '' || profile === 'runtime/default' || profile.startsWith('localhost/');
}

// appArmorProfile_1_0 (policy/check_appArmorProfile.go, v0.27.16)
function appArmorProfile10(pod: PodView): PssFinding[] {
  const out: PssFinding[] = [];
  for (const [k, v] of entries(get(pod.metadata, 'annotations'))) {
    if (!k.startsWith(ANNOTATION_PREFIX) || typeof v !== 'string' || allowedProfile(v)) continue;
    out.push(
      forbidden([...pod.metadataPath, 'annotations', key(k)], 'forbidden AppArmor profile', `${k}=${goQuote(v)}`),
    );
  }
  return out;
}

/** CheckAppArmorProfile (policy/check_appArmorProfile.go): AppArmor annotations may not disable the default profile. */
export const appArmorProfile: PssCheck = {
  id: 'appArmorProfile',
  level: 'baseline',
  versions: [{ minimumVersion: 0, checkPod: appArmorProfile10 }],
};
