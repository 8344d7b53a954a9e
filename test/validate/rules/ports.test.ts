import { describe, expect, it } from 'vitest';
import { daemonSet, issuesOf } from '../../support/manifest';

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
