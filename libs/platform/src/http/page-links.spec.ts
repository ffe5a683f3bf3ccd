import { pageLinks } from './page-links';

const PATH = '/api/v1/servers';

describe('pageLinks', () => {
  it('links the next page, keeping the other parameters', () => {
    expect(pageLinks(PATH, { name__ic: 'web' }, { total: 60, limit: 25, offset: 0 })).toEqual({
      next: '/api/v1/servers?name__ic=web&limit=25&offset=25',
      previous: null,
    });
  });

  it('links both neighbours in the middle of the list', () => {
    expect(
      pageLinks(
        PATH,
        { ordering: '-ramMb', limit: '25', offset: '25' },
        { total: 60, limit: 25, offset: 25 },
      ),
    ).toEqual({
      next: '/api/v1/servers?ordering=-ramMb&limit=25&offset=50',
      previous: '/api/v1/servers?ordering=-ramMb&limit=25&offset=0',
    });
  });

  it('has no next link on the last page', () => {
    expect(pageLinks(PATH, {}, { total: 60, limit: 25, offset: 50 }).next).toBeNull();
    expect(pageLinks(PATH, {}, { total: 50, limit: 25, offset: 25 }).next).toBeNull();
    expect(pageLinks(PATH, {}, { total: 0, limit: 25, offset: 0 })).toEqual({
      next: null,
      previous: null,
    });
  });

  it('does not step back before the first item', () => {
    expect(pageLinks(PATH, {}, { total: 60, limit: 25, offset: 10 }).previous).toBe(
      '/api/v1/servers?limit=25&offset=0',
    );
  });

  it('steps back from past the end towards the list', () => {
    expect(pageLinks(PATH, {}, { total: 10, limit: 25, offset: 100 })).toEqual({
      next: null,
      previous: '/api/v1/servers?limit=25&offset=75',
    });
  });

  it('uses the effective limit, not the one in the query', () => {
    expect(pageLinks(PATH, { limit: '5000' }, { total: 3000, limit: 1000, offset: 0 }).next).toBe(
      '/api/v1/servers?limit=1000&offset=1000',
    );
  });

  it('repeats repeated parameters and leaves out absent ones', () => {
    expect(
      pageLinks(
        PATH,
        { discarded: ['true', 'false'], q: undefined, ramMb: '2048' },
        { total: 30, limit: 10, offset: 0 },
      ).next,
    ).toBe('/api/v1/servers?discarded=true&discarded=false&ramMb=2048&limit=10&offset=10');
  });

  it('URL-encodes names and values', () => {
    expect(
      pageLinks(
        PATH,
        { 'operatingSystem.name__ic': 'Red Hat', q: '50%_&=?#+é' },
        { total: 30, limit: 10, offset: 0 },
      ).next,
    ).toBe(
      '/api/v1/servers?operatingSystem.name__ic=Red%20Hat&q=50%25_%26%3D%3F%23%2B%C3%A9&limit=10&offset=10',
    );
  });
});
