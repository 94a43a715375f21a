import { freeSheetNames, renameLayoutSheets } from '../../../src/workbook/layout/renameSheets';
import type { SheetLayout } from '../../../src/workbook/layout/types';

function layout(name: string, cells: SheetLayout['cells']): SheetLayout {
  return {
    name,
    cells,
    merges: [],
    columns: [],
    rowHeights: [],
    dataValidations: [],
    conditionalFormats: [],
    print: { orientation: 'landscape', paperSize: 'A4', scale: 100 },
  } as unknown as SheetLayout;
}

describe('freeSheetNames', () => {
  it('keeps names nobody holds and numbers the taken ones, without case', () => {
    expect([...freeSheetNames(['评分表', '问题清单', 'Notes'], ['问题清单', 'notes', 'notes (2)'])]).toEqual([
      ['问题清单', '问题清单 (2)'],
      ['Notes', 'Notes (3)'],
    ]);
    expect(freeSheetNames(['评分表'], ['其他'])).toEqual(new Map());
  });
});

describe('renameLayoutSheets', () => {
  const scoring = layout('评分表', [
    { row: 1, col: 1, value: { formula: "'评分细则'!$D$7*2", result: 4 } },
    { row: 2, col: 1, value: { formula: "SUM('问题清单'!A1:A3)", result: 0 } },
    { row: 3, col: 1, value: '见评分细则', hyperlink: { sheet: '评分细则', cell: 'A1' } },
    { row: 4, col: 1, value: "'评分细则'!$D$7", text: true },
  ]);

  it('renames the sheet, the references to it and the links to it, and nothing else', () => {
    const [out] = renameLayoutSheets([scoring], new Map([['评分细则', '评分细则 (2)']]));
    expect(out.name).toBe('评分表');
    expect(out.cells[0].value).toEqual({ formula: "'评分细则 (2)'!$D$7*2", result: 4 });
    expect(out.cells[1].value).toEqual({ formula: "SUM('问题清单'!A1:A3)", result: 0 });
    expect(out.cells[2].hyperlink).toEqual({ sheet: '评分细则 (2)', cell: 'A1' });
    // Text is data, never a reference.
    expect(out.cells[3].value).toBe("'评分细则'!$D$7");
    expect(scoring.cells[0].value).toEqual({ formula: "'评分细则'!$D$7*2", result: 4 });
  });

  it('quotes names with apostrophes as formulas need them', () => {
    const [out] = renameLayoutSheets([scoring, layout('评分细则', [])], new Map([['评分细则', "张三's 细则"]]));
    expect(out.cells[0].value).toEqual({ formula: "'张三''s 细则'!$D$7*2", result: 4 });
  });
});
