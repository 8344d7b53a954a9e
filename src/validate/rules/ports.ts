import type { FieldPath, Issue } from '../issue';
import { get, goInt, goString, issue, list, show } from '../read';
import { NO_ISSUES, type Rule, type RuleContext, type RuleSet } from '../rule';
import { isValidPortNum, portNameErrors, PORT_RANGE_ERROR } from './_shared/container-names';
import {
  containerIndex,
  containersOf,
  defaultedHostPort,
  defaultedProtocol,
  hostNetwork,
} from './_shared/container-context';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

// validateContainerPorts (1.27): names are IANA_SVC_NAMEs unique within the container,
// containerPort is required and 1..65535, a non-zero hostPort 1..65535, protocol TCP/UDP/SCTP.
const containerPorts: Rule = (c, path) => {
  const ports = list(get(c, 'ports'));
  if (ports.length === 0) return NO_ISSUES;
  const out: Issue[] = [];
  const names = new Set<string>();
  // Paths are built only for what is reported.
  const at = (i: number, f: string): FieldPath => [...path, 'ports', i, f];
  ports.forEach((port, i) => {
    const name = goString(get(port, 'name'));
    if (name !== undefined && name !== '') {
      const errs = portNameErrors(name);
      if (errs.length > 0) {
        for (const m of errs) out.push(issue(at(i, 'name'), 'port/name-invalid', `Invalid value ${show(name)}: ${m}`));
      } else if (names.has(name)) {
        out.push(
          issue(
            at(i, 'name'),
            'port/name-duplicate',
            `Duplicate value: ${show(name)}: port names must be unique within a container`,
          ),
        );
      } else {
        names.add(name);
      }
    }
    const cp = goInt(get(port, 'containerPort'));
    if (cp === 0) {
      out.push(
        issue(
          at(i, 'containerPort'),
          'port/container-port-required',
          'Required value: give the port the container listens on, 1..65535',
        ),
      );
    } else if (cp !== undefined && !isValidPortNum(cp)) {
      out.push(
        issue(at(i, 'containerPort'), 'port/container-port-invalid', `Invalid value ${cp}: ${PORT_RANGE_ERROR}`),
      );
    }
    const hp = goInt(get(port, 'hostPort'));
    if (hp !== undefined && hp !== 0 && !isValidPortNum(hp)) {
      out.push(
        issue(at(i, 'hostPort'), 'port/host-port-invalid', `Invalid value ${hp}: ${PORT_RANGE_ERROR} (or 0 for none)`),
      );
    }
    const proto = defaultedProtocol(port);
    if (proto !== undefined && !PROTOCOLS.includes(proto)) {
      out.push(
        issue(
          at(i, 'protocol'),
          'port/protocol-unsupported',
          `Unsupported value ${show(proto)}: supported values: "SCTP", "TCP", "UDP"`,
        ),
      );
    }
  });
  return out;
};

function hostPortKeys(c: unknown, ctx: RuleContext): (string | undefined)[] {
  return list(get(c, 'ports')).map((port) => {
    const hp = defaultedHostPort(port, ctx);
    if (hp === undefined || hp === 0) return undefined;
    const proto = defaultedProtocol(port);
    const ip = goString(get(port, 'hostIP'));
    if (proto === undefined || ip === undefined) return undefined;
    return `${proto}/${ip}/${hp}`;
  });
}

// AccumulateUniqueHostPorts (1.27): a protocol/hostIP/hostPort triple may be used once across all
// regular containers; init containers run one at a time, so each is checked on its own.
// Reported at the later use. Ephemeral containers may not have ports at all.
const hostPortConflicts: Rule = (c, path, ctx) => {
  if (ctx.containerList === 'ephemeralContainers') return NO_ISSUES;
  const keys = hostPortKeys(c, ctx);
  if (!keys.some((k) => k !== undefined)) return NO_ISSUES; // no host port: nothing can conflict
  const seen = new Set<string>();
  if (ctx.containerList === 'containers') {
    containersOf(ctx, 'containers')
      .slice(0, containerIndex(path))
      .forEach((prev) => {
        for (const k of hostPortKeys(prev, ctx)) if (k !== undefined) seen.add(k);
      });
  }
  const out: Issue[] = [];
  keys.forEach((k, i) => {
    if (k === undefined) return;
    if (seen.has(k)) {
      out.push(
        issue(
          [...path, 'ports', i, 'hostPort'],
          'port/host-port-conflict',
          `Duplicate value: ${show(k)}: another container port already uses this protocol/hostIP/hostPort`,
        ),
      );
    } else {
      seen.add(k);
    }
  });
  return out;
};

// validateHostNetwork (1.27, called from ValidatePodSecurityContext for regular containers): with
// hostNetwork the host port is the container port. A zero hostPort was defaulted to containerPort.
const hostNetworkPorts: Rule = (c, path, ctx) => {
  if (ctx.containerList !== 'containers' || !hostNetwork(ctx)) return NO_ISSUES;
  const out: Issue[] = [];
  list(get(c, 'ports')).forEach((port, i) => {
    const cp = goInt(get(port, 'containerPort'));
    const hp = defaultedHostPort(port, ctx);
    if (cp === undefined || hp === undefined || hp === cp) return;
    // validatePodHostNetworkDeps (1.28+) reports at hostPort, and a template may leave it 0.
    if (ctx.profile.switches.podHostNetworkDeps) {
      if (hp === 0) return;
      out.push(
        issue(
          [...path, 'ports', i, 'hostPort'],
          'port/host-network-mismatch',
          `Invalid value ${hp}: must match \`containerPort\` when \`hostNetwork\` is true (containerPort is ${cp}); drop hostPort or set it to ${cp}`,
        ),
      );
      return;
    }
    out.push(
      issue(
        [...path, 'ports', i, 'containerPort'],
        'port/host-network-mismatch',
        `Invalid value ${cp}: must match \`hostPort\` when \`hostNetwork\` is true (hostPort is ${hp}); drop hostPort or set it to ${cp}`,
      ),
    );
  });
  return out;
};

export const portsRules: RuleSet = {
  container: [containerPorts, hostPortConflicts, hostNetworkPorts],
};
