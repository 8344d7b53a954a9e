import { describe, expect, it } from 'vitest';
import { portsRules } from '../../../src/validate/rules/ports';
import { daemonSet, issuesOf } from '../../support/manifest';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';

/* eslint-disable @typescript-eslint/no-explicit-any */

function of(m: unknown): string[] {
  return issuesOf(m).filter((l) => l.split(' ')[1]?.startsWith('port/'));
}

const C = 'spec.template.spec.containers';

describe('container ports', () => {
  it('accepts a named TCP port with a host port', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.ports = [{ name: 'metrics', containerPort: 9100, hostPort: 9100 }];
        }),
      ),
    ).toEqual([]);
  });

  it('requires containerPort', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.ports = [{ name: 'http' }];
        }),
      ),
    ).toEqual([`${C}[0].ports[0].containerPort port/container-port-required`]);
  });

  it('rejects a containerPort above 65535', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.ports = [{ containerPort: 70000 }];
        }),
      ),
    ).toEqual([`${C}[0].ports[0].containerPort port/container-port-invalid`]);
  });

  it('rejects a negative hostPort', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.ports = [{ containerPort: 80, hostPort: -1 }];
        }),
      ),
    ).toEqual([`${C}[0].ports[0].hostPort port/host-port-invalid`]);
  });

  it('accepts an IANA service name of 15 characters with a digit', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.ports = [{ name: 'abcdefghij-1234', containerPort: 80 }];
        }),
      ),
    ).toEqual([]);
  });

  it('rejects port names with consecutive hyphens', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.ports = [{ name: 'my--port', containerPort: 80 }];
        }),
      ),
    ).toEqual([`${C}[0].ports[0].name port/name-invalid`]);
  });

  it('rejects an all-digit port name', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.ports = [{ name: '8080', containerPort: 80 }];
        }),
      ),
    ).toEqual([`${C}[0].ports[0].name port/name-invalid`]);
  });

  it('rejects a duplicate port name in one container', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.ports = [
            { name: 'http', containerPort: 80 },
            { name: 'http', containerPort: 81 },
          ];
        }),
      ),
    ).toEqual([`${C}[0].ports[1].name port/name-duplicate`]);
  });

  it('accepts UDP and SCTP', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.ports = [
            { containerPort: 53, protocol: 'UDP' },
            { containerPort: 54, protocol: 'SCTP' },
          ];
        }),
      ),
    ).toEqual([]);
  });

  it('rejects lower-case protocols', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.ports = [{ containerPort: 53, protocol: 'udp' }];
        }),
      ),
    ).toEqual([`${C}[0].ports[0].protocol port/protocol-unsupported`]);
  });

  it('rejects the same hostPort twice across containers, at the later one', () => {
    expect(
      of(
        daemonSet((_d, p, c) => {
          c.ports = [{ containerPort: 80, hostPort: 8080 }];
          p.containers.push({ name: 'b', image: 'x', ports: [{ containerPort: 81, hostPort: 8080, protocol: 'TCP' }] });
        }),
      ),
    ).toEqual([`${C}[1].ports[0].hostPort port/host-port-conflict`]);
  });

  it('accepts the same hostPort for TCP and UDP', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.ports = [
            { containerPort: 53, hostPort: 53 },
            { containerPort: 53, hostPort: 53, protocol: 'UDP' },
          ];
        }),
      ),
    ).toEqual([]);
  });

  it('accepts the same hostPort in two init containers, which run one at a time', () => {
    expect(
      of(
        daemonSet((_d, p) => {
          p.initContainers = [
            { name: 'a', image: 'x', ports: [{ containerPort: 80, hostPort: 80 }] },
            { name: 'b', image: 'x', ports: [{ containerPort: 80, hostPort: 80 }] },
          ];
        }),
      ),
    ).toEqual([]);
  });

  it('accepts hostNetwork without hostPort: defaulting copies containerPort', () => {
    expect(
      of(
        daemonSet((_d, p, c) => {
          p.hostNetwork = true;
          c.ports = [{ containerPort: 9100 }];
        }),
      ),
    ).toEqual([]);
  });

  it('rejects a hostPort that differs from containerPort under hostNetwork', () => {
    expect(
      of(
        daemonSet((_d, p, c) => {
          p.hostNetwork = true;
          c.ports = [{ containerPort: 9100, hostPort: 9101 }];
        }),
      ),
    ).toEqual([`${C}[0].ports[0].containerPort port/host-network-mismatch`]);
  });

  it('sees defaulted host ports collide under hostNetwork', () => {
    expect(
      of(
        daemonSet((_d, p, c) => {
          p.hostNetwork = true;
          c.ports = [{ containerPort: 9100 }];
          p.containers.push({ name: 'b', image: 'x', ports: [{ containerPort: 9100 }] });
        }),
      ),
    ).toEqual([`${C}[1].ports[0].hostPort port/host-port-conflict`]);
  });
});

// Table-driven cases (checked against the API server of their minor where the oracle is present).
const at = pipelineIssues({ rules: [portsRules] });
const RANGE = 'must be between 1 and 65535, inclusive';
const ports = (...ps: any[]) => daemonSet((_d, _p, c) => (c.ports = ps));
const P0 = `${C}[0].ports[0]`;
const P1 = `${C}[0].ports[1]`;

