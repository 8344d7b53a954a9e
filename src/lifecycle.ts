import { Action, type HttpGetActionOptions, type TcpSocketActionOptions } from './_action';

/** What a lifecycle hook does: run a command, call an HTTP endpoint, or open a TCP connection. */
export class Handler {
  /** Runs the command in the container (not in a shell). */
  public static fromCommand(command: readonly string[]): Handler {
    return new Handler(Action.exec(command));
  }

  /** Calls `GET path`. */
  public static fromHttpGet(path: string, options: HttpGetActionOptions): Handler {
    return new Handler(Action.httpGet(path, options));
  }

  /** Opens a TCP connection (deprecated by Kubernetes for hooks, kept for manifests that use it). */
  public static fromTcpSocket(options: TcpSocketActionOptions): Handler {
    return new Handler(Action.tcpSocket(options));
  }

  /** Waits `seconds` before the container goes on, e.g. a preStop delay without a shell (Kubernetes 1.29+). */
  public static fromSleep(seconds: number): Handler {
    return new Handler({ sleep: { seconds } });
  }

  private constructor(private readonly action: object) {}

  /** @internal the `LifecycleHandler` object. */
  public _toKube(): object {
    return this.action;
  }
}

/** Hooks run when the container starts and before it is stopped. */
export interface ContainerLifecycle {
  /** Runs right after the container is created. @default - none */
  readonly postStart?: Handler;
  /** Runs before the container gets SIGTERM, e.g. to deregister a CSI driver. @default - none */
  readonly preStop?: Handler;
}
