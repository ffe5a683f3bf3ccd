/** Child rows of many servers, read in one statement, split per server (in row order). */
export function groupByServer<Row extends { serverId: string }>(
  rows: readonly Row[],
): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(row.serverId);
    if (group) group.push(row);
    else groups.set(row.serverId, [row]);
  }
  return groups;
}
