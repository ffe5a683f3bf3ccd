import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * TypeORM's query builder renders its SQL anew on every call: about a tenth of the CPU of a
 * simple read, measured here. A read whose shape never changes can render it once: build the
 * query as usual and run it through the SqlTemplate kept for that one call site. Parameters
 * are still bound on every call, so `IN (:...ids)` lists of any length are fine; what must not
 * vary is the text (no optional clauses). Read side only: it runs on the DataSource, outside
 * any transaction.
 *
 * Binding uses `Driver.escapeQueryWithParameters`, the method TypeORM's own query builder
 * binds with; typeorm-behaviour.int-spec.ts pins that it does so on both drivers.
 */
export class SqlTemplate {
  private sql: string | undefined;

  async rawMany<Row>(query: SelectQueryBuilder<ObjectLiteral>): Promise<Row[]> {
    this.sql ??= query.getQuery();
    const [sql, parameters] = query.connection.driver.escapeQueryWithParameters(
      this.sql,
      query.getParameters(),
      {},
    );
    return query.connection.query(sql, parameters);
  }

  async rawOne<Row>(query: SelectQueryBuilder<ObjectLiteral>): Promise<Row | undefined> {
    const [row] = await this.rawMany<Row>(query);
    return row;
  }
}
