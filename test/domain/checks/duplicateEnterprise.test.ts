import { checkTester, table } from '../../helpers/submission';

const list = (rows: unknown[][]) => ({ 'a.xlsx': [table('4-2-1-2', rows, { name: '名单' })] });

checkTester('duplicate-enterprise', {
  valid: [
    { name: 'distinct enterprises', files: list([[1, '北京甲科技有限公司', '检测', '北京'], [2, '北京乙科技有限公司', '检测', '北京']]) },
    {
      name: 'different names, different credit codes',
      files: {
        'a.xlsx': [
          {
            name: '名单',
            rows: [
              ['序号', '服务企业名称', '服务内容', '所属省市', '统一社会信用代码'],
              [1, '北京甲科技有限公司', '检测', '北京', '91110000600037341L'],
              [2, '北京乙科技有限公司', '检测', '北京', '91350100M000100Y43'],
            ],
          },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'the same name twice: the later row is reported, naming the first',
      files: list([[1, '北京甲科技有限公司', '检测', '北京'], [2, '北京乙科技有限公司', '检测', '北京'], [3, '北京甲科技有限公司', '培训', '北京']]),
      findings: [{ at: '名单!B4', messageId: 'duplicate', data: { enterprise: '北京甲科技有限公司', firstTable: '附表4-2-1-2', firstRow: 2, firstName: '北京甲科技有限公司', how: '名称相同' } }],
    },
    {
      name: 'one enterprise typed two ways (full-width brackets, spaces, ideographic space)',
      files: list([[1, '北京甲（中国）科技有限公司', '检测', '北京'], [2, '北京甲 (中国)　科技有限公司', '培训', '北京']]),
      findings: [{ at: '名单!B3', messageId: 'duplicate', data: { firstRow: 2, how: '名称只在全角半角、括号或空格上不同，实为同一企业' } }],
    },
    {
      name: 'the same credit code under another name',
      files: {
        'a.xlsx': [
          {
            name: '名单',
            rows: [
              ['序号', '服务企业名称', '服务内容', '所属省市', '统一社会信用代码'],
              [1, '北京甲科技有限公司', '检测', '北京', '91110000600037341L'],
              [2, '北京甲科技', '检测', '北京', '９１１１００００６０００３７３４１Ｌ'],
            ],
          },
        ],
      },
      findings: [{ at: '名单!E3', messageId: 'duplicate', data: { enterprise: '北京甲科技', firstRow: 2, firstName: '北京甲科技有限公司', how: '统一社会信用代码相同（91110000600037341L）' } }],
    },
  ],
});
