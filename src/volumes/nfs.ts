import type { Issue } from '../validate/issue';

/** Options of `Volume.fromNfs`. */
export interface NfsVolumeOptions {
  /** Mount the export read-only. @default - not written (false) */
  readonly readOnly?: boolean;
}

/**
 * Splits the console's `server:/path` form at the first `:/`, so IPv6 servers
 * (`[fd00::1]:/data`) keep their colons. An address without `:/` keeps all of it as the server
 * and leaves the path empty or relative, which validation then reports at `nfs.path`.
 */
export function parseNfsAddress(address: string): {
  /** The server: host name, IPv4 address or bracketed IPv6 address. */
  server: string;
  /** The exported path, from the first `/` after the colon. */
  path: string;
} {
  const at = address.indexOf(':/');
  if (at >= 0) return { server: address.slice(0, at), path: address.slice(at + 1) };
  const colon = address.lastIndexOf(':');
  if (colon >= 0) return { server: address.slice(0, colon), path: address.slice(colon + 1) };
  return { server: address, path: '' };
}

/** @internal `nfs` source. */
export function renderNfs(address: string, o: NfsVolumeOptions): object {
  return { ...parseNfsAddress(address), readOnly: o.readOnly };
}

/** The console's rule for the address: `server:/absolute/path`. Paths relative to the volume. */
export function nfsAddressProblems(address: string): Issue[] {
  const { server, path } = parseNfsAddress(address);
  if (address.includes(':/') && server !== '' && path.startsWith('/')) return [];
  return [
    {
      path: ['nfs'],
      code: 'volume/nfs-address-invalid',
      message: `NFS address "${address}" must be written server:/absolute/path, e.g. "10.0.0.1:/exports/data"`,
    },
  ];
}
