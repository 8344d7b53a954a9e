export {
  importDaemonSets,
  type EscapeHatch,
  type ImportedDaemonSet,
  type ImportOptions,
  type ImportResult,
  type SkippedDocument,
} from './import-daemonsets';
export { findTypeScript, GeneratedCodeError, TYPESCRIPT_MISSING } from './compile';
export { type Compile, loadGeneratedModule, roundTrip, type RoundTripResult } from './round-trip';
export { stringLiteral, propertyKey } from './literal';
