import { describe, expect, it } from 'vitest';
import { httpHeaderNameErrors } from '../../../src/validate/rules/_shared/container-names';
import { probesRules } from '../../../src/validate/rules/probes';
import { daemonSet, issuesOf } from '../../support/manifest';
import { issuesAt } from '../../support/manifest';
import { validateForVersion } from '../../../src/validate/pipeline';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';

/* eslint-disable @typescript-eslint/no-explicit-any */

function of(m: unknown): string[] {
  return issuesOf(m).filter((l) => /^(probe|lifecycle)\//.test(l.split(' ')[1] ?? ''));
}

const C = 'spec.template.spec.containers[0]';
const withProbe = (kind: string, probe: any) =>
  daemonSet((_d, _p, c) => {
    c[kind] = probe;
  });

describe('probes', () => {
  it('accepts an httpGet liveness probe on a named port', () => {
    expect(
      of(
        withProbe('livenessProbe', { httpGet: { path: '/healthz', port: 'http', scheme: 'HTTPS' }, periodSeconds: 10 }),
      ),
    ).toEqual([]);
  });

  it('accepts a grpc probe', () => {
    expect(of(withProbe('readinessProbe', { grpc: { port: 9090 } }))).toEqual([]);
  });

  it('requires a handler', () => {
    expect(of(withProbe('livenessProbe', { periodSeconds: 5 }))).toEqual([`${C}.livenessProbe probe/handler-required`]);
  });

  it('forbids a second handler, where it is', () => {
    expect(of(withProbe('livenessProbe', { exec: { command: ['true'] }, tcpSocket: { port: 80 } }))).toEqual([
      `${C}.livenessProbe.tcpSocket probe/handler-multiple`,
    ]);
  });

  it('requires an exec command', () => {
    expect(of(withProbe('startupProbe', { exec: {} }))).toEqual([
      `${C}.startupProbe.exec.command probe/exec-command-required`,
    ]);
  });

  it('rejects port 0 and a numeric string port', () => {
    expect(of(withProbe('livenessProbe', { tcpSocket: { port: 0 } }))).toEqual([
      `${C}.livenessProbe.tcpSocket.port probe/port-invalid`,
    ]);
    expect(of(withProbe('livenessProbe', { httpGet: { port: '8080' } }))).toEqual([
      `${C}.livenessProbe.httpGet.port probe/port-invalid`,
    ]);
  });

  it('rejects an unknown scheme', () => {
    expect(of(withProbe('livenessProbe', { httpGet: { port: 80, scheme: 'http' } }))).toEqual([
      `${C}.livenessProbe.httpGet.scheme probe/scheme-unsupported`,
    ]);
  });

  it('rejects a bad header name, at httpHeaders', () => {
    expect(
      of(withProbe('livenessProbe', { httpGet: { port: 80, httpHeaders: [{ name: 'X Bad', value: 'v' }] } })),
    ).toEqual([`${C}.livenessProbe.httpGet.httpHeaders probe/header-name-invalid`]);
  });

  it('rejects negative timings', () => {
    expect(of(withProbe('readinessProbe', { exec: { command: ['x'] }, initialDelaySeconds: -1 }))).toEqual([
      `${C}.readinessProbe.initialDelaySeconds probe/negative`,
    ]);
  });

  it('accepts successThreshold 0 on a liveness probe (defaulted to 1)', () => {
    expect(of(withProbe('livenessProbe', { exec: { command: ['x'] }, successThreshold: 0 }))).toEqual([]);
  });

  it('requires successThreshold 1 on a liveness probe', () => {
    expect(of(withProbe('livenessProbe', { exec: { command: ['x'] }, successThreshold: 2 }))).toEqual([
      `${C}.livenessProbe.successThreshold probe/success-threshold-not-one`,
    ]);
  });

  it('accepts successThreshold 2 on a readiness probe', () => {
    expect(of(withProbe('readinessProbe', { exec: { command: ['x'] }, successThreshold: 2 }))).toEqual([]);
  });

  it('rejects a zero probe terminationGracePeriodSeconds', () => {
    expect(of(withProbe('livenessProbe', { exec: { command: ['x'] }, terminationGracePeriodSeconds: 0 }))).toEqual([
      `${C}.livenessProbe.terminationGracePeriodSeconds probe/termination-grace-period-invalid`,
    ]);
  });

  it('forbids terminationGracePeriodSeconds on a readiness probe', () => {
    expect(of(withProbe('readinessProbe', { exec: { command: ['x'] }, terminationGracePeriodSeconds: 5 }))).toEqual([
      `${C}.readinessProbe.terminationGracePeriodSeconds probe/termination-grace-period-readiness`,
    ]);
  });
});

describe('lifecycle', () => {
  it('accepts a preStop exec hook', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.lifecycle = { preStop: { exec: { command: ['sleep', '5'] } } };
        }),
      ),
    ).toEqual([]);
  });

  it('requires a handler in a hook', () => {
    expect(
      of(
        daemonSet((_d, _p, c) => {
          c.lifecycle = { postStart: {} };
        }),
      ),
    ).toEqual([`${C}.lifecycle.postStart lifecycle/handler-required`]);
  });
});

