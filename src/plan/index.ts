/** `plan`: what an update of DaemonSets does to a fleet. */
export {
  type Change,
  type DaemonSetPlan,
  type PlanOptions,
  type Restart,
  planDaemonSet,
  templateChanged,
} from './classify';
export { surgeWithHostPortHazard, type Warning } from './hazards';
export { type Plan, type PlanSummary, planTexts } from './plan';
export { jsonPlanReport } from './report-json';
export { markdownPlanReport } from './report-markdown';
export { textPlanReport } from './report-text';
export {
  readSide,
  type Side,
  type SideDocument,
  type SideFile,
  type SideSource,
  type SideText,
  sideDocuments,
  sideText,
} from './sides';
export { rolloutBatch, rolloutWaves, scaledValue, type Waves } from './waves';
