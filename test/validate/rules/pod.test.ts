import { describe, expect, it } from 'vitest';
import { validateManifest, validateManifestFor } from '../../../src/validate/engine';
import { profileOf } from '../../../src/validate/versions/profile';
import { toFieldPath } from '../../../src/validate/issue';
import { podRules } from '../../../src/validate/rules/pod';
import { daemonSet } from '../../support/manifest';
import { issuesAt } from '../../support/manifest';
import { validateForVersion } from '../../../src/validate/pipeline';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';
import {
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  qualifiedNameErrors,
} from '../../../src/validate/rules/_shared/names';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The pod rules' issues only, as `path code` lines. */
function issues(m: unknown): string[] {
  return validateManifest(m, [podRules]).map((i) => `${toFieldPath(i.path)} ${i.code}`);
}

function pod(edit: (pod: any, container: any) => void): any {
  return daemonSet((_d, p, c) => edit(p, c));
}

function barePod(spec: any, annotations?: any): any {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', annotations }, spec };
}

const S = 'spec.template.spec';

describe('policies', () => {
  it('accepts restartPolicy Never on a Pod', () => {
    expect(issues(barePod({ restartPolicy: 'Never', containers: [] }))).toEqual([]);
  });

  it('accepts restartPolicy OnFailure on a Pod', () => {
    expect(issues(barePod({ restartPolicy: 'OnFailure', containers: [] }))).toEqual([]);
  });

  it('rejects an unknown restartPolicy', () => {
    expect(
      issues(
        pod((p) => {
          p.restartPolicy = 'Sometimes';
        }),
      ),
    ).toEqual([`${S}.restartPolicy pod/restart-policy-invalid`]);
  });

  it('accepts dnsPolicy ClusterFirstWithHostNet', () => {
    expect(
      issues(
        pod((p) => {
          p.dnsPolicy = 'ClusterFirstWithHostNet';
        }),
      ),
    ).toEqual([]);
  });

  it('rejects an unknown dnsPolicy', () => {
    expect(
      issues(
        pod((p) => {
          p.dnsPolicy = 'ClusterLast';
        }),
      ),
    ).toEqual([`${S}.dnsPolicy pod/dns-policy-invalid`]);
  });

  it('accepts preemptionPolicy Never', () => {
    expect(
      issues(
        pod((p) => {
          p.preemptionPolicy = 'Never';
        }),
      ),
    ).toEqual([]);
  });

  it('rejects an unknown preemptionPolicy', () => {
    expect(
      issues(
        pod((p) => {
          p.preemptionPolicy = 'Always';
        }),
      ),
    ).toEqual([`${S}.preemptionPolicy pod/preemption-policy-invalid`]);
  });
});

describe('dnsConfig', () => {
  it('accepts dnsPolicy None with a nameserver, searches and options', () => {
    expect(
      issues(
        pod((p) => {
          p.dnsPolicy = 'None';
          p.dnsConfig = {
            nameservers: ['10.0.0.10', '2001:db8::1'],
            searches: ['svc.cluster.local.'],
            options: [{ name: 'ndots', value: '2' }],
          };
        }),
      ),
    ).toEqual([]);
  });

  it('requires dnsConfig with dnsPolicy None', () => {
    expect(
      issues(
        pod((p) => {
          p.dnsPolicy = 'None';
        }),
      ),
    ).toEqual([`${S}.dnsConfig pod/dns-config-required`]);
  });

  it('requires a nameserver with dnsPolicy None', () => {
    expect(
      issues(
        pod((p) => {
          p.dnsPolicy = 'None';
          p.dnsConfig = { searches: ['a'] };
        }),
      ),
    ).toEqual([`${S}.dnsConfig.nameservers pod/dns-nameserver-required`]);
  });

  it('rejects more than 3 nameservers', () => {
    expect(
      issues(
        pod((p) => {
          p.dnsConfig = { nameservers: ['1.1.1.1', '1.0.0.1', '8.8.8.8', '8.8.4.4'] };
        }),
      ),
    ).toEqual([`${S}.dnsConfig.nameservers pod/dns-nameservers-too-many`]);
  });

  it('rejects a nameserver that is not an IP', () => {
    expect(
      issues(
        pod((p) => {
          p.dnsConfig = { nameservers: ['dns.example.com'] };
        }),
      ),
    ).toEqual([`${S}.dnsConfig.nameservers[0] pod/dns-nameserver-invalid`]);
  });

  it.each(['010.001.000.001', '::ffff:10.0.0.1', '::', '2001:db8:0:0:0:0:0:1'])(
    "accepts the nameserver %s, as Go's ParseIPSloppy does",
    (ip) => {
      expect(
        issues(
          pod((p) => {
            p.dnsConfig = { nameservers: [ip] };
          }),
        ),
      ).toEqual([]);
    },
  );

  it.each(['fe80::1%eth0', '1.2.3', '1.2.3.4.5', '1::2::3', '256.1.1.1', ''])('rejects the nameserver %j', (ip) => {
    expect(
      issues(
        pod((p) => {
          p.dnsConfig = { nameservers: [ip] };
        }),
      ),
    ).toEqual([`${S}.dnsConfig.nameservers[0] pod/dns-nameserver-invalid`]);
  });

  it('accepts 32 search domains', () => {
    expect(
      issues(
        pod((p) => {
          p.dnsConfig = { searches: Array.from({ length: 32 }, (_, i) => `d${i}.example`) };
        }),
      ),
    ).toEqual([]);
  });

  it('rejects 33 search domains', () => {
    expect(
      issues(
        pod((p) => {
          p.dnsConfig = { searches: Array.from({ length: 33 }, (_, i) => `d${i}.example`) };
        }),
      ),
    ).toEqual([`${S}.dnsConfig.searches pod/dns-searches-too-many`]);
  });

  it('rejects a search list over 2048 characters', () => {
    expect(
      issues(
        pod((p) => {
          p.dnsConfig = {
            searches: Array.from(
              { length: 12 },
              (_, i) => `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.d${i}`,
            ),
          };
        }),
      ),
    ).toEqual([`${S}.dnsConfig.searches pod/dns-searches-too-long`]);
  });

  it('rejects a search domain that is not a subdomain', () => {
    expect(
      issues(
        pod((p) => {
          p.dnsConfig = { searches: ['Example.com'] };
        }),
      ),
    ).toEqual([`${S}.dnsConfig.searches[0] pod/dns-search-invalid`]);
  });

  it('requires an option name', () => {
    expect(
      issues(
        pod((p) => {
          p.dnsConfig = { options: [{ value: '2' }] };
        }),
      ),
    ).toEqual([`${S}.dnsConfig.options[0] pod/dns-option-name-required`]);
  });
});

describe('hostAliases', () => {
  it('accepts an IP with subdomain host names', () => {
    expect(
      issues(
        pod((p) => {
          p.hostAliases = [{ ip: '127.0.0.1', hostnames: ['foo.local'] }];
        }),
      ),
    ).toEqual([]);
  });

  it('rejects an invalid IP, at hostAliases.ip as 1.27 prints it', () => {
    expect(
      issues(
        pod((p) => {
          p.hostAliases = [{ ip: '300.0.0.1', hostnames: ['a'] }];
        }),
      ),
    ).toEqual([`${S}.hostAliases.ip pod/host-alias-ip-invalid`]);
  });

  it('rejects a host name that is not a subdomain', () => {
    expect(
      issues(
        pod((p) => {
          p.hostAliases = [{ ip: '::1', hostnames: ['foo_bar'] }];
        }),
      ),
    ).toEqual([`${S}.hostAliases.hostnames pod/host-alias-hostname-invalid`]);
  });
});

describe('names', () => {
  it('accepts valid service account, node, host, subdomain and priority class names', () => {
    expect(
      issues(
        pod((p) => {
          Object.assign(p, {
            serviceAccountName: 'agent.sa',
            nodeName: 'node-1',
            hostname: 'h',
            subdomain: 's',
            priorityClassName: 'system-node-critical',
            runtimeClassName: 'gvisor',
          });
        }),
      ),
    ).toEqual([]);
  });

  it('rejects a serviceAccountName that is not a subdomain', () => {
    expect(
      issues(
        pod((p) => {
          p.serviceAccountName = 'Agent';
        }),
      ),
    ).toEqual([`${S}.serviceAccountName pod/service-account-name-invalid`]);
  });

  it('checks the deprecated serviceAccount when serviceAccountName is unset', () => {
    expect(
      issues(
        pod((p) => {
          p.serviceAccount = 'Agent';
        }),
      ),
    ).toEqual([`${S}.serviceAccountName pod/service-account-name-invalid`]);
  });

  it('rejects a nodeName that is not a subdomain', () => {
    expect(
      issues(
        pod((p) => {
          p.nodeName = 'node_1';
        }),
      ),
    ).toEqual([`${S}.nodeName pod/node-name-invalid`]);
  });

  it('rejects a hostname with dots', () => {
    expect(
      issues(
        pod((p) => {
          p.hostname = 'a.b';
        }),
      ),
    ).toEqual([`${S}.hostname pod/hostname-invalid`]);
  });

  it('rejects a subdomain with uppercase letters', () => {
    expect(
      issues(
        pod((p) => {
          p.subdomain = 'Sub';
        }),
      ),
    ).toEqual([`${S}.subdomain pod/subdomain-invalid`]);
  });

  it('rejects a priorityClassName that is not a subdomain', () => {
    expect(
      issues(
        pod((p) => {
          p.priorityClassName = 'High Priority';
        }),
      ),
    ).toEqual([`${S}.priorityClassName pod/priority-class-name-invalid`]);
  });

  it('rejects an empty runtimeClassName', () => {
    expect(
      issues(
        pod((p) => {
          p.runtimeClassName = '';
        }),
      ),
    ).toEqual([`${S}.runtimeClassName pod/runtime-class-name-invalid`]);
  });
});

