/** A port by number or by the name of a container port. */
export type PortReference = number | string;

/** Options of an HTTP GET action (probes and lifecycle hooks). */
export interface HttpGetActionOptions {
  /** Port to call. */
  readonly port: PortReference;
  /** `HTTP` or `HTTPS`. @default - not written (HTTP) */
  readonly scheme?: 'HTTP' | 'HTTPS';
  /** Host to call. @default - not written: the pod IP */
  readonly host?: string;
  /** Extra request headers, in order. @default - none */
  readonly httpHeaders?: ReadonlyArray<{
    /** Header name, e.g. `Authorization`. */
    readonly name: string;
    /** Header value. */
    readonly value: string;
  }>;
}

/** Options of a TCP connect action. */
export interface TcpSocketActionOptions {
  /** Port to connect to. */
  readonly port: PortReference;
  /** Host to connect to. @default - not written: the pod IP */
  readonly host?: string;
}

/** The `httpGet` / `tcpSocket` / `exec` actions probes and lifecycle hooks share. */
export const Action = {
  httpGet(path: string, o: HttpGetActionOptions): object {
    return {
      httpGet: {
        path,
        port: o.port,
        scheme: o.scheme,
        host: o.host,
        httpHeaders: o.httpHeaders?.map((h) => ({ ...h })),
      },
    };
  },
  tcpSocket(o: TcpSocketActionOptions): object {
    return { tcpSocket: { port: o.port, host: o.host } };
  },
  exec(command: readonly string[]): object {
    return { exec: { command: [...command] } };
  },
};
