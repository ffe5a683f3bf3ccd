import { InvalidInputError } from '@servertree/ddd';
import { parsePageQuery } from './page-query.parser';

describe('parsePageQuery', () => {
  it('defaults like a list: the first 25', () => {
    expect(parsePageQuery({})).toEqual({ limit: 25, offset: 0 });
  });

  it('reads limit and offset', () => {
    expect(parsePageQuery({ limit: '2', offset: '4' })).toEqual({ limit: 2, offset: 4 });
  });

  it('reports every problem at once: bad values and parameters a list would filter on', () => {
    let thrown: unknown;
    try {
      parsePageQuery({ limit: '0', offset: '-1', ordering: 'name', type: 'x' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInputError);
    expect((thrown as InvalidInputError).violations.map((v) => v.field).sort()).toEqual([
      'limit',
      'offset',
      'ordering',
      'type',
    ]);
  });
});