describe('activeDeadlineSeconds', () => {
  it('accepts 1 on a Pod', () => {
    expect(issues(barePod({ activeDeadlineSeconds: 1, containers: [] }))).toEqual([]);
  });

  it('rejects 0', () => {
    expect(issues(barePod({ activeDeadlineSeconds: 0, containers: [] }))).toEqual([
      'spec.activeDeadlineSeconds pod/active-deadline-out-of-range',
    ]);
  });
});

describe('pod securityContext', () => {
  const SC = `${S}.securityContext`;

  it('accepts ids, groups, sysctls, fsGroupChangePolicy and a Localhost seccomp profile', () => {
    expect(
      issues(
        pod((p) => {
          p.securityContext = {
            runAsUser: 1000,
            runAsGroup: 0,
            fsGroup: 2147483647,
            supplementalGroups: [1, 2],
            fsGroupChangePolicy: 'OnRootMismatch',
            sysctls: [
              { name: 'net.ipv4.ip_forward', value: '1' },
              { name: 'kernel/shm_rmid_forced', value: '0' },
            ],
            seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/audit.json' },
          };
        }),
      ),
    ).toEqual([]);
  });

  it('rejects a negative runAsUser', () => {
    expect(
      issues(
        pod((p) => {
          p.securityContext = { runAsUser: -1 };
        }),
      ),
    ).toEqual([`${SC}.runAsUser pod/security-context-id-out-of-range`]);
  });

  it('rejects an fsGroup above 2^31-1', () => {
    expect(
      issues(
        pod((p) => {
          p.securityContext = { fsGroup: 2147483648 };
        }),
      ),
    ).toEqual([`${SC}.fsGroup pod/security-context-id-out-of-range`]);
  });

  it('rejects a negative supplemental group', () => {
    expect(
      issues(
        pod((p) => {
          p.securityContext = { supplementalGroups: [1, -5] };
        }),
      ),
    ).toEqual([`${SC}.supplementalGroups[1] pod/security-context-id-out-of-range`]);
  });

  it('rejects shareProcessNamespace with hostPID', () => {
    expect(
      issues(
        pod((p) => {
          p.shareProcessNamespace = true;
          p.hostPID = true;
        }),
      ),
    ).toEqual([`${SC}.shareProcessNamespace pod/share-process-namespace-with-host-pid`]);
  });

  it('rejects a sysctl name with uppercase letters', () => {
    expect(
      issues(
        pod((p) => {
          p.securityContext = { sysctls: [{ name: 'Net.ipv4', value: '1' }] };
        }),
      ),
    ).toEqual([`${SC}.sysctls[0].name pod/sysctl-name-invalid`]);
  });

  it('rejects a duplicate sysctl', () => {
    expect(
      issues(
        pod((p) => {
          p.securityContext = {
            sysctls: [
              { name: 'a.b', value: '1' },
              { name: 'a.b', value: '2' },
            ],
          };
        }),
      ),
    ).toEqual([`${SC}.sysctls[1].name pod/sysctl-duplicate`]);
  });

  it('requires a sysctl name', () => {
    expect(
      issues(
        pod((p) => {
          p.securityContext = { sysctls: [{ value: '1' }] };
        }),
      ),
    ).toEqual([`${SC}.sysctls[0].name pod/sysctl-name-required`]);
  });

  it('rejects an unknown fsGroupChangePolicy', () => {
    expect(
      issues(
        pod((p) => {
          p.securityContext = { fsGroupChangePolicy: 'Never' };
        }),
      ),
    ).toEqual([`${SC}.fsGroupChangePolicy pod/fs-group-change-policy-invalid`]);
  });

  it('requires a seccomp type', () => {
    expect(
      issues(
        pod((p) => {
          p.securityContext = { seccompProfile: {} };
        }),
      ),
    ).toEqual([`${SC}.seccompProfile.type pod/seccomp-type-required`]);
  });

  it('rejects an unknown seccomp type', () => {
    expect(
      issues(
        pod((p) => {
          p.securityContext = { seccompProfile: { type: 'Default' } };
        }),
      ),
    ).toEqual([`${SC}.seccompProfile.type pod/seccomp-type-invalid`]);
  });

  it('requires localhostProfile for a Localhost profile', () => {
    expect(
      issues(
        pod((p) => {
          p.securityContext = { seccompProfile: { type: 'Localhost' } };
        }),
      ),
    ).toEqual([`${SC}.seccompProfile.localhostProfile pod/seccomp-localhost-profile-required`]);
  });

  it('rejects an absolute localhostProfile', () => {
    expect(
      issues(
        pod((p) => {
          p.securityContext = { seccompProfile: { type: 'Localhost', localhostProfile: '/etc/p.json' } };
        }),
      ),
    ).toEqual([`${SC}.seccompProfile.localhostProfile pod/seccomp-localhost-profile-invalid`]);
  });

  it('rejects localhostProfile with RuntimeDefault', () => {
    expect(
      issues(
        pod((p) => {
          p.securityContext = { seccompProfile: { type: 'RuntimeDefault', localhostProfile: 'p.json' } };
        }),
      ),
    ).toEqual([`${SC}.seccompProfile.localhostProfile pod/seccomp-localhost-profile-forbidden`]);
  });
});

describe('seccomp annotations and fields', () => {
  it('accepts an annotation that agrees with the field', () => {
    expect(
      issues(
        daemonSet((d, p) => {
          d.spec.template.metadata.annotations = { 'seccomp.security.alpha.kubernetes.io/pod': 'docker/default' };
          p.securityContext = { seccompProfile: { type: 'RuntimeDefault' } };
        }),
      ),
    ).toEqual([]);
  });

  it('rejects a container annotation that disagrees with the container field', () => {
    expect(
      issues(
        daemonSet((d, _p, c) => {
          d.spec.template.metadata.annotations = {
            'container.seccomp.security.alpha.kubernetes.io/agent': 'unconfined',
          };
          c.securityContext = { seccompProfile: { type: 'RuntimeDefault' } };
        }),
      ),
    ).toEqual([`${S}.containers[0].securityContext.seccompProfile.type pod/seccomp-annotation-mismatch`]);
  });

  it('rejects a Localhost profile that differs from the Pod annotation', () => {
    expect(
      issues(
        barePod(
          { containers: [], securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'a.json' } } },
          { 'seccomp.security.alpha.kubernetes.io/pod': 'localhost/b.json' },
        ),
      ),
    ).toEqual(['spec.securityContext.seccompProfile.localhostProfile pod/seccomp-annotation-mismatch']);
  });
});

describe('gates', () => {
  it('accepts qualified readiness and scheduling gates', () => {
    expect(
      issues(
        pod((p) => {
          p.readinessGates = [{ conditionType: 'example.com/ready' }];
          p.schedulingGates = [{ name: 'example.com/wait' }];
        }),
      ),
    ).toEqual([]);
  });

  it('rejects a readiness gate that is not a qualified name', () => {
    expect(
      issues(
        pod((p) => {
          p.readinessGates = [{ conditionType: 'not ready' }];
        }),
      ),
    ).toEqual([`${S}.readinessGates[0].conditionType pod/readiness-gate-invalid`]);
  });

  it('rejects a scheduling gate that is not a qualified name, at its index', () => {
    expect(
      issues(
        pod((p) => {
          p.schedulingGates = [{ name: '' }];
        }),
      ),
    ).toEqual([`${S}.schedulingGates[0] pod/scheduling-gate-invalid`]);
  });

  it('rejects a duplicate scheduling gate', () => {
    expect(
      issues(
        pod((p) => {
          p.schedulingGates = [{ name: 'a' }, { name: 'a' }];
        }),
      ),
    ).toEqual([`${S}.schedulingGates[1] pod/scheduling-gate-duplicate`]);
  });

  it('rejects a Pod bound to a node while gated', () => {
    expect(issues(barePod({ nodeName: 'n', schedulingGates: [{ name: 'a' }], containers: [] }))).toEqual([
      'spec.nodeName pod/node-name-with-scheduling-gates',
    ]);
  });
});

