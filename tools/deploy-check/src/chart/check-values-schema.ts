import Ajv from 'ajv';

/** Validates merged values against the chart's values.schema.json, as `helm install` does. */
export function checkValuesSchema(schema: object, values: unknown): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  if (validate(values)) return [];
  return (validate.errors ?? []).map((error) => {
    const at = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : '(root)';
    const extra =
      error.keyword === 'additionalProperties'
        ? `: ${String((error.params as { additionalProperty?: string }).additionalProperty)}`
        : error.keyword === 'enum'
          ? `: ${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues)}`
          : '';
    return `values ${at} ${error.message ?? 'is invalid'}${extra}`;
  });
}
