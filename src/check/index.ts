/**
 * The checking pipeline, kubeconform's layering: read (inputs.ts, the YAML door) -> check
 * (documents.ts, files.ts, through the rule engine) -> output (output/, one file per format), all
 * sharing one result type (result.ts). The CLI and the cdk8s plugin both call it.
 */
export { type CheckOptions, checkDocuments } from './documents';
export { checkFilesInWorkers, checkInput, type FileCheckOptions, workersFor } from './files';
export { decodeUtf8, expandPaths, type InputText, readInputFile, readStdin } from './inputs';
export { OUTPUT_FORMATS, type OutputFormat, type ReportOptions, report } from './output';
export { issueLine } from './output/text';
export { type CheckIssue, type CheckResult, type CheckStatus, failed, type Summary, summarize } from './result';
