import { referenceName, type SecretReference } from '../references';
import { renderProjection, type KeyProjectionOptions } from './config-map';

/** Options of `Volume.fromSecret`. */
export type SecretVolumeOptions = KeyProjectionOptions;

/** @internal `secret` source. */
export function renderSecret(secret: SecretReference, o: SecretVolumeOptions): object {
  return { secretName: referenceName(secret), ...renderProjection(o) };
}
