/**
 * The YAML subsystem's one door: kubectl's stream cut (split-stream.ts), reading (read-stream.ts:
 * the block reader, block-reader.ts, then the exact reader, exact-reader.ts, with go-yaml's scalar
 * rules, go-yaml-resolve.ts and kubectl-schema.ts), where a field path points in a document
 * (positions.ts), and writing (writer.ts, with the block emitter, block-emitter.ts). Nothing
 * outside src/yaml/ imports another file of it.
 */
export { type PathSegment, type Position, fieldPositions } from './positions';
export {
  type ReadDocument,
  type ReadLimits,
  readYamlDocuments,
  readYamlPieces,
  readYamlStream,
  readYamlStreamExact,
  type SourcedDocument,
} from './read-stream';
export { type Chunk, type SplitStream, type StreamPiece, splitStream, streamPieces } from './split-stream';
export { toYaml, toYamlExact, toYamlStream } from './writer';