/* eslint-disable @typescript-eslint/no-explicit-any */
const withHook = (hook: any, grace?: number) =>
  daemonSet((_d, pod, c) => {
    c.lifecycle = { preStop: hook };
    if (grace !== undefined) pod.terminationGracePeriodSeconds = grace;
  });
const PRE_STOP = 'spec.template.spec.containers[0].lifecycle.preStop';

describe('lifecycle sleep (validateSleepAction, 1.30+)', () => {
  it('accepts a sleep within terminationGracePeriodSeconds, bounds included', () => {
    expect(issuesAt('1.30', withHook({ sleep: { seconds: 30 } }))).toEqual([]);
    expect(issuesAt('1.30', withHook({ sleep: { seconds: 1 } }, 1))).toEqual([]);
  });

  it('rejects a sleep above the grace period, the pod-level one when set', () => {
    expect(issuesAt('1.30', withHook({ sleep: { seconds: 31 } }))).toEqual([
      `${PRE_STOP}.sleep lifecycle/sleep-seconds-invalid`,
    ]);
    expect(issuesAt('1.34', withHook({ sleep: { seconds: 11 } }, 10))).toEqual([
      `${PRE_STOP}.sleep lifecycle/sleep-seconds-invalid`,
    ]);
  });

  it('rejects 0 seconds until 1.33 turns on PodLifecycleSleepActionAllowZero, and a negative sleep after', () => {
    expect(issuesAt('1.32', withHook({ sleep: { seconds: 0 } }))).toEqual([
      `${PRE_STOP}.sleep lifecycle/sleep-seconds-invalid`,
    ]);
    expect(issuesAt('1.33', withHook({ sleep: { seconds: 0 } }))).toEqual([]);
    expect(issuesAt('1.33', withHook({ sleep: { seconds: -1 } }))).toEqual([
      `${PRE_STOP}.sleep lifecycle/sleep-seconds-invalid`,
    ]);
  });

  it('words the error as each minor does', () => {
    const message = (v: string) =>
      validateForVersion(withHook({ sleep: { seconds: 0 } }, 10), { kubernetesVersion: v }).errors[0]?.message;
    expect(message('1.31')).toBe(
      'Invalid value 0: must be greater than 0 and less than terminationGracePeriodSeconds (10)',
    );
    expect(message('1.32')).toBe(
      'Invalid value 0: must be greater than 0 and less than terminationGracePeriodSeconds (10). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.',
    );
    expect(
      validateForVersion(withHook({ sleep: { seconds: -1 } }), { kubernetesVersion: '1.33' }).errors[0]?.message,
    ).toBe('Invalid value -1: must be non-negative and less than terminationGracePeriodSeconds (30)');
  });

  it('counts sleep as a handler: with exec it is one too many (1.30+), alone it is enough', () => {
    expect(issuesAt('1.30', withHook({ exec: { command: ['true'] }, sleep: { seconds: 5 } }))).toEqual([
      `${PRE_STOP}.sleep lifecycle/handler-multiple`,
    ]);
    // 1.29 drops sleep (gate off) and keeps exec.
    expect(issuesAt('1.29', withHook({ exec: { command: ['true'] }, sleep: { seconds: 5 } }))).toEqual([]);
    expect(issuesAt('1.29', withHook({ sleep: { seconds: 5 } }))).toEqual([`${PRE_STOP} lifecycle/handler-required`]);
  });

  it("checks a sidecar's hooks and probes as a regular container's (1.29+)", () => {
    const ds = daemonSet((_d, pod) => {
      pod.initContainers = [
        {
          name: 'proxy',
          image: 'envoy:1',
          restartPolicy: 'Always',
          lifecycle: { preStop: { sleep: { seconds: 60 } } },
          livenessProbe: { exec: { command: ['true'] }, successThreshold: 2 },
        },
      ];
    });
    expect(issuesAt('1.30', ds)).toEqual([
      'spec.template.spec.initContainers[0].lifecycle.preStop.sleep lifecycle/sleep-seconds-invalid',
      'spec.template.spec.initContainers[0].livenessProbe.successThreshold probe/success-threshold-not-one',
    ]);
  });
});

