// 附件4-2：申报的数字须互相一致（占比 = 服务中小企业收入 ÷ 营业收入；其中数不多于总数）
import { checkTester, table, type SheetFixture } from '../../helpers/submission';

const service = table('4-2-1-2', [[1, '北京甲公司', 'x', '北京']], { name: '名单' });
const declaredSheet = (rows: unknown[][]): SheetFixture => ({ name: '申报数据', rows: [['编号', '项目', '申报值', '单位'], ...rows] });

checkTester('declared-inconsistent', {
  valid: [
    {
      name: 'a share within 0.5 points of its figures; parts no larger than their wholes',
      files: {
        'a.xlsx': [
          service,
          declaredSheet([
            ['一.9', '单位从业人数', 50, '人'],
            ['一.10', '从事中小企业服务人员的数量', 30, '人'],
            ['一.11', '其中本科及以上…', 30, '人'],
            ['二.13(1).营业收入', '营业收入', 1000, '万元'],
            ['二.13(1).服务中小企业收入', '服务中小企业收入', 853, '万元'],
            ['二.13(1).占比', '占比', '85.5%', '%'],
            ['二.13(1).京津冀', '京津冀', 120, '家'],
            ['二.13(1).北京', '北京', 120, '家'],
          ]),
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'a share 10 points off, 北京 over 京津冀, 一.11 over 一.10 over 一.9',
      files: {
        'a.xlsx': [
          service,
          declaredSheet([
            ['一.9', '单位从业人数', 20, '人'],
            ['一.10', '从事中小企业服务人员的数量', 30, '人'],
            ['一.11', '其中本科及以上…', 31, '人'],
            ['二.13(1).营业收入', '营业收入', 1000, '万元'],
            ['二.13(1).服务中小企业收入', '服务中小企业收入', 853, '万元'],
            ['二.13(1).占比', '占比', '95.3%', '%'],
            ['二.13(1).京津冀', '京津冀', 100, '家'],
            ['二.13(1).北京', '北京', 120, '家'],
          ]),
        ],
      },
      findings: [
        { at: '申报数据!C3', messageId: 'serving', data: { serving: '30', staff: '20' } },
        { at: '申报数据!C4', messageId: 'qualified', data: { qualified: '31', serving: '30' } },
        { at: '申报数据!C7', messageId: 'share', data: { share: '95.3', sme: '853', revenue: '1000', computed: '85.3', difference: '10' } },
        { at: '申报数据!C9', messageId: 'beijing', data: { beijing: '120', jjj: '100' } },
      ],
    },
    {
      // 附件4-2【二】13「（2）2023年度——…为中小企业提供服务的营业收入占营业总收入的比重（%）…服务京津冀企业家数：其中北京企业家数」
      name: 'the 2023 block (二.13(2)) checked like the 2024 one, by id or by its year-named label',
      files: {
        'a.xlsx': [
          service,
          declaredSheet([
            ['二.13(2).营业收入', '2023年度营业收入', 800, '万元'],
            [null, '2023年度服务中小企业收入', 600, '万元'],
            ['二.13(2).占比', '占比', 80, '%'],
            [null, '2023年度服务京津冀企业家数', 90, '家'],
            ['二.13(2).北京', '北京', 95, '家'],
          ]),
        ],
      },
      findings: [
        { at: '申报数据!C4', messageId: 'share', data: { year: '2023', share: '80', sme: '600', revenue: '800', computed: '75', difference: '5' } },
        { at: '申报数据!C6', messageId: 'beijing', data: { year: '2023', beijing: '95', jjj: '90' } },
      ],
    },
  ],
});