describe('topologySpreadConstraints', () => {
  const T = `${S}.topologySpreadConstraints[0]`;
  const ok = {
    maxSkew: 1,
    topologyKey: 'topology.kubernetes.io/zone',
    whenUnsatisfiable: 'DoNotSchedule',
    labelSelector: { matchLabels: { app: 'agent' } },
  };

  function spread(...c: any[]): any {
    return pod((p) => {
      p.topologySpreadConstraints = c;
    });
  }

  it('accepts a complete constraint with minDomains, policies and matchLabelKeys', () => {
    expect(
      issues(
        spread({
          ...ok,
          minDomains: 2,
          nodeAffinityPolicy: 'Honor',
          nodeTaintsPolicy: 'Ignore',
          matchLabelKeys: ['pod-template-hash'],
        }),
      ),
    ).toEqual([]);
  });

  it('rejects maxSkew 0', () => {
    expect(issues(spread({ ...ok, maxSkew: 0 }))).toEqual([`${T}.maxSkew pod/spread-max-skew-not-positive`]);
  });

  it('requires a topologyKey', () => {
    expect(issues(spread({ ...ok, topologyKey: '' }))).toEqual([`${T}.topologyKey pod/spread-topology-key-required`]);
  });

  it('rejects an unknown whenUnsatisfiable', () => {
    expect(issues(spread({ ...ok, whenUnsatisfiable: 'Wait' }))).toEqual([
      `${T}.whenUnsatisfiable pod/spread-when-unsatisfiable-invalid`,
    ]);
  });

  it('rejects two constraints on the same key and action', () => {
    expect(issues(spread(ok, ok))).toEqual([`${T}.{topologyKey, whenUnsatisfiable} pod/spread-constraint-duplicate`]);
  });

  it('rejects minDomains with ScheduleAnyway', () => {
    expect(issues(spread({ ...ok, whenUnsatisfiable: 'ScheduleAnyway', minDomains: 1 }))).toEqual([
      `${T}.minDomains pod/spread-min-domains-needs-do-not-schedule`,
    ]);
  });

  it('rejects minDomains 0', () => {
    expect(issues(spread({ ...ok, minDomains: 0 }))).toEqual([`${T}.minDomains pod/spread-min-domains-not-positive`]);
  });

  it('rejects an unknown node inclusion policy', () => {
    expect(issues(spread({ ...ok, nodeTaintsPolicy: 'Always' }))).toEqual([
      `${T}.nodeTaintsPolicy pod/spread-node-policy-invalid`,
    ]);
  });

  it('rejects matchLabelKeys without a labelSelector', () => {
    expect(issues(spread({ ...ok, labelSelector: undefined, matchLabelKeys: ['a'] }))).toEqual([
      `${T}.matchLabelKeys pod/spread-match-label-keys-without-selector`,
    ]);
  });

  it('rejects a matchLabelKeys entry already in the labelSelector', () => {
    expect(issues(spread({ ...ok, matchLabelKeys: ['app'] }))).toEqual([
      `${T}.matchLabelKeys[0] pod/spread-match-label-key-in-selector`,
    ]);
  });

  it('validates the labelSelector', () => {
    expect(issues(spread({ ...ok, labelSelector: { matchExpressions: [{ key: 'app', operator: 'Has' }] } }))).toEqual([
      `${T}.labelSelector.matchExpressions[0].operator selector/operator-invalid`,
    ]);
  });

  // The strict decoder refuses these first (type/invalid-type), so the semantic rule says nothing.
  it('leaves values of another type to the type rules', () => {
    expect(issues(spread({ ...ok, maxSkew: '0' }))).toEqual([]);
    expect(issues(spread({ ...ok, topologyKey: 5 }, { ...ok, topologyKey: 5 }))).toEqual([]);
    expect(issues(spread({ ...ok, whenUnsatisfiable: 5 }, { ...ok, whenUnsatisfiable: 5 }))).toEqual([]);
  });

  it('leaves mismatchLabelKeys, which a spread constraint lacks, to the decoder in 1.34', () => {
    const m = spread({ ...ok, matchLabelKeys: ['pod-template-hash'], mismatchLabelKeys: ['pod-template-hash'] });
    expect(validateManifestFor(m, [podRules], profileOf('1.34'))).toEqual([]);
  });
});

describe('overhead', () => {
  it('accepts cpu and memory overhead', () => {
    expect(
      issues(
        pod((p) => {
          p.overhead = { cpu: '250m', memory: '120Mi' };
        }),
      ),
    ).toEqual([]);
  });

  it('rejects a negative overhead, at overhead.limits as the server prints it', () => {
    expect(
      issues(
        pod((p) => {
          p.overhead = { cpu: '-1' };
        }),
      ),
    ).toContain(`${S}.overhead.limits[cpu] resources/quantity-negative`);
  });
});

describe('ephemeral containers', () => {
  it('rejects ephemeral containers in a pod template', () => {
    expect(
      issues(
        pod((p) => {
          p.ephemeralContainers = [{ name: 'debug', image: 'busybox' }];
        }),
      ),
    ).toEqual([`${S}.ephemeralContainers pod/ephemeral-containers-forbidden`]);
  });
});

describe('os', () => {
  it('accepts a linux pod with Linux settings', () => {
    expect(
      issues(
        pod((p) => {
          p.os = { name: 'linux' };
          p.hostPID = true;
          p.securityContext = { runAsUser: 0 };
        }),
      ),
    ).toEqual([]);
  });

  it('requires an os name', () => {
    expect(
      issues(
        pod((p) => {
          p.os = {};
        }),
      ),
    ).toEqual([`${S}.os.name pod/os-name-required`]);
  });

  it('rejects an unknown os, at os', () => {
    expect(
      issues(
        pod((p) => {
          p.os = { name: 'darwin' };
        }),
      ),
    ).toEqual([`${S}.os pod/os-name-invalid`]);
  });

  it('rejects windowsOptions on a linux pod', () => {
    expect(
      issues(
        pod((p, c) => {
          p.os = { name: 'linux' };
          c.securityContext = { windowsOptions: { runAsUserName: 'x' } };
        }),
      ),
    ).toEqual([`${S}.containers[0].securityContext.windowsOptions pod/os-linux-windows-options`]);
  });

  it('rejects Linux-only settings on a windows pod', () => {
    expect(
      issues(
        pod((p, c) => {
          p.os = { name: 'windows' };
          p.hostPID = true;
          p.securityContext = { runAsUser: 1 };
          c.securityContext = { privileged: false };
        }),
      ),
    ).toEqual([
      `${S}.containers[0].securityContext.privileged pod/os-windows-forbidden-field`,
      `${S}.hostPID pod/os-windows-forbidden-field`,
      `${S}.securityContext.runAsUser pod/os-windows-forbidden-field`,
    ]);
  });
});

describe('windows hostProcess', () => {
  it('accepts a hostProcess pod on the host network', () => {
    expect(
      issues(
        pod((p) => {
          p.hostNetwork = true;
          p.securityContext = { windowsOptions: { hostProcess: true } };
        }),
      ),
    ).toEqual([]);
  });

  it('requires hostNetwork for hostProcess containers', () => {
    expect(
      issues(
        pod((_p, c) => {
          c.securityContext = { windowsOptions: { hostProcess: true } };
        }),
      ),
    ).toEqual([`${S}.hostNetwork pod/host-process-needs-host-network`]);
  });

  it('requires every container to be hostProcess when one is', () => {
    expect(
      issues(
        pod((p, c) => {
          p.hostNetwork = true;
          c.securityContext = { windowsOptions: { hostProcess: true } };
          p.containers.push({ name: 'b', image: 'busybox' });
        }),
      ),
    ).toEqual([`${S} pod/host-process-not-all-containers`]);
  });

  it('rejects a container hostProcess that contradicts the pod', () => {
    expect(
      issues(
        pod((p, c) => {
          p.hostNetwork = true;
          p.securityContext = { windowsOptions: { hostProcess: true } };
          c.securityContext = { windowsOptions: { hostProcess: false } };
        }),
      ),
    ).toEqual([`${S}.containers[0].securityContext.windowsOptions.hostProcess pod/host-process-mismatch`]);
  });
});

describe('dnsConfig searches across minors (validatePodDNSConfig)', () => {
  const withSearches = (searches: string[]) =>
    daemonSet((_d, pod) => {
      pod.dnsConfig = { searches };
    });
  const S = 'spec.template.spec.dnsConfig.searches';

  it('rejects underscores and "." before 1.33 and accepts them from 1.33 (RelaxedDNSSearchValidation)', () => {
    const ds = withSearches(['_ldap._tcp.corp.example', '.', 'corp.example.']);
    expect(issuesAt('1.32', ds)).toEqual([`${S}[0] pod/dns-search-invalid`, `${S}[1] pod/dns-search-invalid`]);
    expect(issuesAt('1.33', ds)).toEqual([]);
  });

  it('still rejects what the relaxed check rejects: a double or trailing underscore, upper case', () => {
    expect(issuesAt('1.34', withSearches(['__x.example', 'x_.example', 'X.example', 'a._b']))).toEqual([
      `${S}[0] pod/dns-search-invalid`,
      `${S}[1] pod/dns-search-invalid`,
      `${S}[2] pod/dns-search-invalid`,
    ]);
  });
});

