/**
 * The YAML subsystem's one door: kubectl's stream cut (split-stream.ts), reading (read-stream.ts:
 * the block reader, block-reader.ts, then the exact reader, exact-reader.ts, with go-yaml's scalar
 * rules, go-yaml-resolve.ts and kubectl-schema.ts), and writing (writer.ts, with the block
 * emitter, block-emitter.ts). Nothing outside src/yaml/ imports another file of it.
 */
export { type ReadDocument, type ReadLimits, readYamlStream } from './read-stream';
export { type Chunk, type SplitStream, splitStream } from './split-stream';
export { toYaml, toYamlStream } from './writer';
// Marked as their declarations are: stripInternal drops those from the .d.ts files, and a
// re-export of a name that is not there breaks the shipped types (TS2724 with skipLibCheck off).
/** @internal */
export { readYamlDocuments, readYamlStreamExact } from './read-stream';
/** @internal */
export { toYamlExact } from './writer';
