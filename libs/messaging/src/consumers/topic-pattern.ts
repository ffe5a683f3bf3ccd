/**
 * Whether a routing key matches an AMQP topic binding pattern, as RabbitMQ decides it: words
 * are separated by dots, `*` stands for exactly one word and `#` for zero or more. Used where
 * no broker does the routing (in-process delivery).
 */
export function matchesTopic(pattern: string, routingKey: string): boolean {
  return matchWords(pattern.split('.'), routingKey.split('.'));
}

function matchWords(pattern: readonly string[], words: readonly string[]): boolean {
  if (pattern.length === 0) return words.length === 0;
  const [head, ...rest] = pattern;
  if (head === '#') {
    return matchWords(rest, words) || (words.length > 0 && matchWords(pattern, words.slice(1)));
  }
  return (
    words.length > 0 && (head === '*' || head === words[0]) && matchWords(rest, words.slice(1))
  );
}