// Table-driven cases (checked against the API server of their minor where the oracle is present).
const at = pipelineIssues({ rules: [probesRules] });
const EXEC = { exec: { command: ['true'] } };
const RANGE = 'must be between 1 and 65535, inclusive';

ruleCases(
  'probe handlers and ports',
  [
    {
      name: 'accepts port 65535 and an HTTP scheme',
      manifest: withProbe('livenessProbe', { httpGet: { port: 65535, scheme: 'HTTP' } }),
      want: [],
    },
    {
      name: 'shows a port above 65535 and the range',
      manifest: withProbe('livenessProbe', { httpGet: { port: 65536 } }),
      want: [`${C}.livenessProbe.httpGet.port probe/port-invalid`],
      message: `Invalid value 65536: ${RANGE}`,
    },
    {
      name: 'takes a missing port as 0',
      manifest: withProbe('livenessProbe', { tcpSocket: {} }),
      want: [`${C}.livenessProbe.tcpSocket.port probe/port-invalid`],
      message: `Invalid value 0: ${RANGE}`,
    },
    {
      name: 'reports each reason a port name is invalid, with the name',
      manifest: withProbe('livenessProbe', { httpGet: { port: '1234567890123456' } }),
      want: [
        `${C}.livenessProbe.httpGet.port probe/port-invalid`,
        `${C}.livenessProbe.httpGet.port probe/port-invalid`,
      ],
      message: 'Invalid value "1234567890123456": must be no more than 15 characters',
      sameCauses: true,
    },
    {
      name: 'takes a missing grpc port as 0',
      manifest: withProbe('livenessProbe', { grpc: {} }),
      want: [`${C}.livenessProbe.grpc.port probe/port-invalid`],
      message: `Invalid value 0: ${RANGE}`,
    },
    {
      name: 'takes a null httpGet port as 0',
      manifest: withProbe('livenessProbe', { httpGet: { port: null } }),
      want: [`${C}.livenessProbe.httpGet.port probe/port-invalid`],
      message: `Invalid value 0: ${RANGE}`,
    },
    {
      name: 'takes a null grpc port as 0',
      manifest: withProbe('livenessProbe', { grpc: { port: null } }),
      want: [`${C}.livenessProbe.grpc.port probe/port-invalid`],
      message: `Invalid value 0: ${RANGE}`,
    },
    {
      name: 'rejects grpc port 65536',
      manifest: withProbe('readinessProbe', { grpc: { port: 65536 } }),
      want: [`${C}.readinessProbe.grpc.port probe/port-invalid`],
    },
    {
      name: 'names the schemes',
      manifest: withProbe('livenessProbe', { httpGet: { port: 80, scheme: 'FTP' } }),
      want: [`${C}.livenessProbe.httpGet.scheme probe/scheme-unsupported`],
      message: 'Unsupported value "FTP": supported values: "HTTP", "HTTPS"',
    },
    {
      name: 'checks every header name, and says what is wrong',
      manifest: withProbe('livenessProbe', {
        httpGet: {
          port: 80,
          httpHeaders: [
            { name: 'X-Ok', value: 'v' },
            { name: 'X:Bad', value: 'v' },
          ],
        },
      }),
      want: [`${C}.livenessProbe.httpGet.httpHeaders probe/header-name-invalid`],
      message: `Invalid value "X:Bad": ${httpHeaderNameErrors('X:Bad')[0]}`,
    },
    {
      name: 'requires a handler, naming the four',
      manifest: withProbe('startupProbe', { periodSeconds: 5 }),
      want: [`${C}.startupProbe probe/handler-required`],
      message: 'Required value: must specify a handler type: one of exec, httpGet, tcpSocket, grpc',
    },
    {
      name: 'reports each extra handler, naming the four',
      manifest: withProbe('livenessProbe', { ...EXEC, httpGet: { port: 80 }, grpc: { port: 1 } }),
      want: [`${C}.livenessProbe.grpc probe/handler-multiple`, `${C}.livenessProbe.httpGet probe/handler-multiple`],
      message: 'Forbidden: may not specify more than 1 handler type; keep one of exec, httpGet, tcpSocket, grpc',
    },
    {
      name: 'says an exec handler needs a command',
      manifest: withProbe('livenessProbe', { exec: { command: [] } }),
      want: [`${C}.livenessProbe.exec.command probe/exec-command-required`],
      message: 'Required value: give the command to run',
    },
  ],
  at,
);

