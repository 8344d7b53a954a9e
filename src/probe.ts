import { Action, type HttpGetActionOptions, type TcpSocketActionOptions } from './_action';

/** When and how often a probe runs; every field is written only when set. */
export interface ProbeTiming {
  /** Seconds after the container starts before the first probe. @default - not written (0) */
  readonly initialDelaySeconds?: number;
  /** Seconds between probes. @default - not written (10) */
  readonly periodSeconds?: number;
  /** Seconds after which a probe times out. @default - not written (1) */
  readonly timeoutSeconds?: number;
  /** Consecutive successes that count as healthy; must be 1 for liveness and startup. @default - not written (1) */
  readonly successThreshold?: number;
  /** Consecutive failures that count as unhealthy. @default - not written (3) */
  readonly failureThreshold?: number;
  /** Grace period for a pod killed by this probe. @default - not written: the pod's */
  readonly terminationGracePeriodSeconds?: number;
}

export type { PortReference } from './_action';

/** Options of `Probe.fromHttpGet`: the request and the timing. */
export interface HttpGetProbeOptions extends ProbeTiming, HttpGetActionOptions {}

/** Options of `Probe.fromTcpSocket`: the port and the timing. */
export interface TcpSocketProbeOptions extends ProbeTiming, TcpSocketActionOptions {}

/** Options of `Probe.fromGrpc`: the health service and the timing. */
export interface GrpcProbeOptions extends ProbeTiming {
  /** Port of the gRPC health service. */
  readonly port: number;
  /** Service name sent in the health check request. @default - not written */
  readonly service?: string;
}

function timing(t: ProbeTiming): object {
  return {
    initialDelaySeconds: t.initialDelaySeconds,
    periodSeconds: t.periodSeconds,
    timeoutSeconds: t.timeoutSeconds,
    successThreshold: t.successThreshold,
    failureThreshold: t.failureThreshold,
    terminationGracePeriodSeconds: t.terminationGracePeriodSeconds,
  };
}

/** A liveness, readiness or startup check: HTTP GET, TCP connect, a command, or gRPC. */
export class Probe {
  /** Healthy when `GET path` answers 200–399. */
  public static fromHttpGet(path: string, options: HttpGetProbeOptions): Probe {
    return new Probe({ ...Action.httpGet(path, options), ...timing(options) });
  }

  /** Healthy when a TCP connection to the port opens. */
  public static fromTcpSocket(options: TcpSocketProbeOptions): Probe {
    return new Probe({ ...Action.tcpSocket(options), ...timing(options) });
  }

  /** Healthy when the command exits 0; it runs in the container, not in a shell. */
  public static fromCommand(command: readonly string[], options: ProbeTiming = {}): Probe {
    return new Probe({ ...Action.exec(command), ...timing(options) });
  }

  /** Healthy when the gRPC health service answers SERVING. */
  public static fromGrpc(options: GrpcProbeOptions): Probe {
    return new Probe({ grpc: { port: options.port, service: options.service }, ...timing(options) });
  }

  private constructor(private readonly spec: object) {}

  /** @internal the `Probe` object. */
  public _toKube(): object {
    return this.spec;
  }
}
