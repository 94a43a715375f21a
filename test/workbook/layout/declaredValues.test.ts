import type { DeclaredFigure } from '../../../src/domain/report';
import { declaredFor } from '../../../src/workbook/layout/declaredValues';
import { DEFAULT_RUBRIC } from '../../../src/workbook/layout/rubric';
import { computeScoring, layoutScoringSheet, SCORING_COLS } from '../../../src/workbook/layout/scoringSheet';
import { makeReport } from './fixtures';

function fig(id: string, declared: number | null): DeclaredFigure {
  return { id, label: id, unit: '', declared, verified: null, status: 'unverified', tolerance: '', file: 'a.xlsx', sheet: '申报数据', cell: 'D2' };
}

const report = makeReport({
  declared: [
    fig('二.13(1).京津冀', 130),
    fig('二.13(1).占比', 82),
    fig('二.7.专精特新', 3),
    fig('二.7.国家小巨人', 2),
    fig('三.3(1)', 9),
    fig('二.3', null),
  ],
});

test.each([
  ['T4', 130],
  ['T9', 0.82],
  ['6', 130],
  ['7', 5],
  ['8.3(1)', 9],
  ['T5', null],
  ['T1', null],
  ['12', null],
])('declaredFor(%s) → %s', (id, value) => expect(declaredFor(report, id)).toBe(value));

test('the 评分表 shows 申报值 beside 核定值, for thresholds and indicators', () => {
  const layout = layoutScoringSheet(report, DEFAULT_RUBRIC);
  const rowOfId = (id: string) => layout.cells.find((c) => c.col === SCORING_COLS.id && c.value === id)!.row;
  const at = (row: number, col: number) => layout.cells.find((c) => c.row === row && c.col === col)?.value;
  expect(at(rowOfId('T4'), SCORING_COLS.declared)).toBe(130);
  expect(at(rowOfId('6'), SCORING_COLS.declared)).toBe(130);
  expect(computeScoring(report, DEFAULT_RUBRIC).thresholds.find((t) => t.threshold.id === 'T9')?.declared).toBe(0.82);
});
