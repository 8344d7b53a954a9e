import { ApiObject, Chart } from 'cdk8s';
import type { IConstruct } from 'constructs';

/**
 * Turns construct-level dependencies into chart and API-object dependencies, once for the whole
 * app. A faithful copy of cdk8s's module-private `resolveDependencies` (cdk8s 2.70, src/app.ts),
 * which cdk8s runs again for every chart it synthesizes (`App._synthChart`): that repetition is
 * what makes synth quadratic in the number of charts. Returns whether any chart depends on another
 * (cdk8s then prefixes chart file names with their index).
 */
export function resolveDependencies(all: readonly IConstruct[]): boolean {
  let hasDependantCharts = false;
  const deps: Array<{ source: IConstruct; target: IConstruct }> = [];
  for (const parentChart of all) {
    if (!Chart.isChart(parentChart)) continue;
    for (const childChart of parentChart.node.children) {
      if (!Chart.isChart(childChart)) continue;
      parentChart.node.addDependency(childChart);
      hasDependantCharts = true;
    }
  }
  for (const source of all) {
    for (const target of source.node.dependencies) deps.push({ source, target });
  }
  for (const { source, target } of deps) {
    const sourceChart = Chart.of(source);
    const targetChart = Chart.of(target);
    if (sourceChart !== targetChart) {
      sourceChart.node.addDependency(targetChart);
      hasDependantCharts = true;
    }
  }
  for (const { source, target } of deps) {
    const sourceChart = Chart.of(source);
    const targetChart = Chart.of(target);
    const targets = target.node.findAll().filter((c) => ApiObject.isApiObject(c) && Chart.of(c) === targetChart);
    const sources = source.node.findAll().filter((c) => ApiObject.isApiObject(c) && Chart.of(c) === sourceChart);
    for (const t of targets) {
      for (const s of sources) {
        if (t !== s) s.node.addDependency(t);
      }
    }
  }
  return hasDependantCharts;
}
