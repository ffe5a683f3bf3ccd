import type { FieldFilter, FilterValue, ListSchema, Lookup, Violation } from '@servertree/ddd';
import { isSuffixLookup, LOOKUPS_BY_TYPE, parameterName, SUFFIX_LOOKUPS } from '@servertree/ddd';
import { parseFilterValue } from './filter-value.parser';

type Target = { readonly field: string; readonly lookup: Lookup } | { readonly problem: string };

/**
 * One filter parameter (`name`, `ramMb__gte`, ...) with all its values. Problems go to
 * `violations`, named by the parameter as the client wrote it; the answer is then undefined.
 */
export function parseFilter(
  parameter: string,
  rawValues: readonly string[],
  schema: ListSchema,
  violations: Violation[],
): FieldFilter | undefined {
  const target = resolveTarget(parameter, schema);
  if ('problem' in target) {
    violations.push({ field: parameter, message: target.problem });
    return undefined;
  }

  const values: FilterValue[] = [];
  const problems = new Set<string>(); // several bad values of one kind make one message
  for (const raw of rawValues) {
    const parsed = parseFilterValue(raw, schema[target.field].type, target.lookup);
    if ('problem' in parsed) problems.add(parsed.problem);
    else values.push(parsed.value);
  }
  problems.forEach((problem) =>
    violations.push({ field: parameter, message: `${parameter} ${problem}` }),
  );
  return problems.size === 0 ? { field: target.field, lookup: target.lookup, values } : undefined;
}

/** Which field and lookup a parameter names: the bare field name, or `field__lookup`. */
function resolveTarget(parameter: string, schema: ListSchema): Target {
  if (Object.hasOwn(schema, parameter)) return { field: parameter, lookup: 'exact' };

  const separator = parameter.lastIndexOf('__');
  const field = parameter.slice(0, separator);
  if (separator < 0 || !Object.hasOwn(schema, field)) {
    return {
      problem: `${parameter} is not a known parameter; filterable fields are: ${Object.keys(schema).join(', ')}`,
    };
  }

  const suffix = parameter.slice(separator + 2);
  if (!isSuffixLookup(suffix)) {
    return {
      problem: `${parameter} has an unknown lookup "${suffix}"; lookups are: ${SUFFIX_LOOKUPS.join(', ')} (none for an exact match)`,
    };
  }

  const { type } = schema[field];
  const allowed = LOOKUPS_BY_TYPE[type];
  if (!allowed.includes(suffix)) {
    const accepted = allowed.map((lookup) => parameterName(field, lookup)).join(', ');
    return { problem: `${parameter} is not allowed: ${field} is of type ${type}; use ${accepted}` };
  }
  return { field, lookup: suffix };
}