ruleCases(
  'probe timings and thresholds',
  [
    {
      name: 'rejects each negative timing, with its value',
      manifest: withProbe('readinessProbe', {
        ...EXEC,
        initialDelaySeconds: -1,
        timeoutSeconds: -2,
        periodSeconds: -3,
        successThreshold: -4,
        failureThreshold: -5,
      }),
      want: [
        `${C}.readinessProbe.failureThreshold probe/negative`,
        `${C}.readinessProbe.initialDelaySeconds probe/negative`,
        `${C}.readinessProbe.periodSeconds probe/negative`,
        `${C}.readinessProbe.successThreshold probe/negative`,
        `${C}.readinessProbe.timeoutSeconds probe/negative`,
      ],
      message: 'Invalid value -5: must be greater than or equal to 0',
    },
    {
      name: 'accepts zero timings (defaulted)',
      manifest: withProbe('livenessProbe', { ...EXEC, initialDelaySeconds: 0, timeoutSeconds: 0 }),
      want: [],
    },
    {
      name: 'says a startup probe needs successThreshold 1',
      manifest: withProbe('startupProbe', { ...EXEC, successThreshold: 3 }),
      want: [`${C}.startupProbe.successThreshold probe/success-threshold-not-one`],
      message: 'Invalid value 3: must be 1 for a startupProbe',
    },
    {
      name: 'accepts successThreshold 1 on a startup probe',
      manifest: withProbe('startupProbe', { ...EXEC, successThreshold: 1 }),
      want: [],
    },
    {
      name: 'accepts a probe terminationGracePeriodSeconds of 1',
      manifest: withProbe('livenessProbe', { ...EXEC, terminationGracePeriodSeconds: 1 }),
      want: [],
    },
    {
      name: 'says a negative probe terminationGracePeriodSeconds must be positive or left out',
      manifest: withProbe('startupProbe', { ...EXEC, terminationGracePeriodSeconds: -1 }),
      want: [`${C}.startupProbe.terminationGracePeriodSeconds probe/termination-grace-period-invalid`],
      message: "Invalid value -1: must be greater than 0, or left out to use the pod's terminationGracePeriodSeconds",
    },
    {
      name: 'says a readiness probe takes no terminationGracePeriodSeconds',
      manifest: withProbe('readinessProbe', { ...EXEC, terminationGracePeriodSeconds: 5 }),
      want: [`${C}.readinessProbe.terminationGracePeriodSeconds probe/termination-grace-period-readiness`],
      message: 'Invalid value 5: must not be set for readinessProbes',
    },
  ],
  at,
);

const lifecycle = (lc: any) => daemonSet((_d, _p, c) => (c.lifecycle = lc));
const sidecar = (fields: any) =>
  daemonSet((_d, p) => (p.initContainers = [{ name: 'proxy', image: 'x', restartPolicy: 'Always', ...fields }]));
const SC = 'spec.template.spec.initContainers[0]';

