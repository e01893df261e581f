import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defuseFormula, delimitedDocument, delimitedField, delimitedLine, FORMULA_TRIGGERS, textCell, valueCell } from './csv';

describe('quoting', () => {
  it('quotes only when needed, doubling quotes', () => {
    expect(delimitedField(textCell('plain, with comma'), 'tsv')).toBe('plain, with comma');
    expect(delimitedField(textCell('tab\there'), 'tsv')).toBe('"tab\there"');
    expect(delimitedField(textCell('say "hi"'), 'tsv')).toBe('"say ""hi"""');
    expect(delimitedField(textCell('two\nlines'), 'tsv')).toBe('"two\nlines"');
    expect(delimitedField(textCell('a,b'), 'csv')).toBe('"a,b"');
    expect(delimitedField(textCell('tab\there'), 'csv')).toBe('tab\there');
    expect(delimitedField(textCell(''), 'csv')).toBe('');
  });

  it('joins lines with the separator and ends each with CRLF', () => {
    expect(delimitedLine([textCell('a'), valueCell('1')], 'tsv')).toBe('a\t1');
    expect(delimitedDocument([[textCell('h')], [valueCell('2')]], 'csv')).toBe('h\r\n2\r\n');
  });
});

describe('formula cells', () => {
  it('prefixes a quote to text that starts with = + - @ tab or CR, and quotes it when it needs quotes', () => {
    expect(delimitedField(textCell('=HYPERLINK("http://x.example","x")'), 'csv')).toBe('"\'=HYPERLINK(""http://x.example"",""x"")"');
    expect(delimitedField(textCell('+1'), 'csv')).toBe("'+1");
    expect(delimitedField(textCell('-5+cmd|calc'), 'csv')).toBe("'-5+cmd|calc");
    expect(delimitedField(textCell('@SUM(A1)'), 'tsv')).toBe("'@SUM(A1)");
    expect(delimitedField(textCell('\t=1'), 'csv')).toBe("'\t=1");
    expect(delimitedField(textCell('\t=1'), 'tsv')).toBe('"\'\t=1"');
    expect(delimitedField(textCell('\r=1'), 'csv')).toBe('"\'\r=1"');
  });

  it('keeps typed values as they are: a negative number stays a number', () => {
    expect(delimitedField(valueCell('-5'), 'csv')).toBe('-5');
    expect(delimitedField(valueCell('-1.50'), 'tsv')).toBe('-1.50');
    expect(delimitedField(textCell('-5'), 'csv')).toBe("'-5");
  });

  it('leaves text alone that does not start like a formula', () => {
    expect(delimitedField(textCell('a=b'), 'csv')).toBe('a=b');
    expect(delimitedField(textCell(' =1'), 'csv')).toBe(' =1');
    expect(defuseFormula('')).toBe('');
  });

  it('never writes a text field whose first character (inside quotes) is a trigger', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('csv' as const, 'tsv' as const), (text, format) => {
        const field = delimitedField(textCell(text), format);
        const first = field.startsWith('"') ? field.charAt(1) : field.charAt(0);
        expect(FORMULA_TRIGGERS).not.toContain(first);
      }),
    );
  });
});