ruleCases(
  'port fields',
  [
    {
      name: 'accepts containerPort and hostPort 65535',
      manifest: ports({ containerPort: 65535, hostPort: 65535 }),
      want: [],
    },
    {
      name: 'shows a containerPort above the range',
      manifest: ports({ containerPort: 65536 }),
      want: [`${P0}.containerPort port/container-port-invalid`],
      message: `Invalid value 65536: ${RANGE}`,
    },
    {
      name: 'says what containerPort is for when it is missing',
      manifest: ports({ name: 'http' }),
      want: [`${P0}.containerPort port/container-port-required`],
      message: 'Required value: give the port the container listens on, 1..65535',
    },
    {
      name: 'shows a hostPort above the range, and that 0 means none',
      manifest: ports({ containerPort: 80, hostPort: 65536 }),
      want: [`${P0}.hostPort port/host-port-invalid`],
      message: `Invalid value 65536: ${RANGE} (or 0 for none)`,
    },
    {
      name: 'reports each reason a port name is invalid, with the name',
      manifest: ports({ name: '1234567890123456', containerPort: 80 }),
      want: [`${P0}.name port/name-invalid`, `${P0}.name port/name-invalid`],
      message: 'Invalid value "1234567890123456": must be no more than 15 characters',
      sameCauses: true,
    },
    {
      name: 'does not count an invalid name twice as a duplicate',
      manifest: ports({ name: 'Web', containerPort: 80 }, { name: 'Web', containerPort: 81 }),
      want: [`${P0}.name port/name-invalid`, `${P1}.name port/name-invalid`],
      sameCauses: true,
    },
    {
      name: 'says port names must be unique in a container',
      manifest: ports({ name: 'web', containerPort: 80 }, { name: 'web', containerPort: 81 }),
      want: [`${P1}.name port/name-duplicate`],
      message: 'Duplicate value: "web": port names must be unique within a container',
    },
    {
      name: 'lets two unnamed ports be',
      manifest: ports({ containerPort: 80 }, { name: '', containerPort: 81 }),
      want: [],
    },
    {
      name: 'names the protocols',
      manifest: ports({ containerPort: 80, protocol: 'ICMP' }),
      want: [`${P0}.protocol port/protocol-unsupported`],
      message: 'Unsupported value "ICMP": supported values: "SCTP", "TCP", "UDP"',
    },
  ],
  at,
);

ruleCases(
  'host ports',
  [
    {
      name: 'says which protocol/hostIP/hostPort is used twice in one container',
      manifest: ports({ containerPort: 80, hostPort: 8080 }, { containerPort: 81, hostPort: 8080, protocol: 'TCP' }),
      want: [`${P1}.hostPort port/host-port-conflict`],
      message: 'Duplicate value: "TCP//8080": another container port already uses this protocol/hostIP/hostPort',
    },
    {
      name: 'lets one hostPort be used on two host IPs',
      manifest: ports(
        { containerPort: 80, hostPort: 8080, hostIP: '10.0.0.1' },
        { containerPort: 81, hostPort: 8080, hostIP: '10.0.0.2' },
      ),
      want: [],
    },
    {
      name: 'checks the ports of one init container among themselves',
      manifest: daemonSet((_d, p) => {
        p.initContainers = [
          {
            name: 'a',
            image: 'x',
            ports: [
              { containerPort: 80, hostPort: 80 },
              { containerPort: 81, hostPort: 80 },
            ],
          },
        ];
      }),
      want: ['spec.template.spec.initContainers[0].ports[1].hostPort port/host-port-conflict'],
    },
    {
      name: 'does not check an init container against a regular one',
      manifest: daemonSet((_d, p, c) => {
        c.ports = [{ containerPort: 80, hostPort: 80 }];
        p.initContainers = [{ name: 'a', image: 'x', ports: [{ containerPort: 80, hostPort: 80 }] }];
      }),
      want: [],
    },
    {
      name: 'checks a container against the earlier ones only, at the later use',
      manifest: daemonSet((_d, p, c) => {
        c.ports = [{ containerPort: 80, hostPort: 80 }];
        p.containers.push(
          { name: 'b', image: 'x', ports: [{ containerPort: 81, hostPort: 81 }] },
          { name: 'c', image: 'x', ports: [{ containerPort: 80, hostPort: 80 }] },
        );
      }),
      want: [`${C}[2].ports[0].hostPort port/host-port-conflict`],
    },
    {
      name: 'checks a container whose ports are not all host ports',
      manifest: ports(
        { containerPort: 80, hostPort: 8080 },
        { containerPort: 81, hostPort: 8080 },
        { containerPort: 82 },
      ),
      want: [`${P1}.hostPort port/host-port-conflict`],
    },
    {
      name: 'does not check a later init container against the regular containers before its index',
      manifest: daemonSet((_d, p, c) => {
        c.ports = [{ containerPort: 80, hostPort: 80 }];
        p.initContainers = [
          { name: 'a', image: 'x' },
          { name: 'b', image: 'x', ports: [{ containerPort: 80, hostPort: 80 }] },
        ];
      }),
      want: [],
    },
  ],
  at,
);

