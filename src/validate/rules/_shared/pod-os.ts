/**
 * OS-dependent pod rules of ValidatePodSpec (Kubernetes 1.27): validateOS, then validateLinux or
 * validateWindows when `spec.os.name` is valid, and validateWindowsHostProcessPod.
 * Part of pod.ts's rule set, split out to keep that file to one concept.
 */
import type { FieldPath, Issue } from '../../issue';
import { field, get, goString, isSet, list, show } from '../../read';
import { NO_ISSUES, type Rule } from '../../rule';

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/** podshelper.VisitContainersWithPath order: init, regular, ephemeral. */
function eachContainer(spec: unknown, path: FieldPath, visit: (c: unknown, p: FieldPath) => void): void {
  for (const l of CONTAINER_LISTS)
    list(get(spec, l)).forEach((c, i) => {
      visit(c, [...path, l, i]);
    });
}

function forbidden(path: FieldPath, code: string, message: string): Issue {
  return { path, code, message };
}

// validateOS (1.27): name required, linux or windows; reported at `os` when unsupported.
function osErrors(spec: unknown, path: FieldPath): Issue[] | undefined {
  const os = get(spec, 'os');
  if (!isSet(os)) return undefined;
  const name = goString(get(os, 'name'));
  if (name === '')
    return [
      { path: [...path, 'os', 'name'], code: 'pod/os-name-required', message: 'cannot be empty: use linux or windows' },
    ];
  if (name !== undefined && name !== 'linux' && name !== 'windows') {
    return [
      {
        path: [...path, 'os'],
        code: 'pod/os-name-invalid',
        message: `Unsupported value: ${show(name)}: supported values: "linux", "windows"`,
      },
    ];
  }
  return [];
}

// validateLinux (1.27)
function linuxErrors(spec: unknown, path: FieldPath): Issue[] {
  const out: Issue[] = [];
  const msg = 'windows options cannot be set for a linux pod';
  if (isSet(field(spec, 'securityContext', 'windowsOptions'))) {
    out.push(forbidden([...path, 'securityContext', 'windowsOptions'], 'pod/os-linux-windows-options', msg));
  }
  eachContainer(spec, path, (c, p) => {
    if (isSet(field(c, 'securityContext', 'windowsOptions'))) {
      out.push(forbidden([...p, 'securityContext', 'windowsOptions'], 'pod/os-linux-windows-options', msg));
    }
  });
  return out;
}

const WINDOWS_POD_SC_FIELDS = [
  'seLinuxOptions',
  'seccompProfile',
  'fsGroup',
  'fsGroupChangePolicy',
  'runAsUser',
  'runAsGroup',
  'supplementalGroups',
  // Fields of later minors (validateWindows 1.30, 1.31, 1.32): unknown before, dropped while gated off.
  'appArmorProfile',
  'supplementalGroupsPolicy',
  'seLinuxChangePolicy',
];
const WINDOWS_CONTAINER_SC_FIELDS = [
  'seLinuxOptions',
  'seccompProfile',
  'capabilities',
  'readOnlyRootFilesystem',
  'privileged',
  'allowPrivilegeEscalation',
  'procMount',
  'runAsUser',
  'runAsGroup',
  'appArmorProfile',
];

// validateWindows (1.27). hostUsers is left out: its feature gate is off in 1.27, so the field is dropped.
function windowsErrors(spec: unknown, path: FieldPath): Issue[] {
  const out: Issue[] = [];
  const msg = 'cannot be set for a windows pod';
  const code = 'pod/os-windows-forbidden-field';
  const sc = get(spec, 'securityContext');
  for (const f of WINDOWS_POD_SC_FIELDS) {
    if (isSet(get(sc, f))) out.push(forbidden([...path, 'securityContext', f], code, msg));
  }
  if (list(get(sc, 'sysctls')).length > 0) out.push(forbidden([...path, 'securityContext', 'sysctls'], code, msg));
  if (get(spec, 'hostPID') === true) out.push(forbidden([...path, 'hostPID'], code, msg));
  if (get(spec, 'hostIPC') === true) out.push(forbidden([...path, 'hostIPC'], code, msg));
  if (isSet(get(spec, 'shareProcessNamespace'))) out.push(forbidden([...path, 'shareProcessNamespace'], code, msg));
  eachContainer(spec, path, (c, p) => {
    const csc = get(c, 'securityContext');
    for (const f of WINDOWS_CONTAINER_SC_FIELDS) {
      if (isSet(get(csc, f))) out.push(forbidden([...p, 'securityContext', f], code, msg));
    }
  });
  return out;
}

const os: Rule = (spec, path) => {
  const errs = osErrors(spec, path);
  if (errs === undefined) return NO_ISSUES;
  if (errs.length > 0) return errs;
  // A name of another type (undefined from goString) is the type rules' to report: neither OS.
  const name = get(get(spec, 'os'), 'name');
  if (name === 'linux') return linuxErrors(spec, path);
  return name === 'windows' ? windowsErrors(spec, path) : NO_ISSUES;
};

// validateWindowsHostProcessPod (1.27), assuming the API server runs with --allow-privileged=true
// (kubeadm, kind and the managed offerings do).
const windowsHostProcess: Rule = (spec, path) => {
  const out: Issue[] = [];
  const podHp = field(spec, 'securityContext', 'windowsOptions', 'hostProcess');
  const podHostProcess = typeof podHp === 'boolean' ? podHp : undefined;
  let containers = 0;
  let hostProcess = 0;
  // Loops rather than eachContainer: this rule runs on every pod, and a container's path is
  // needed only for a mismatch.
  for (const l of CONTAINER_LISTS) {
    const cs = list(get(spec, l));
    for (let i = 0; i < cs.length; i++) {
      if (!(i in cs)) continue; // as forEach
      containers++;
      const chp = field(cs[i], 'securityContext', 'windowsOptions', 'hostProcess');
      const cHostProcess = typeof chp === 'boolean' ? chp : undefined;
      if (podHostProcess !== undefined && cHostProcess !== undefined && podHostProcess !== cHostProcess) {
        out.push({
          path: [...path, l, i, 'securityContext', 'windowsOptions', 'hostProcess'],
          code: 'pod/host-process-mismatch',
          message: `pod hostProcess value must be identical if both are specified, was ${podHostProcess}`,
        });
      }
      if (cHostProcess === true || (cHostProcess === undefined && podHostProcess === true)) hostProcess++;
    }
  }
  if (hostProcess > 0) {
    if (hostProcess !== containers) {
      out.push({
        path,
        code: 'pod/host-process-not-all-containers',
        message: 'If pod contains any hostProcess containers then all containers must be HostProcess containers',
      });
    }
    if (get(spec, 'hostNetwork') !== true) {
      out.push({
        path: [...path, 'hostNetwork'],
        code: 'pod/host-process-needs-host-network',
        message: 'hostNetwork must be true if pod contains any hostProcess containers',
      });
    }
  }
  return out;
};

export const podOsRules: readonly Rule[] = [os, windowsHostProcess];
