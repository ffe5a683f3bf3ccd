/** Deeper bodies are refused before anything walks them recursively (validation, mapping). */
export const MAX_JSON_NESTING = 32;

/**
 * Finds the first place where a JSON text opens more than `limit` objects or arrays, in one
 * iterative pass over the characters, and names the property holding the container that
 * goes too deep (`a.b[2].c`). Returns undefined when the text stays within the limit; it
 * does not check well-formedness, which the parser that runs afterwards does.
 */
export function excessiveNesting(text: string, limit = MAX_JSON_NESTING): string | undefined {
  const containers: ('{' | '[')[] = [];
  const segments: (string | number)[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') {
      const end = endOfString(text, index);
      if (containers.at(-1) === '{' && nextSignificant(text, end + 1) === ':') {
        segments[segments.length - 1] = keyOf(text.slice(index, end + 1));
      }
      index = end;
    } else if (char === '{' || char === '[') {
      if (containers.length === limit) return fieldPath(segments);
      containers.push(char);
      segments.push(char === '[' ? 0 : '');
    } else if (char === '}' || char === ']') {
      containers.pop();
      segments.pop();
    } else if (char === ',' && containers.at(-1) === '[') {
      segments[segments.length - 1] = (segments.at(-1) as number) + 1;
    }
  }
  return undefined;
}

function endOfString(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
  return index;
}

function nextSignificant(text: string, from: number): string | undefined {
  let index = from;
  while (index < text.length && /\s/.test(text[index])) index++;
  return text[index];
}

function keyOf(quoted: string): string {
  try {
    return String(JSON.parse(quoted));
  } catch {
    return quoted.slice(1, -1);
  }
}

function fieldPath(segments: readonly (string | number)[]): string {
  return segments.reduce<string>(
    (path, segment) =>
      typeof segment === 'number' ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment,
    '',
  );
}
