import { get, list, num } from '../validate/read';
import { containerLabel, containersOf, forbidden, type PodView, type PssCheck, type PssFinding } from './_check';

// hostPorts_1_0 (policy/check_hostPorts.go, v0.27.16): any hostPort other than 0 (unset), as PSA
// sees it after defaulting: under hostNetwork, 1.27 defaults an unset hostPort of init and regular
// containers to the containerPort (defaultHostNetworkPorts in SetDefaults_PodSpec, pod templates
// included; 1.28 limits it to Pods), so those ports count too.
function hostPorts10(pod: PodView): PssFinding[] {
  const hostNetwork = get(pod.spec, 'hostNetwork') === true;
  const out: PssFinding[] = [];
  for (const c of containersOf(pod)) {
    list(get(c.container, 'ports')).forEach((p, j) => {
      const given = num(get(p, 'hostPort')) ?? 0;
      const defaulted = given === 0 && hostNetwork && c.list !== 'ephemeralContainers';
      const hostPort = defaulted ? (num(get(p, 'containerPort')) ?? 0) : given;
      if (hostPort === 0) return;
      const { path, message } = forbidden(
        [...c.path, 'ports', j, 'hostPort'],
        'hostPort',
        `${containerLabel(c.name)} uses hostPort ${hostPort}`,
      );
      out.push({
        path,
        message: defaulted ? `${message}, defaulted from containerPort because hostNetwork=true` : message,
      });
    });
  }
  return out;
}

/** CheckHostPorts (policy/check_hostPorts.go): no host ports. */
export const hostPorts: PssCheck = {
  id: 'hostPorts',
  level: 'baseline',
  versions: [{ minimumVersion: 0, checkPod: hostPorts10 }],
};
