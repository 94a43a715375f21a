/** 附表4-2-1-1 从事为中小企业服务人员情况表. */
import { TABLE_TITLES, STAFF_POSITIONS, SCHOOLS, COLLEGES, TITLES_SENIOR, TITLES_JUNIOR, NOTES, RowModel, TableModel, personName, mobile, seqCells } from '../model';
import type { TableContext } from './prepare';

export function buildStaffList(g: TableContext) {
  const { root, o, messy, planted, drafts } = g;
  // ===========================================================================================
  // 附表4-2-1-1 从事为中小企业服务人员情况表
  // ===========================================================================================
  const staffRng = root.fork('staff');
  const staffRows: RowModel[] = [];
  {
    const qualified = Math.min(o.staff, Math.max(8, Math.round(o.staff * 0.75)));
    const flags = staffRng.shuffle(Array.from({ length: o.staff }, (_, i) => i < qualified));
    flags.forEach((q, i) => {
      const edu = q
        ? staffRng.weighted([
            ['博士研究生', 1],
            ['硕士研究生', 4],
            ['本科', 6],
          ] as const)
        : staffRng.weighted([
            ['本科', 2],
            ['大专', 3],
            ['高中', 1],
          ] as const);
      const [title, issuer] = q ? staffRng.pick(TITLES_SENIOR) : staffRng.pick(TITLES_JUNIOR);
      const school = edu === '大专' ? staffRng.pick(COLLEGES) : edu === '高中' ? '北京市昌平区第一中学' : staffRng.pick(SCHOOLS);
      staffRows.push({
        kind: 'data',
        cells: {
          name: personName(staffRng),
          position: i === 0 ? '总经理' : staffRng.pick(STAFF_POSITIONS.slice(1)),
          education: edu,
          school,
          qualification: title,
          issuer: issuer || (messy ? '—' : null),
          phone: mobile(staffRng),
        },
      });
    });
  }
  if (planted) {
    // staff-title-unrecognized: a degree holder (so 门槛8 keeps its count) whose 资格 is an honour, not a title.
    const withDegree = staffRows.filter((r) => r !== staffRows[0] && /本科|硕士|博士/.test(String(r.cells.education)));
    const row = root.fork('plant-staff-title').pick(withDegree);
    row.cells.qualification = '优秀青年人才';
    row.cells.issuer = messy ? '—' : null;
    drafts.push({
      check: 'staff-title-unrecognized',
      table: '4-2-1-1',
      row,
      key: 'qualification',
      related: [],
      extraRow: false,
      description: `"${String(row.cells.name)}" lists 优秀青年人才, an honour the rules cannot place as a title`,
    });
  }
  seqCells(staffRows);
  const staffTable: TableModel = {
    id: '4-2-1-1',
    columns: [
      { key: 'seq', header: '序号', width: 6 },
      { key: 'name', header: '姓名', width: 10 },
      { key: 'position', header: '职务', width: 14 },
      { key: 'education', header: '学历', width: 12, group: '教育情况' },
      { key: 'school', header: '毕业院校及专业', width: 32, group: '教育情况' },
      { key: 'qualification', header: '资格/资质名称', width: 16, group: '专业资质情况' },
      { key: 'issuer', header: '发证机关', width: 28, group: '专业资质情况' },
      { key: 'phone', header: '联系电话', width: 15 },
    ],
    rows: staffRows,
    titleLines: messy ? ['附表4-2-1-1', TABLE_TITLES['4-2-1-1']] : [],
    stampLine: null,
    unitLine: null,
    note: messy ? NOTES['4-2-1-1'] ?? null : null,
    amountUnit: null,
  };

  return { staffTable };
}