describe('hostAliases across minors (ValidateHostAliases)', () => {
  const withAliases = (hostAliases: unknown[]) =>
    daemonSet((_d, pod) => {
      pod.hostAliases = hostAliases;
    });
  const H = 'spec.template.spec.hostAliases';
  const bad = [
    { ip: '10.0.0.1', hostnames: ['ok.local'] },
    { ip: 'bad', hostnames: ['fine', 'Bad_Host'] },
  ];

  it('reports unindexed paths up to 1.29', () => {
    expect(issuesAt('1.29', withAliases(bad))).toEqual([
      `${H}.hostnames pod/host-alias-hostname-invalid`,
      `${H}.ip pod/host-alias-ip-invalid`,
    ]);
  });

  it('indexes the alias and the hostname from 1.30, with IsValidIP wording', () => {
    expect(issuesAt('1.30', withAliases(bad))).toEqual([
      `${H}[1].hostnames[1] pod/host-alias-hostname-invalid`,
      `${H}[1].ip pod/host-alias-ip-invalid`,
    ]);
    const r = validateForVersion(withAliases([{ ip: 'bad', hostnames: ['a'] }]), { kubernetesVersion: '1.34' });
    expect(r.errors[0].message).toBe(
      'Invalid value "bad": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    );
  });

  it('accepts valid aliases in every minor', () => {
    for (const v of ['1.27', '1.30', '1.34']) expect(issuesAt(v, withAliases([bad[0]]))).toEqual([]);
  });
});

describe('topology spread matchLabelKeys in 1.34 (validateMatchLabelKeysAndMismatchLabelKeys)', () => {
  const withSpread = (selector: unknown, matchLabelKeys: string[]) =>
    daemonSet((_d, pod) => {
      pod.topologySpreadConstraints = [
        {
          maxSkew: 1,
          topologyKey: 'zone',
          whenUnsatisfiable: 'DoNotSchedule',
          labelSelector: selector,
          matchLabelKeys,
        },
      ];
    });
  const T = 'spec.template.spec.topologySpreadConstraints[0]';

  it('accepts a key the selector names once, which 1.33 rejects', () => {
    const ds = withSpread({ matchLabels: { app: 'agent' } }, ['app']);
    expect(issuesAt('1.33', ds)).toEqual([`${T}.matchLabelKeys[0] pod/spread-match-label-key-in-selector`]);
    expect(issuesAt('1.34', ds)).toEqual([]);
  });

  it('rejects a key the selector names twice, at the unindexed path the server uses', () => {
    const ds = withSpread({ matchLabels: { app: 'agent' }, matchExpressions: [{ key: 'app', operator: 'Exists' }] }, [
      'app',
    ]);
    expect(issuesAt('1.34', ds)).toEqual([`${T}[0] pod/spread-match-label-key-in-selector`]);
  });

  it('still requires a selector and valid key names', () => {
    expect(issuesAt('1.34', withSpread(undefined, ['app']))).toEqual([
      `${T}.matchLabelKeys pod/spread-match-label-keys-without-selector`,
    ]);
    expect(issuesAt('1.34', withSpread({ matchLabels: { app: 'agent' } }, ['bad key']))).toEqual([
      `${T}.matchLabelKeys[0] pod/spread-match-label-key-invalid`,
    ]);
  });
});

// Table-driven cases (each DaemonSet checked against the 1.27 API server where the oracle is
// present): boundaries, every allowed value and the exact messages, which say what would be right.
const at = pipelineIssues({ rules: [podRules] });
const POD = 'a Pod: the oracle takes DaemonSets';
const ds = (edit: (p: any, c: any) => void) => pod(edit);
const FIVE_BAD = 'Bad_Name';

ruleCases(
  'pod policies',
  [
    { name: 'accepts restartPolicy Always', manifest: ds((p) => (p.restartPolicy = 'Always')), want: [] },
    {
      name: 'names the valid restart policies',
      manifest: barePod({ restartPolicy: 'Sometimes', containers: [] }),
      want: ['spec.restartPolicy pod/restart-policy-invalid'],
      message: 'Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      notServer: POD,
    },
    {
      name: 'names the valid DNS policies',
      manifest: ds((p) => (p.dnsPolicy = 'Cluster')),
      want: [`${S}.dnsPolicy pod/dns-policy-invalid`],
      message:
        'Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
    },
    {
      name: 'accepts preemptionPolicy PreemptLowerPriority',
      manifest: ds((p) => (p.preemptionPolicy = 'PreemptLowerPriority')),
      want: [],
    },
    {
      name: 'names the valid preemption policies',
      manifest: ds((p) => (p.preemptionPolicy = 'Always')),
      want: [`${S}.preemptionPolicy pod/preemption-policy-invalid`],
      message: 'Unsupported value: "Always": supported values: "PreemptLowerPriority", "Never"',
    },
    {
      name: 'requires a preemptionPolicy that is set to be non-empty',
      manifest: ds((p) => (p.preemptionPolicy = '')),
      want: [`${S}.preemptionPolicy pod/preemption-policy-invalid`],
      message: 'Required value: use PreemptLowerPriority or Never',
    },
  ],
  at,
);

const dns = (cfg: any, policy?: string) =>
  ds((p) => {
    p.dnsConfig = cfg;
    if (policy) p.dnsPolicy = policy;
  });
const DC = `${S}.dnsConfig`;
ruleCases(
  'pod dnsConfig',
  [
    { name: 'accepts 3 nameservers', manifest: dns({ nameservers: ['1.1.1.1', '1.0.0.1', '8.8.8.8'] }), want: [] },
    {
      name: 'counts the nameservers over 3',
      manifest: dns({ nameservers: ['1.1.1.1', '1.0.0.1', '8.8.8.8', '8.8.4.4'] }),
      want: [`${DC}.nameservers pod/dns-nameservers-too-many`],
      message: 'must not have more than 3 nameservers, got 4',
    },
    {
      name: 'says a nameserver must be an IP, and shows it',
      manifest: dns({ nameservers: ['1.1.1.1', 'dns.local'] }),
      want: [`${DC}.nameservers[1] pod/dns-nameserver-invalid`],
      message: 'must be valid IP address, got "dns.local"',
    },
    {
      name: 'says why dnsConfig is required with None',
      manifest: dns(undefined, 'None'),
      want: [`${DC} pod/dns-config-required`],
      message: 'must provide `dnsConfig` when `dnsPolicy` is None',
    },
    {
      name: 'says why a nameserver is required with None, and stops there',
      manifest: dns({ searches: ['Bad_'] }, 'None'),
      want: [`${DC}.nameservers pod/dns-nameserver-required`],
      message: 'must provide at least one DNS nameserver when `dnsPolicy` is None',
    },
    { name: 'accepts searches without nameservers under ClusterFirst', manifest: dns({ searches: ['a.b'] }), want: [] },
    {
      name: 'accepts a search list of exactly 2048 characters',
      manifest: dns({ searches: [...Array(8).fill('a'.repeat(250)), 'a'.repeat(40)] }),
      want: [],
    },
    {
      name: 'counts the characters of a search list over 2048',
      manifest: dns({ searches: [...Array(8).fill('a'.repeat(250)), 'a'.repeat(41)] }),
      want: [`${DC}.searches pod/dns-searches-too-long`],
      message: 'must not have more than 2048 characters (including spaces) in the search list, got 2049',
    },
    {
      name: 'counts only the search domains that are strings towards 2048 characters',
      manifest: dns({ searches: [...Array(8).fill('a'.repeat(250)), 'a'.repeat(40), 12345] }),
      want: [],
      notServer: 'the strict decoder rejects a number in the search list before validation',
    },
    {
      name: 'counts the search paths over 32',
      manifest: dns({ searches: Array.from({ length: 33 }, (_, i) => `s${i}`) }),
      want: [`${DC}.searches pod/dns-searches-too-many`],
      message: 'must not have more than 32 search paths, got 33',
    },
    { name: 'accepts a search domain with a hyphen inside', manifest: dns({ searches: ['a-b'] }), want: [] },
    {
      name: 'checks a search domain without its trailing dot, giving the reasons',
      manifest: dns({ searches: ['ok.', 'a_b.'] }),
      want: [`${DC}.searches[1] pod/dns-search-invalid`],
      message: `"a_b.": ${dns1123SubdomainErrors('a_b').join('; ')}`,
    },
    {
      name: 'gives both reasons for a long and badly formed search domain',
      manifest: dns({ searches: [`-${'a'.repeat(253)}`] }),
      want: [`${DC}.searches[0] pod/dns-search-invalid`],
      message: `${JSON.stringify(`-${'a'.repeat(253)}`).slice(0, 77)}...: ${dns1123SubdomainErrors(`-${'a'.repeat(253)}`).join('; ')}`,
    },
    {
      name: 'requires each option name, and says so',
      manifest: dns({ options: [{ name: 'ndots', value: '2' }, { value: '1' }] }),
      want: [`${DC}.options[1] pod/dns-option-name-required`],
      message: 'must not be empty: set the option name',
    },
  ],
  at,
);

ruleCases(
  'pod names',
  [
    {
      name: 'reports every bad name, with the value and the reasons',
      manifest: ds((p) => {
        p.serviceAccountName = FIVE_BAD;
        p.nodeName = FIVE_BAD;
        p.hostname = FIVE_BAD;
        p.subdomain = FIVE_BAD;
        p.priorityClassName = FIVE_BAD;
      }),
      want: [
        `${S}.hostname pod/hostname-invalid`,
        `${S}.nodeName pod/node-name-invalid`,
        `${S}.priorityClassName pod/priority-class-name-invalid`,
        `${S}.serviceAccountName pod/service-account-name-invalid`,
        `${S}.subdomain pod/subdomain-invalid`,
      ],
      message: `"${FIVE_BAD}": ${dns1123LabelErrors(FIVE_BAD).join('; ')}`,
    },
    {
      name: 'gives both reasons for a long and badly formed node name',
      manifest: ds((p) => (p.nodeName = `-${'a'.repeat(253)}`)),
      want: [`${S}.nodeName pod/node-name-invalid`],
      message: `${JSON.stringify(`-${'a'.repeat(253)}`).slice(0, 77)}...: ${dns1123SubdomainErrors(`-${'a'.repeat(253)}`).join('; ')}`,
    },
    {
      name: 'accepts empty names, which mean unset',
      manifest: ds((p) => {
        p.serviceAccountName = '';
        p.nodeName = '';
        p.hostname = '';
        p.subdomain = '';
        p.priorityClassName = '';
      }),
      want: [],
    },
    {
      name: 'prefers serviceAccountName over the deprecated serviceAccount',
      manifest: ds((p) => {
        p.serviceAccountName = 'agent';
        p.serviceAccount = 'agent';
      }),
      want: [],
    },
    {
      name: 'says a runtimeClassName must be a subdomain, and shows it',
      manifest: ds((p) => (p.runtimeClassName = 'Gvisor')),
      want: [`${S}.runtimeClassName pod/runtime-class-name-invalid`],
      message: `"Gvisor": ${dns1123SubdomainErrors('Gvisor').join('; ')}`,
    },
    {
      name: 'takes a name ending in a dash as a name, not a generateName prefix',
      manifest: ds((p) => {
        p.serviceAccountName = 'sa-';
        p.nodeName = 'n-';
        p.priorityClassName = 'pc-';
        p.runtimeClassName = 'rc-';
      }),
      want: [
        `${S}.nodeName pod/node-name-invalid`,
        `${S}.priorityClassName pod/priority-class-name-invalid`,
        `${S}.runtimeClassName pod/runtime-class-name-invalid`,
        `${S}.serviceAccountName pod/service-account-name-invalid`,
      ],
      message: `"n-": ${dns1123SubdomainErrors('n-').join('; ')}`,
    },
    {
      name: 'gives both reasons for a long and badly formed runtimeClassName',
      manifest: ds((p) => (p.runtimeClassName = `-${'a'.repeat(253)}`)),
      want: [`${S}.runtimeClassName pod/runtime-class-name-invalid`],
      message: `${JSON.stringify(`-${'a'.repeat(253)}`).slice(0, 77)}...: ${dns1123SubdomainErrors(`-${'a'.repeat(253)}`).join('; ')}`,
    },
    {
      name: 'accepts a runtimeClassName that is a subdomain',
      manifest: ds((p) => (p.runtimeClassName = 'gvisor')),
      want: [],
    },
  ],
  at,
);

ruleCases(
  'pod ranges, host aliases and gates',
  [
    {
      name: 'accepts activeDeadlineSeconds 2^31-1 on a Pod',
      manifest: barePod({ activeDeadlineSeconds: 2147483647, containers: [] }),
      want: [],
      notServer: POD,
    },
    {
      name: 'rejects activeDeadlineSeconds 2^31, and says the range',
      manifest: barePod({ activeDeadlineSeconds: 2147483648, containers: [] }),
      want: ['spec.activeDeadlineSeconds pod/active-deadline-out-of-range'],
      message: 'must be between 1 and 2147483647, inclusive, got 2147483648',
      notServer: POD,
    },
    {
      name: 'requires a host alias IP, and shows what was given',
      manifest: ds((p) => (p.hostAliases = [{ hostnames: ['a.local'] }])),
      want: [`${S}.hostAliases.ip pod/host-alias-ip-invalid`],
      message: 'must be valid IP address, got ""',
    },
    {
      name: 'checks every host name of every alias, with the reasons',
      manifest: ds((p) => (p.hostAliases = [{ ip: '10.0.0.1' }, { ip: '10.0.0.2', hostnames: ['ok', 'Not_OK'] }])),
      want: [`${S}.hostAliases.hostnames pod/host-alias-hostname-invalid`],
      message: `"Not_OK": ${dns1123SubdomainErrors('Not_OK').join('; ')}`,
    },
    {
      name: 'gives both reasons for a long and badly formed host name',
      manifest: ds((p) => (p.hostAliases = [{ ip: '10.0.0.1', hostnames: [`-${'a'.repeat(253)}`] }])),
      want: [`${S}.hostAliases.hostnames pod/host-alias-hostname-invalid`],
      message: `${JSON.stringify(`-${'a'.repeat(253)}`).slice(0, 77)}...: ${dns1123SubdomainErrors(`-${'a'.repeat(253)}`).join('; ')}`,
    },
    {
      name: 'says why a readiness gate is invalid, with both reasons',
      manifest: ds((p) => (p.readinessGates = [{ conditionType: 'ok' }, { conditionType: 'Bad_/x y' }])),
      want: [`${S}.readinessGates[1].conditionType pod/readiness-gate-invalid`],
      message: `"Bad_/x y": ${qualifiedNameErrors('Bad_/x y').join('; ')}`,
    },
    {
      name: 'requires a readiness gate condition type',
      manifest: ds((p) => (p.readinessGates = [{}])),
      want: [`${S}.readinessGates[0].conditionType pod/readiness-gate-invalid`],
    },
    {
      name: 'says why a scheduling gate is invalid, with both reasons',
      manifest: ds((p) => (p.schedulingGates = [{ name: 'Bad_/x y' }])),
      want: [`${S}.schedulingGates[0] pod/scheduling-gate-invalid`],
      message: `"Bad_/x y": ${qualifiedNameErrors('Bad_/x y').join('; ')}`,
    },
    {
      name: 'names the duplicate scheduling gate',
      manifest: ds((p) => (p.schedulingGates = [{ name: 'a' }, { name: 'b' }, { name: 'a' }])),
      want: [`${S}.schedulingGates[2] pod/scheduling-gate-duplicate`],
      message: 'Duplicate value: "a"',
    },
    {
      name: 'says how to add ephemeral containers to a Pod',
      manifest: barePod({ containers: [], ephemeralContainers: [{ name: 'debug', image: 'busybox' }] }),
      want: ['spec.ephemeralContainers pod/ephemeral-containers-forbidden'],
      message: 'cannot be set on create: add them later with `kubectl debug`',
      notServer: POD,
    },
    {
      name: 'says ephemeral containers are not allowed in a template',
      manifest: ds((p) => (p.ephemeralContainers = [{ name: 'debug', image: 'busybox' }])),
      want: [`${S}.ephemeralContainers pod/ephemeral-containers-forbidden`],
      message: 'ephemeral containers not allowed in pod template',
    },
    {
      name: 'says why a gated Pod cannot be bound',
      manifest: barePod({ nodeName: 'n', schedulingGates: [{ name: 'a' }], containers: [] }),
      want: ['spec.nodeName pod/node-name-with-scheduling-gates'],
      message: 'cannot be set until all schedulingGates have been cleared',
      notServer: POD,
    },
    {
      name: 'accepts a Pod bound to a node without gates',
      manifest: barePod({ nodeName: 'n', containers: [] }),
      want: [],
      notServer: POD,
    },
    {
      name: 'accepts a gated Pod not bound to a node',
      manifest: barePod({ nodeName: '', schedulingGates: [{ name: 'a' }], containers: [] }),
      want: [],
      notServer: POD,
    },
    {
      name: 'accepts a template with a node name and scheduling gates',
      manifest: ds((p) => {
        p.nodeName = 'n';
        p.schedulingGates = [{ name: 'a' }];
      }),
      want: [],
    },
  ],
  at,
);

// The rules read what defaulting would fill as its default, for callers that skip defaulting.
describe('undefaulted and mistyped values', () => {
  it('takes an empty restartPolicy or dnsPolicy as defaulted', () => {
    expect(issues(barePod({ restartPolicy: '', dnsPolicy: '', containers: [] }))).toEqual([]);
  });

  it('leaves values of a wrong type to the type rules', () => {
    expect(
      issues(
        barePod({
          restartPolicy: 1,
          dnsPolicy: 1,
          dnsConfig: { nameservers: [1], searches: [1, 'a'], options: [{ name: 1 }] },
          readinessGates: [{ conditionType: 1 }],
          schedulingGates: [{ name: 1 }, { name: 1 }],
          serviceAccountName: 1,
          hostname: 1,
          runtimeClassName: 1,
          activeDeadlineSeconds: '5',
          hostAliases: [{ ip: 1, hostnames: [1] }],
          preemptionPolicy: 1,
          overhead: 'x',
          containers: [],
        }),
      ),
    ).toEqual([]);
  });
});

const SC = `${S}.securityContext`;
const podSc = (sc: any, edit?: (p: any, c: any) => void) =>
  ds((p, c) => {
    p.securityContext = sc;
    edit?.(p, c);
  });
ruleCases(
  'pod securityContext ids',
  [
    {
      name: 'accepts ids of 0 and 2^31-1',
      manifest: podSc({ runAsUser: 0, runAsGroup: 2147483647, fsGroup: 0, supplementalGroups: [0, 2147483647] }),
      want: [],
    },
    {
      name: 'names each id out of range, with the range and value',
      manifest: podSc({ fsGroup: -1, runAsUser: 2147483648, runAsGroup: -2, supplementalGroups: [1, -3] }),
      want: [
        `${SC}.fsGroup pod/security-context-id-out-of-range`,
        `${SC}.runAsGroup pod/security-context-id-out-of-range`,
        `${SC}.runAsUser pod/security-context-id-out-of-range`,
        `${SC}.supplementalGroups[1] pod/security-context-id-out-of-range`,
      ],
      message: 'fsGroup must be between 0 and 2147483647, inclusive, got -1',
      sameCauses: true,
    },
    {
      name: 'names runAsUser in its message',
      manifest: podSc({ runAsUser: -1 }),
      want: [`${SC}.runAsUser pod/security-context-id-out-of-range`],
      message: 'runAsUser must be between 0 and 2147483647, inclusive, got -1',
    },
    {
      name: 'names runAsGroup in its message',
      manifest: podSc({ runAsGroup: -1 }),
      want: [`${SC}.runAsGroup pod/security-context-id-out-of-range`],
      message: 'runAsGroup must be between 0 and 2147483647, inclusive, got -1',
    },
    {
      name: 'names a supplemental group in its message',
      manifest: podSc({ supplementalGroups: [-1] }),
      want: [`${SC}.supplementalGroups[0] pod/security-context-id-out-of-range`],
      message: 'a supplemental group must be between 0 and 2147483647, inclusive, got -1',
    },
    {
      name: 'rejects shareProcessNamespace with hostPID without a securityContext, and says what to do',
      manifest: ds((p) => {
        p.shareProcessNamespace = true;
        p.hostPID = true;
      }),
      want: [`${SC}.shareProcessNamespace pod/share-process-namespace-with-host-pid`],
      message: 'ShareProcessNamespace and HostPID cannot both be enabled: set one of them to false',
    },
    { name: 'accepts shareProcessNamespace alone', manifest: ds((p) => (p.shareProcessNamespace = true)), want: [] },
    {
      name: 'accepts hostPID with shareProcessNamespace false',
      manifest: ds((p) => {
        p.shareProcessNamespace = false;
        p.hostPID = true;
      }),
      want: [],
    },
  ],
  at,
);

const sysctl = (...names: string[]) => podSc({ sysctls: names.map((name) => ({ name, value: '1' })) });
const SYS_RE = '^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$';
ruleCases(
  'pod sysctls',
  [
    {
      name: 'accepts dotted and slashed names with hyphens and underscores',
      manifest: sysctl('kernel.shm_rmid_forced', 'net.ipv4.conf.all.rp-filter', 'net/ipv4/ip_local_port_range', 'a'),
      want: [],
    },
    { name: 'accepts a name of 253 characters', manifest: sysctl(`a.${'b'.repeat(251)}`), want: [] },
    {
      name: 'rejects a name of 254 characters, saying the limit and pattern',
      manifest: sysctl(`a.${'b'.repeat(252)}`),
      want: [`${SC}.sysctls[0].name pod/sysctl-name-invalid`],
      message: `${JSON.stringify(`a.${'b'.repeat(252)}`).slice(0, 77)}... must have at most 253 characters and match regex ${SYS_RE}`,
    },
    {
      name: 'rejects each malformed name',
      manifest: sysctl('Net.ipv4', 'net..ipv4', '.net', 'net.', '-net', 'net_', 'net ipv4', 'net.ipv4_'),
      want: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `${SC}.sysctls[${i}].name pod/sysctl-name-invalid`),
    },
    {
      name: 'says a sysctl name is required, with an example',
      manifest: sysctl(''),
      want: [`${SC}.sysctls[0].name pod/sysctl-name-required`],
      message: 'Required value: set the sysctl name, e.g. "net.ipv4.ip_forward"',
    },
    {
      name: 'names the duplicate sysctl, but counts an invalid one only as invalid',
      manifest: sysctl('kernel.msgmax', 'Bad', 'kernel.msgmax', 'Bad'),
      want: [
        `${SC}.sysctls[1].name pod/sysctl-name-invalid`,
        `${SC}.sysctls[2].name pod/sysctl-duplicate`,
        `${SC}.sysctls[3].name pod/sysctl-name-invalid`,
      ],
      message: '"Bad" must have at most 253 characters and match regex ' + SYS_RE,
      sameCauses: true,
    },
    {
      name: 'says which sysctl is named twice',
      manifest: sysctl('kernel.msgmax', 'kernel.msgmax'),
      want: [`${SC}.sysctls[1].name pod/sysctl-duplicate`],
      message: 'Duplicate value: "kernel.msgmax"',
    },
    { name: 'accepts fsGroupChangePolicy Always', manifest: podSc({ fsGroupChangePolicy: 'Always' }), want: [] },
    {
      name: 'accepts fsGroupChangePolicy OnRootMismatch',
      manifest: podSc({ fsGroupChangePolicy: 'OnRootMismatch' }),
      want: [],
    },
    {
      name: 'names the fsGroupChangePolicy values, also for an empty one',
      manifest: podSc({ fsGroupChangePolicy: '' }),
      want: [`${SC}.fsGroupChangePolicy pod/fs-group-change-policy-invalid`],
      message: 'Unsupported value: "": supported values: "Always", "OnRootMismatch"',
    },
  ],
  at,
);

