import type * as kplus from 'cdk8s-plus-27';
import { renderProjection, type KeyProjectionOptions } from './config-map';

/** Options of `Volume.fromSecret`. */
export type SecretVolumeOptions = KeyProjectionOptions;

/** @internal `secret` source. */
export function renderSecret(secret: kplus.ISecret, o: SecretVolumeOptions): object {
  return { secretName: secret.name, ...renderProjection(o) };
}
