import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { TemplateSet } from '../template/render-template';
import { checkValuesSchema } from './check-values-schema';
import { mergeValues } from './merge-values';

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

export interface RenderedChart {
  values: Record<string, unknown>;
  /** Every manifest, with the template file it came from. */
  manifests: { file: string; manifest: Manifest }[];
  notes: string;
}

export interface RenderOptions {
  /** Values files merged over values.yaml, in order (`helm -f a.yaml -f b.yaml`). */
  valuesFiles?: string[];
  releaseName?: string;
  namespace?: string;
}

/** A chart refused before or while rendering: bad values, a `fail`/`required`, or YAML that does not parse. */
export class ChartError extends Error {
  constructor(readonly problems: string[]) {
    super(`The chart could not be rendered:\n- ${problems.join('\n- ')}`);
    this.name = 'ChartError';
  }
}

const readYaml = (file: string): Record<string, unknown> => (parseYaml(readFileSync(file, 'utf8')) ?? {}) as Record<string, unknown>;

function loadValues(chartDir: string, valuesFiles: string[]): Record<string, unknown> {
  const values = valuesFiles.reduce((merged, file) => mergeValues(merged, readYaml(file)), readYaml(join(chartDir, 'values.yaml')));
  const schema = JSON.parse(readFileSync(join(chartDir, 'values.schema.json'), 'utf8')) as object;
  const problems = checkValuesSchema(schema, values);
  if (problems.length) throw new ChartError(problems);
  return values;
}

/** `helm template` for this chart: values merged and checked, every template rendered and parsed. */
export function renderChart(chartDir: string, options: RenderOptions = {}): RenderedChart {
  const chart = readYaml(join(chartDir, 'Chart.yaml'));
  const values = loadValues(chartDir, options.valuesFiles ?? []);
  const chartName = String(chart.name);
  const basePath = `${chartName}/templates`;
  const templatesDir = join(chartDir, 'templates');
  const files = readdirSync(templatesDir).sort();
  const set = new TemplateSet();
  for (const file of files) set.add(`${basePath}/${file}`, readFileSync(join(templatesDir, file), 'utf8'));
  const root = {
    Values: values,
    Chart: { Name: chartName, Version: chart.version, AppVersion: chart.appVersion },
    Release: { Name: options.releaseName ?? 'release', Namespace: options.namespace ?? 'default', Service: 'Helm' },
    Template: { BasePath: basePath },
  };
  const rendered: RenderedChart = { values, manifests: [], notes: '' };
  const problems: string[] = [];
  for (const file of files.filter((name) => !name.startsWith('_'))) {
    const name = `${basePath}/${file}`;
    let text: string;
    try {
      text = set.render(name, root);
    } catch (error) {
      problems.push((error as Error).message);
      continue;
    }
    if (file === 'NOTES.txt') {
      rendered.notes = text;
      continue;
    }
    for (const document of parseAllDocuments(text)) {
      if (document.errors.length) {
        problems.push(`${name}: the rendered YAML does not parse: ${document.errors[0].message}`);
        continue;
      }
      const manifest = document.toJSON() as Manifest | null;
      if (manifest) rendered.manifests.push({ file: basename(file), manifest });
    }
  }
  if (problems.length) throw new ChartError([...new Set(problems)]);
  return rendered;
}
