import { acceptsCsv, csvCell, csvLines } from './csv-export';

describe('CSV export', () => {
  it('quotes cells with quotes, commas or line breaks (RFC 4180), and leaves others alone', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('ünïcödé サーバー')).toBe('ünïcödé サーバー');
    expect(csvCell(null)).toBe('');
    expect(csvCell(4096)).toBe('4096');
    expect(csvCell(false)).toBe('false');
  });

  it("prefixes what a spreadsheet would run as a formula with '", () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes a header row, then one CRLF-terminated line per item, page after page', async () => {
    async function* pages() {
      yield [{ n: 'a', v: 1 }];
      yield [
        { n: 'b,c', v: 2 },
        { n: '-d', v: 3 },
      ];
    }
    const lines: string[] = [];
    const columns = [
      { header: 'name', value: (item: { n: string }) => item.n },
      { header: 'value', value: (item: { v: number }) => item.v },
    ];
    for await (const chunk of csvLines(columns, pages())) lines.push(chunk);
    expect(lines.join('')).toBe('name,value\r\na,1\r\n"b,c",2\r\n\'-d,3\r\n');
  });

  it('answers CSV only when the client asks for text/csv', () => {
    expect(acceptsCsv('text/csv')).toBe(true);
    expect(acceptsCsv('application/json, Text/CSV;q=0.9')).toBe(true);
    expect(acceptsCsv('application/json')).toBe(false);
    expect(acceptsCsv('*/*')).toBe(false);
    expect(acceptsCsv(undefined)).toBe(false);
  });
});