ruleCases(
  'lifecycle hooks and sidecars',
  [
    {
      name: 'requires a hook handler, naming the three',
      manifest: lifecycle({ preStop: {} }),
      want: [`${C}.lifecycle.preStop lifecycle/handler-required`],
      message: 'Required value: must specify a handler type: one of exec, httpGet, tcpSocket',
    },
    {
      name: 'reports an extra hook handler, naming the three',
      manifest: lifecycle({ postStart: { ...EXEC, tcpSocket: { port: 80 } } }),
      want: [`${C}.lifecycle.postStart.tcpSocket lifecycle/handler-multiple`],
      message: 'Forbidden: may not specify more than 1 handler type; keep one of exec, httpGet, tcpSocket',
    },
    {
      name: 'checks a hook httpGet port',
      manifest: lifecycle({ postStart: { httpGet: { port: 0 } } }),
      want: [`${C}.lifecycle.postStart.httpGet.port lifecycle/port-invalid`],
    },
    { name: 'accepts an empty lifecycle', manifest: lifecycle({}), want: [] },
    {
      name: 'checks the probes and hooks of a sidecar (1.29)',
      manifest: sidecar({
        livenessProbe: { periodSeconds: 5 },
        readinessProbe: { ...EXEC, terminationGracePeriodSeconds: 5 },
        startupProbe: { ...EXEC, successThreshold: 2 },
        lifecycle: { preStop: {} },
      }),
      want: [
        `${SC}.lifecycle.preStop lifecycle/handler-required`,
        `${SC}.livenessProbe probe/handler-required`,
        `${SC}.readinessProbe.terminationGracePeriodSeconds probe/termination-grace-period-readiness`,
        `${SC}.startupProbe.successThreshold probe/success-threshold-not-one`,
      ],
      version: '1.29',
      sameCauses: true,
    },
    {
      name: 'leaves the probes of a plain init container to the init-container rule',
      manifest: daemonSet(
        (_d, p) => (p.initContainers = [{ name: 'setup', image: 'x', livenessProbe: {}, lifecycle: { preStop: {} } }]),
      ),
      want: [],
      version: '1.29',
      notServer: 'the server forbids the fields (container/init-field-forbidden), which these rules leave alone',
    },
  ],
  at,
);

describe('values of a wrong type', () => {
  it('are left to the type rules', () => {
    expect(of(withProbe('livenessProbe', { httpGet: { port: 80.5, scheme: 1, httpHeaders: [{ name: 1 }] } }))).toEqual(
      [],
    );
    expect(of(withProbe('livenessProbe', { tcpSocket: { port: true } }))).toEqual([]);
    expect(of(withProbe('livenessProbe', { grpc: { port: 'grpc' } }))).toEqual([]);
    expect(of(withProbe('livenessProbe', { ...EXEC, periodSeconds: '5', terminationGracePeriodSeconds: 0.5 }))).toEqual(
      [],
    );
  });
});

// The rules skip what the strict decoder rejects first (a type error, reported by the type rules):
// no second, misleading issue about the same value.
ruleCases(
  'probe and hook values of a wrong type',
  [
    {
      name: 'a grpc port given as a string is no port name to check',
      manifest: withProbe('livenessProbe', { grpc: { port: 'Bad_Port' } }),
      want: [],
      notServer: 'the strict decoder rejects a string for the int32 grpc port',
    },
    {
      name: 'a negative fractional probe terminationGracePeriodSeconds is no integer to check',
      manifest: withProbe('livenessProbe', { ...EXEC, terminationGracePeriodSeconds: -0.5 }),
      want: [],
      notServer: 'the strict decoder rejects a fraction for an int64',
    },
    {
      name: 'a probe terminationGracePeriodSeconds given as a string is no number to check',
      manifest: withProbe('livenessProbe', { ...EXEC, terminationGracePeriodSeconds: '-1' }),
      want: [],
      notServer: 'the strict decoder rejects a string for an int64',
    },
    {
      name: 'a liveness successThreshold given as a string is not compared with 1',
      manifest: withProbe('livenessProbe', { ...EXEC, successThreshold: '2' }),
      want: [],
      notServer: 'the strict decoder rejects a string for an int32',
    },
    {
      name: 'a fractional sleep is not compared with the grace period',
      manifest: lifecycle({ preStop: { sleep: { seconds: 1.5 } } }),
      want: [],
      version: '1.30',
      notServer: 'the strict decoder rejects a fraction for an int64',
    },
    {
      name: 'a sleep is not compared with a pod grace period given as a string',
      manifest: daemonSet((_d, p, c) => {
        p.terminationGracePeriodSeconds = '30';
        c.lifecycle = { preStop: { sleep: { seconds: 5 } } };
      }),
      want: [],
      version: '1.30',
      notServer: 'the strict decoder rejects a string for an int64',
    },
  ],
  at,
);

ruleCases(
  'probes of containers that do not run alongside the pod',
  [
    {
      name: 'an ephemeral container with restartPolicy Always is no sidecar: its probes are not checked here',
      manifest: daemonSet(
        (_d, p) =>
          (p.ephemeralContainers = [
            { name: 'debug', image: 'x', restartPolicy: 'Always', livenessProbe: {}, lifecycle: { preStop: {} } },
          ]),
      ),
      want: [],
      version: '1.29',
      notServer:
        'a template forbids ephemeral containers, and the server forbids their probes, by rules outside this set',
    },
  ],
  at,
);