const SP = `${SC}.seccompProfile`;
const seccomp = (sp: any, annotations?: Record<string, string>) =>
  daemonSet((d, p) => {
    p.securityContext = { seccompProfile: sp };
    if (annotations) d.spec.template.metadata.annotations = annotations;
  });
ruleCases(
  'pod seccomp profiles',
  [
    { name: 'accepts Unconfined', manifest: seccomp({ type: 'Unconfined' }), want: [] },
    { name: 'accepts RuntimeDefault', manifest: seccomp({ type: 'RuntimeDefault' }), want: [] },
    {
      name: 'says a type is required, and that a profile needs Localhost',
      manifest: seccomp({ localhostProfile: 'a.json' }),
      want: [`${SP}.localhostProfile pod/seccomp-localhost-profile-forbidden`, `${SP}.type pod/seccomp-type-required`],
      message: 'can only be set when seccomp type is Localhost, got type ""',
    },
    {
      name: 'says why a type is required',
      manifest: seccomp({}),
      want: [`${SP}.type pod/seccomp-type-required`],
      message: 'type is required when seccompProfile is set',
    },
    {
      name: 'names the seccomp types',
      manifest: seccomp({ type: 'Default' }),
      want: [`${SP}.type pod/seccomp-type-invalid`],
      message: 'Unsupported value: "Default": supported values: "Localhost", "RuntimeDefault", "Unconfined"',
    },
    {
      name: 'says a Localhost profile needs its path',
      manifest: seccomp({ type: 'Localhost' }),
      want: [`${SP}.localhostProfile pod/seccomp-localhost-profile-required`],
      message: 'must be set when seccomp type is Localhost',
    },
    {
      name: 'gives both reasons a Localhost path is not a relative descending one',
      manifest: seccomp({ type: 'Localhost', localhostProfile: '/../a.json' }),
      want: [`${SP}.localhostProfile pod/seccomp-localhost-profile-invalid`],
      message: `"/../a.json": must be a relative path; must not contain '..'`,
    },
    {
      name: 'says an Unconfined field needs the unconfined annotation',
      manifest: seccomp({ type: 'Unconfined' }, { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' }),
      want: [`${SP}.type pod/seccomp-annotation-mismatch`],
      message: 'seccomp type in annotation and field must match, annotation is "runtime/default"',
    },
    {
      name: 'accepts RuntimeDefault with the docker/default annotation',
      manifest: seccomp({ type: 'RuntimeDefault' }, { 'seccomp.security.alpha.kubernetes.io/pod': 'docker/default' }),
      want: [],
    },
    {
      name: 'accepts RuntimeDefault with the runtime/default annotation',
      manifest: seccomp({ type: 'RuntimeDefault' }, { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' }),
      want: [],
    },
    {
      name: 'rejects RuntimeDefault with the unconfined annotation',
      manifest: seccomp({ type: 'RuntimeDefault' }, { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' }),
      want: [`${SP}.type pod/seccomp-annotation-mismatch`],
      message: 'seccomp type in annotation and field must match, annotation is "unconfined"',
    },
    {
      name: 'rejects Localhost with a runtime/default annotation, at the type',
      manifest: seccomp(
        { type: 'Localhost', localhostProfile: 'a.json' },
        { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' },
      ),
      want: [`${SP}.type pod/seccomp-annotation-mismatch`],
      message: 'seccomp type in annotation and field must match, annotation is "runtime/default"',
    },
    {
      name: 'says a Localhost profile must match the annotation profile',
      manifest: seccomp(
        { type: 'Localhost', localhostProfile: 'a.json' },
        { 'seccomp.security.alpha.kubernetes.io/pod': 'localhost/b.json' },
      ),
      want: [`${SP}.localhostProfile pod/seccomp-annotation-mismatch`],
      message: 'seccomp profile in annotation and field must match, annotation is "localhost/b.json"',
    },
    {
      name: 'accepts a Localhost profile equal to the annotation profile',
      manifest: seccomp(
        { type: 'Localhost', localhostProfile: 'a.json' },
        { 'seccomp.security.alpha.kubernetes.io/pod': 'localhost/a.json' },
      ),
      want: [],
    },
    {
      name: 'checks an init container field against its own annotation',
      manifest: daemonSet((d, p) => {
        p.initContainers = [
          { name: 'setup', image: 'x', securityContext: { seccompProfile: { type: 'Unconfined' } } },
          { name: 'other', image: 'x', securityContext: { seccompProfile: { type: 'RuntimeDefault' } } },
        ];
        d.spec.template.metadata.annotations = {
          'container.seccomp.security.alpha.kubernetes.io/setup': 'runtime/default',
          'container.seccomp.security.alpha.kubernetes.io/agent': 'unconfined',
        };
      }),
      want: [`${S}.initContainers[0].securityContext.seccompProfile.type pod/seccomp-annotation-mismatch`],
    },
    {
      name: 'checks the pod field only against a pod annotation, not against other annotations',
      manifest: seccomp({ type: 'Unconfined' }, { 'example.com/owner': 'team-a' }),
      want: [],
    },
    {
      name: 'checks a container without a name against the annotation for the empty name',
      manifest: daemonSet((d, _p, c) => {
        delete c.name;
        c.securityContext = { seccompProfile: { type: 'RuntimeDefault' } };
        d.spec.template.metadata.annotations = { 'container.seccomp.security.alpha.kubernetes.io/': 'unconfined' };
      }),
      want: [`${S}.containers[0].securityContext.seccompProfile.type pod/seccomp-annotation-mismatch`],
    },
  ],
  at,
);

describe('securityContext values of a wrong type', () => {
  it('are left to the type rules', () => {
    expect(
      issues(
        barePod(
          {
            containers: [{ name: 'a', securityContext: { seccompProfile: { type: 'Unconfined' } } }],
            securityContext: {
              runAsUser: '0',
              fsGroup: 1.5,
              sysctls: [{ name: 1 }],
              fsGroupChangePolicy: 1,
              seccompProfile: { type: 1, localhostProfile: 'a' },
            },
          },
          { 'container.seccomp.security.alpha.kubernetes.io/a': 1 },
        ),
      ),
    ).toEqual([]);
    expect(
      issues(
        barePod({ containers: [], securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 1 } } }),
      ),
    ).toEqual([]);
    expect(issues(barePod({ containers: [], securityContext: { seccompProfile: 'x' } }, 'x'))).toEqual([]);
  });

  it('checks an ephemeral container field against its annotation', () => {
    expect(
      issues(
        barePod(
          {
            containers: [],
            ephemeralContainers: [
              { name: 'd', image: 'x', securityContext: { seccompProfile: { type: 'Unconfined' } } },
            ],
          },
          { 'container.seccomp.security.alpha.kubernetes.io/d': 'runtime/default' },
        ),
      ),
    ).toEqual([
      'spec.ephemeralContainers pod/ephemeral-containers-forbidden',
      'spec.ephemeralContainers[0].securityContext.seccompProfile.type pod/seccomp-annotation-mismatch',
    ]);
  });
});

const TS = `${S}.topologySpreadConstraints`;
const zone = {
  maxSkew: 1,
  topologyKey: 'topology.kubernetes.io/zone',
  whenUnsatisfiable: 'DoNotSchedule',
  labelSelector: { matchLabels: { app: 'agent' } },
};
const spreadDs = (...cs: any[]) => ds((p) => (p.topologySpreadConstraints = cs));
ruleCases(
  'topology spread constraints',
  [
    {
      name: 'takes a missing maxSkew as 0, and says it must be positive',
      manifest: spreadDs({ ...zone, maxSkew: undefined }),
      want: [`${TS}[0].maxSkew pod/spread-max-skew-not-positive`],
      message: 'must be greater than zero, got 0',
    },
    {
      name: 'rejects a negative maxSkew',
      manifest: spreadDs({ ...zone, maxSkew: -1 }),
      want: [`${TS}[0].maxSkew pod/spread-max-skew-not-positive`],
    },
    {
      name: 'says a topology key is required, with an example',
      manifest: spreadDs({ ...zone, topologyKey: undefined }),
      want: [`${TS}[0].topologyKey pod/spread-topology-key-required`],
      message: 'can not be empty: set a node label key such as "topology.kubernetes.io/zone"',
    },
    { name: 'accepts ScheduleAnyway', manifest: spreadDs({ ...zone, whenUnsatisfiable: 'ScheduleAnyway' }), want: [] },
    {
      name: 'names the whenUnsatisfiable values, also for a missing one',
      manifest: spreadDs({ ...zone, whenUnsatisfiable: undefined }),
      want: [`${TS}[0].whenUnsatisfiable pod/spread-when-unsatisfiable-invalid`],
      message: 'Unsupported value: "": supported values: "DoNotSchedule", "ScheduleAnyway"',
    },
    {
      name: 'reports a repeated key and action at the earlier constraint, and shows both',
      manifest: spreadDs(zone, { ...zone, whenUnsatisfiable: 'ScheduleAnyway' }, { ...zone, maxSkew: 2 }),
      want: [`${TS}[0].{topologyKey, whenUnsatisfiable} pod/spread-constraint-duplicate`],
      message: 'Duplicate value: "{topology.kubernetes.io/zone, DoNotSchedule}"',
    },
    {
      name: 'lets two keys share an action',
      manifest: spreadDs(zone, { ...zone, topologyKey: 'kubernetes.io/hostname' }),
      want: [],
    },
    {
      name: 'says minDomains must be positive',
      manifest: spreadDs({ ...zone, minDomains: 0 }),
      want: [`${TS}[0].minDomains pod/spread-min-domains-not-positive`],
      message: 'must be greater than zero, got 0',
    },
    { name: 'accepts minDomains 1', manifest: spreadDs({ ...zone, minDomains: 1 }), want: [] },
    {
      name: 'says minDomains needs DoNotSchedule, and what was given',
      manifest: spreadDs({ ...zone, whenUnsatisfiable: 'ScheduleAnyway', minDomains: 2 }),
      want: [`${TS}[0].minDomains pod/spread-min-domains-needs-do-not-schedule`],
      message: 'can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway',
    },
    {
      name: 'accepts node policies Ignore and Honor',
      manifest: spreadDs({ ...zone, nodeAffinityPolicy: 'Ignore', nodeTaintsPolicy: 'Honor' }),
      want: [],
    },
    {
      name: 'names the node inclusion policies',
      manifest: spreadDs({ ...zone, nodeAffinityPolicy: 'Always', nodeTaintsPolicy: 'Never' }),
      want: [
        `${TS}[0].nodeAffinityPolicy pod/spread-node-policy-invalid`,
        `${TS}[0].nodeTaintsPolicy pod/spread-node-policy-invalid`,
      ],
      message: 'Unsupported value: "Always": supported values: "Honor", "Ignore"',
    },
    {
      name: 'says matchLabelKeys need a labelSelector',
      manifest: spreadDs({ ...zone, labelSelector: undefined, matchLabelKeys: ['pod-template-hash'] }),
      want: [`${TS}[0].matchLabelKeys pod/spread-match-label-keys-without-selector`],
      message: 'must not be specified when labelSelector is not set',
    },
    {
      name: 'gives both reasons a matchLabelKeys entry is not a label key',
      manifest: spreadDs({ ...zone, matchLabelKeys: ['ok', 'Bad_/x y'] }),
      want: [`${TS}[0].matchLabelKeys[1] pod/spread-match-label-key-invalid`],
      message: `"Bad_/x y": ${qualifiedNameErrors('Bad_/x y').join('; ')}`,
    },
    {
      name: 'says a key is in both matchLabelKeys and the selector, by matchLabels or expression',
      manifest: spreadDs({
        ...zone,
        labelSelector: { matchLabels: { app: 'agent' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] },
        matchLabelKeys: ['app', 'tier', 'other'],
      }),
      want: [
        `${TS}[0].matchLabelKeys[0] pod/spread-match-label-key-in-selector`,
        `${TS}[0].matchLabelKeys[1] pod/spread-match-label-key-in-selector`,
      ],
      message: '"app" exists in both matchLabelKeys and labelSelector',
    },
  ],
  at,
);

describe('topology spread values of a wrong type', () => {
  it('are left to the type rules', () => {
    expect(
      issues(
        spreadDs({
          ...zone,
          maxSkew: '1',
          topologyKey: 1,
          whenUnsatisfiable: 1,
          minDomains: '2',
          nodeAffinityPolicy: 1,
          matchLabelKeys: [1],
        }),
      ),
    ).toEqual([]);
  });

  it('shows a whenUnsatisfiable of another type when minDomains needs DoNotSchedule', () => {
    const m = spreadDs({ ...zone, whenUnsatisfiable: 5, minDomains: 2 });
    expect(validateManifest(m, [podRules]).map((i) => i.message)).toEqual([
      'can only use minDomains if whenUnsatisfiable=DoNotSchedule, not 5',
    ]);
  });
});

const osPod = (name: unknown, edit?: (p: any, c: any) => void) =>
  ds((p, c) => {
    p.os = { name };
    edit?.(p, c);
  });
const WIN = 'cannot be set for a windows pod';
ruleCases(
  'pod OS (validateOS, validateLinux, validateWindows)',
  [
    {
      name: 'says an OS name is required, naming the two',
      manifest: osPod(''),
      want: [`${S}.os.name pod/os-name-required`],
      message: 'cannot be empty: use linux or windows',
    },
    {
      name: 'names the OSes',
      manifest: osPod('darwin'),
      want: [`${S}.os pod/os-name-invalid`],
      message: 'Unsupported value: "darwin": supported values: "linux", "windows"',
    },
    {
      name: 'forbids windows options on a linux pod, pod and every container list',
      manifest: osPod('linux', (p) => {
        p.securityContext = { windowsOptions: { runAsUserName: 'x' } };
        p.initContainers = [{ name: 'init', image: 'x', securityContext: { windowsOptions: { runAsUserName: 'x' } } }];
      }),
      want: [
        `${S}.initContainers[0].securityContext.windowsOptions pod/os-linux-windows-options`,
        `${S}.securityContext.windowsOptions pod/os-linux-windows-options`,
      ],
      message: 'windows options cannot be set for a linux pod',
    },
    {
      name: 'accepts a windows pod with windows options',
      manifest: osPod('windows', (p) => (p.securityContext = { windowsOptions: { runAsUserName: 'x' } })),
      want: [],
    },
    {
      name: 'forbids each Linux-only pod field on a windows pod',
      manifest: osPod('windows', (p) => {
        p.securityContext = {
          seLinuxOptions: { level: 's0' },
          seccompProfile: { type: 'RuntimeDefault' },
          fsGroup: 1,
          fsGroupChangePolicy: 'Always',
          runAsUser: 1,
          runAsGroup: 1,
          supplementalGroups: [1],
          sysctls: [{ name: 'kernel.msgmax', value: '1' }],
        };
        p.hostIPC = true;
        p.shareProcessNamespace = false;
      }),
      want: [
        'fsGroup',
        'fsGroupChangePolicy',
        'runAsGroup',
        'runAsUser',
        'seLinuxOptions',
        'seccompProfile',
        'supplementalGroups',
        'sysctls',
      ]
        .map((f) => `${S}.securityContext.${f} pod/os-windows-forbidden-field`)
        .concat([
          `${S}.hostIPC pod/os-windows-forbidden-field`,
          `${S}.shareProcessNamespace pod/os-windows-forbidden-field`,
        ])
        .sort(),
      message: WIN,
    },
    {
      name: 'forbids each Linux-only container field on a windows pod',
      manifest: osPod('windows', (_p, c) => {
        c.securityContext = {
          seLinuxOptions: { level: 's0' },
          seccompProfile: { type: 'RuntimeDefault' },
          capabilities: { drop: ['ALL'] },
          readOnlyRootFilesystem: true,
          privileged: false,
          allowPrivilegeEscalation: false,
          runAsUser: 1,
          runAsGroup: 1,
        };
      }),
      want: [
        'allowPrivilegeEscalation',
        'capabilities',
        'privileged',
        'readOnlyRootFilesystem',
        'runAsGroup',
        'runAsUser',
        'seLinuxOptions',
        'seccompProfile',
      ].map((f) => `${S}.containers[0].securityContext.${f} pod/os-windows-forbidden-field`),
    },
    {
      name: 'accepts hostPID false and no sysctls on a windows pod',
      manifest: osPod('windows', (p) => (p.hostPID = false)),
      want: [],
    },
    {
      name: 'forbids procMount on a windows container, even the Default its gate keeps (1.27)',
      manifest: osPod('windows', (_p, c) => (c.securityContext = { procMount: 'Default' })),
      want: [`${S}.containers[0].securityContext.procMount pod/os-windows-forbidden-field`],
    },
    {
      name: 'forbids the pod appArmorProfile on a windows pod once the field exists (1.30)',
      manifest: osPod('windows', (p) => (p.securityContext = { appArmorProfile: { type: 'RuntimeDefault' } })),
      want: [`${S}.securityContext.appArmorProfile pod/os-windows-forbidden-field`],
      version: '1.30',
    },
    {
      name: 'forbids supplementalGroupsPolicy and seLinuxChangePolicy on a windows pod where their gates are on (1.33)',
      manifest: osPod(
        'windows',
        (p) => (p.securityContext = { supplementalGroupsPolicy: 'Merge', seLinuxChangePolicy: 'Recursive' }),
      ),
      want: [
        `${S}.securityContext.seLinuxChangePolicy pod/os-windows-forbidden-field`,
        `${S}.securityContext.supplementalGroupsPolicy pod/os-windows-forbidden-field`,
      ],
      version: '1.33',
    },
  ],
  at,
);

const hp = (v: boolean) => ({ windowsOptions: { hostProcess: v } });
ruleCases(
  'windows hostProcess pods',
  [
    {
      name: 'says a container hostProcess must equal the pod one',
      manifest: ds((p, c) => {
        p.hostNetwork = true;
        p.securityContext = hp(true);
        c.securityContext = hp(false);
      }),
      want: [`${S}.containers[0].securityContext.windowsOptions.hostProcess pod/host-process-mismatch`],
      message: 'pod hostProcess value must be identical if both are specified, was true',
    },
    {
      name: 'says all containers must be hostProcess when one is',
      manifest: ds((p, c) => {
        p.hostNetwork = true;
        c.securityContext = hp(true);
        p.initContainers = [{ name: 'init', image: 'x', securityContext: hp(false) }];
      }),
      want: [`${S} pod/host-process-not-all-containers`],
      message: 'If pod contains any hostProcess containers then all containers must be HostProcess containers',
    },
    {
      name: 'shows the pod value on a mismatch',
      manifest: ds((p, c) => {
        p.hostNetwork = true;
        p.securityContext = hp(false);
        c.securityContext = hp(true);
      }),
      want: [`${S}.containers[0].securityContext.windowsOptions.hostProcess pod/host-process-mismatch`],
      message: 'pod hostProcess value must be identical if both are specified, was false',
    },
    {
      name: 'says hostProcess needs hostNetwork, counting init containers',
      manifest: ds((p, c) => {
        c.securityContext = hp(true);
        p.initContainers = [{ name: 'init', image: 'x', securityContext: hp(true) }];
      }),
      want: [`${S}.hostNetwork pod/host-process-needs-host-network`],
      message: 'hostNetwork must be true if pod contains any hostProcess containers',
    },
    {
      name: 'accepts containers that all inherit hostProcess from the pod',
      manifest: ds((p) => {
        p.hostNetwork = true;
        p.securityContext = hp(true);
        p.initContainers = [{ name: 'init', image: 'x' }];
      }),
      want: [],
    },
    {
      name: 'does not count a container that sets false under a hostProcess pod',
      manifest: ds((p, c) => {
        p.hostNetwork = true;
        p.securityContext = hp(true);
        c.securityContext = hp(false);
        p.initContainers = [{ name: 'init', image: 'x' }];
      }),
      want: [
        `${S} pod/host-process-not-all-containers`,
        `${S}.containers[0].securityContext.windowsOptions.hostProcess pod/host-process-mismatch`,
      ],
    },
    {
      name: 'accepts hostProcess false everywhere without hostNetwork',
      manifest: ds((p, c) => {
        p.securityContext = hp(false);
        c.securityContext = hp(false);
      }),
      want: [],
    },
  ],
  at,
);

describe('pod OS values of a wrong type', () => {
  it('are left to the type rules', () => {
    expect(issues(osPod(1, (p) => (p.hostPID = true)))).toEqual([]);
    expect(issues(ds((p) => (p.os = null)))).toEqual([]);
  });

  it('take a hostProcess that is not a boolean as unset, on the pod and on a container', () => {
    const hostNet = (edit: (p: any, c: any) => void) =>
      ds((p, c) => {
        p.hostNetwork = true;
        edit(p, c);
      });
    expect(
      issues(
        hostNet((p, c) => {
          p.securityContext = { windowsOptions: { hostProcess: 'true' } };
          c.securityContext = hp(true);
        }),
      ),
    ).toEqual([]);
    expect(
      issues(
        hostNet((p, c) => {
          p.securityContext = hp(true);
          c.securityContext = { windowsOptions: { hostProcess: 1 } };
        }),
      ),
    ).toEqual([]);
  });

  it('count only the containers a sparse list holds', () => {
    const m = ds((p, c) => {
      p.hostNetwork = true;
      c.securityContext = hp(true);
      const sparse: any[] = [];
      sparse[1] = { name: 'init', image: 'x', securityContext: hp(true) };
      p.initContainers = sparse;
    });
    expect(issues(m)).toEqual([]);
  });
});