const hostNet = (version: string, ...ps: any[]) => ({
  manifest: daemonSet((_d, p, c) => {
    p.hostNetwork = true;
    c.ports = ps;
  }),
  version,
});
ruleCases(
  'host network ports',
  [
    {
      name: 'says the containerPort must match the hostPort (1.27)',
      ...hostNet('1.27', { containerPort: 9100, hostPort: 9101 }),
      want: [`${P0}.containerPort port/host-network-mismatch`],
      message:
        'Invalid value 9100: must match `hostPort` when `hostNetwork` is true (hostPort is 9101); drop hostPort or set it to 9100',
    },
    {
      name: 'says the hostPort must match the containerPort (1.28)',
      ...hostNet('1.28', { containerPort: 9100, hostPort: 9101 }),
      want: [`${P0}.hostPort port/host-network-mismatch`],
      message:
        'Invalid value 9101: must match `containerPort` when `hostNetwork` is true (containerPort is 9100); drop hostPort or set it to 9100',
    },
    { name: 'lets a template leave hostPort 0 (1.28)', ...hostNet('1.28', { containerPort: 9100 }), want: [] },
    {
      name: 'accepts a matching hostPort (1.28)',
      ...hostNet('1.28', { containerPort: 9100, hostPort: 9100 }),
      want: [],
    },
    {
      name: 'sees template ports collide through the host-port defaulting of 1.27',
      ...hostNet('1.27', { containerPort: 9100 }, { containerPort: 9100, protocol: 'TCP' }),
      want: [`${P1}.hostPort port/host-port-conflict`],
    },
    {
      name: 'sees no collision in a template once 1.28 stops defaulting its host ports',
      ...hostNet('1.28', { containerPort: 9100 }, { containerPort: 9100, protocol: 'TCP' }),
      want: [],
    },
    {
      name: 'still defaults a Pod host port in 1.28, so its ports collide',
      manifest: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', namespace: 'default' },
        spec: {
          hostNetwork: true,
          containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 9100 }, { containerPort: 9100 }] }],
        },
      },
      want: ['spec.containers[0].ports[1].hostPort port/host-port-conflict'],
      version: '1.28',
      notServer: 'a Pod: the oracle takes DaemonSets (SetDefaults_Pod keeps the defaulting for Pods)',
    },
    {
      name: 'leaves init container ports alone under hostNetwork (1.27)',
      manifest: daemonSet((_d, p) => {
        p.hostNetwork = true;
        p.initContainers = [{ name: 'a', image: 'x', ports: [{ containerPort: 80, hostPort: 81 }] }];
      }),
      want: [],
    },
  ],
  at,
);

describe('the whole engine', () => {
  it('reports a host-network port mismatch once', () => {
    const m = daemonSet((_d, p, c) => {
      p.hostNetwork = true;
      c.ports = [{ containerPort: 9100, hostPort: 9200 }];
    });
    expect(issuesOf(m)).toEqual([`${P0}.containerPort port/host-network-mismatch`]);
  });
});

describe('port values of a wrong type', () => {
  it('are left to the type rules', () => {
    expect(
      of(daemonSet((_d, _p, c) => (c.ports = [{ name: 1, containerPort: '80', hostPort: 1.5, protocol: 1 }]))),
    ).toEqual([]);
    expect(
      of(
        daemonSet((_d, p, c) => {
          p.hostNetwork = true;
          c.ports = [
            { containerPort: 80, hostPort: 80, hostIP: 1 },
            { containerPort: 80, hostPort: 80, hostIP: 1 },
            { containerPort: '81', hostPort: 82 },
          ];
        }),
      ),
    ).toEqual([]);
  });

  it('do not make a host port conflict of their own', () => {
    // A hostPort that is not an integer, or a protocol that is not a string, has no key: two of
    // them are not "the same" port, and the decoder rejects each anyway.
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.ports = [
            { containerPort: 80, hostPort: '80' },
            { containerPort: 81, hostPort: '80' },
            { containerPort: 82, hostPort: 82, protocol: 1 },
            { containerPort: 83, hostPort: 82, protocol: 1 },
          ];
        }),
      ),
    ).toEqual([]);
  });

  it('do not make a host-network mismatch when hostPort is not an integer', () => {
    expect(
      of(
        daemonSet((_d, p, c) => {
          p.hostNetwork = true;
          c.ports = [{ containerPort: 80, hostPort: '81' }];
        }),
      ),
    ).toEqual([]);
  });
});

describe('ephemeral container ports', () => {
  it('are not checked for host port conflicts: they may not have ports at all', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default' },
      spec: {
        containers: [{ name: 'a', image: 'x' }],
        ephemeralContainers: [
          {
            name: 'debug',
            image: 'x',
            ports: [
              { containerPort: 80, hostPort: 80 },
              { containerPort: 81, hostPort: 80 },
            ],
          },
        ],
      },
    };
    expect(of(pod)).toEqual([]);
  });
});
