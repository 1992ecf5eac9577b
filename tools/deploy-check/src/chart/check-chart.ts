import { crossCheck } from '../checks/cross-check';
import { documentedVariables } from '../checks/documented-variables';
import { validateManifests } from '../checks/validate-manifests';
import { type RenderOptions, type RenderedChart, renderChart } from './render-chart';

export interface ChartReport {
  chart: RenderedChart;
  problems: string[];
}

/** `helm lint` for this chart, offline: render, validate every manifest against its schema, cross-check. */
export function checkChart(workspaceRoot: string, chartDir: string, options: RenderOptions = {}): ChartReport {
  const chart = renderChart(chartDir, options);
  const problems = [...validateManifests(chart), ...crossCheck({ chart, variables: documentedVariables(workspaceRoot) })];
  return { chart, problems };
}
