/** What the package's own package.json says, for `--version`, SARIF's tool version and `init`. */
export interface OwnPackage {
  readonly version: string;
  readonly peerDependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
}

/**
 * Read when asked, not at start-up: package.json sits one folder above both src/ and lib/, and it
 * ships in the tarball.
 */
export function ownPackage(): OwnPackage {
  return require('../package.json') as OwnPackage;
}
