/**
 * The eight attachment tables of 附件4-2-1 and the header words that identify their columns.
 * Submitted headers vary (docs/reference.md §5), so each field lists synonyms; the longest match wins.
 */
import { withoutBracketed } from './linearText';

export type TableKind = '4-2-1-1' | '4-2-1-2' | '4-2-1-3' | '4-2-1-4' | '4-2-1-5' | '4-2-1-6' | '4-2-1-7' | '4-2-1-8';

export type FieldType = 'text' | 'amount' | 'date' | 'percent' | 'count';

/** Every column key the table specs use. */
export const FIELD_KEYS = ['activity', 'amount', 'assets', 'category', 'contact', 'content', 'contract', 'creditCode', 'date', 'description', 'education', 'employees', 'enterprise', 'enterprises', 'fee', 'industry', 'institution', 'issuer', 'people', 'person', 'phone', 'place', 'position', 'price', 'product', 'province', 'qualification', 'revenue', 'satisfaction', 'school', 'seq', 'signDate', 'sizeClass'] as const;

/** A column of an attachment table, by the name the code uses for it. */
export type FieldKey = (typeof FIELD_KEYS)[number];

export interface FieldSpec {
  key: FieldKey;
  /** The guide's column title, used in messages. */
  label: string;
  type: FieldType;
  /** Header words that name this column, after {@link headerKey} normalisation. */
  synonyms: string[];
}

export interface TableSpec {
  kind: TableKind;
  /** 附表4-2-1-2 */
  name: string;
  /** 年度服务企业名单 */
  title: string;
  fields: FieldSpec[];
  /** Fields whose columns must all be found for a header to count as this table. */
  required: FieldKey[];
}

const seq: FieldSpec = { key: 'seq', label: '序号', type: 'text', synonyms: ['序号', '编号No', 'No'] };
const enterprise: FieldSpec = {
  key: 'enterprise',
  label: '服务企业名称',
  type: 'text',
  synonyms: ['服务企业名称', '企业名称', '服务对象名称', '服务对象', '客户名称', '单位名称', '甲方名称', '公司名称'],
};
const creditCode: FieldSpec = {
  key: 'creditCode',
  label: '统一社会信用代码',
  type: 'text',
  synonyms: ['统一社会信用代码', '社会信用代码', '信用代码'],
};
const content: FieldSpec = {
  key: 'content',
  label: '服务内容',
  type: 'text',
  synonyms: ['服务内容', '服务主要内容', '主要服务内容', '提供的服务内容', '服务项目'],
};
const phone: FieldSpec = { key: 'phone', label: '联系电话', type: 'text', synonyms: ['联系电话', '电话', '手机', '联系方式'] };

export const TABLE_SPECS: readonly TableSpec[] = [
  {
    kind: '4-2-1-1',
    name: '附表4-2-1-1',
    title: '从事为中小企业服务人员情况表',
    required: ['person'],
    fields: [
      seq,
      { key: 'person', label: '姓名', type: 'text', synonyms: ['姓名', '人员姓名'] },
      { key: 'position', label: '职务', type: 'text', synonyms: ['职务', '岗位', '职位'] },
      { key: 'education', label: '学历', type: 'text', synonyms: ['学历', '最高学历', '教育情况', '学历学位'] },
      { key: 'school', label: '毕业院校及专业', type: 'text', synonyms: ['毕业院校及专业', '毕业院校', '所学专业'] },
      {
        key: 'qualification',
        label: '资格/资质名称',
        type: 'text',
        synonyms: ['资格/资质名称', '资格资质名称', '资质名称', '专业资质情况', '职称', '技术职称', '专业技术职称', '资格证书'],
      },
      { key: 'issuer', label: '发证机关', type: 'text', synonyms: ['发证机关', '发证单位', '颁发机构'] },
      phone,
    ],
  },
  {
    kind: '4-2-1-2',
    name: '附表4-2-1-2',
    title: '年度服务企业名单',
    required: ['enterprise', 'province'],
    fields: [
      seq,
      enterprise,
      content,
      {
        key: 'province',
        label: '所属省市',
        type: 'text',
        synonyms: ['所属省市', '所在省市', '省市', '所属地区', '所在地区', '所属区域', '注册地', '所在地', '地区'],
      },
      creditCode,
    ],
  },
  {
    kind: '4-2-1-3',
    name: '附表4-2-1-3',
    title: '年度合同订单列表',
    required: ['enterprise', 'amount'],
    fields: [
      seq,
      enterprise,
      { ...content, synonyms: ['服务主要内容', '服务内容', '主要服务内容', '合同内容'] },
      { key: 'sizeClass', label: '企业划型', type: 'text', synonyms: ['企业划型', '企业类型/划型', '划型', '企业规模', '企业类型'] },
      {
        key: 'amount',
        label: '合同/订单金额（万元）',
        type: 'amount',
        synonyms: ['合同/订单金额', '合同订单金额', '合同金额', '订单金额', '金额'],
      },
      {
        key: 'date',
        label: '合同/订单时间',
        type: 'date',
        synonyms: ['合同/订单时间', '合同订单时间', '合同时间', '订单时间', '签订时间', '签订日期', '合同日期', '付款时间', '日期', '时间'],
      },
      {
        key: 'contract',
        label: '合同号/订单号/银行回单号等',
        type: 'text',
        synonyms: ['合同号/订单号/银行回单号等', '合同号/订单号/银行回单号', '合同号', '订单号', '银行回单号', '合同编号'],
      },
      creditCode,
      { key: 'industry', label: '所属行业', type: 'text', synonyms: ['所属行业', '行业'] },
      { key: 'employees', label: '从业人员', type: 'count', synonyms: ['从业人员', '从业人数', '职工人数', '员工人数'] },
      { key: 'revenue', label: '营业收入', type: 'amount', synonyms: ['营业收入'] },
      { key: 'assets', label: '资产总额', type: 'amount', synonyms: ['资产总额'] },
    ],
  },
  {
    kind: '4-2-1-4',
    name: '附表4-2-1-4',
    title: '服务产品（项目）名单',
    required: ['product'],
    fields: [
      seq,
      { key: 'product', label: '服务产品（项目）名称', type: 'text', synonyms: ['服务产品名称', '产品名称', '服务产品', '产品(项目)名称'] },
      { key: 'category', label: '服务产品（项目）分类', type: 'text', synonyms: ['服务产品分类', '产品分类', '分类', '类别'] },
      { key: 'description', label: '内容介绍', type: 'text', synonyms: ['内容介绍', '产品介绍', '简介', '介绍'] },
      { key: 'price', label: '价格', type: 'text', synonyms: ['价格', '收费标准', '收费'] },
    ],
  },
  {
    kind: '4-2-1-5',
    name: '附表4-2-1-5',
    title: '服务活动台账',
    required: ['activity'],
    fields: [
      seq,
      { key: 'activity', label: '活动名称', type: 'text', synonyms: ['活动名称', '活动主题', '活动'] },
      { key: 'date', label: '时间', type: 'date', synonyms: ['活动时间', '活动日期', '时间', '日期'] },
      { key: 'place', label: '地点', type: 'text', synonyms: ['活动地点', '地点', '举办地点'] },
      { key: 'enterprises', label: '参与企业家数', type: 'count', synonyms: ['参与企业家数', '参与企业数', '参加企业家数', '企业家数', '企业数'] },
      { key: 'people', label: '参与人数', type: 'count', synonyms: ['参与人数', '参加人数', '人数'] },
      { key: 'fee', label: '收费情况', type: 'text', synonyms: ['收费情况', '收费金额', '收费'] },
    ],
  },
  {
    kind: '4-2-1-6',
    name: '附表4-2-1-6',
    title: '服务对象满意度调查表',
    required: ['enterprise', 'satisfaction'],
    fields: [
      seq,
      enterprise,
      content,
      { key: 'contact', label: '联系人', type: 'text', synonyms: ['联系人'] },
      phone,
      { key: 'satisfaction', label: '服务满意度（%）', type: 'percent', synonyms: ['服务满意度', '满意度'] },
    ],
  },
  {
    kind: '4-2-1-7',
    name: '附表4-2-1-7',
    title: '合作服务机构名单',
    required: ['institution'],
    fields: [
      seq,
      {
        key: 'institution',
        label: '合作服务机构名称',
        type: 'text',
        synonyms: ['合作服务机构名称', '合作机构名称', '服务机构名称', '机构名称', '合作单位名称', '合作单位'],
      },
      { key: 'category', label: '服务类别', type: 'text', synonyms: ['服务类别', '机构类别', '类别'] },
      content,
      {
        key: 'signDate',
        label: '签订协议时间',
        type: 'date',
        synonyms: ['签订协议时间', '协议签订时间', '签订时间', '签约时间', '协议时间', '签订日期', '合作时间'],
      },
    ],
  },
  {
    kind: '4-2-1-8',
    name: '附表4-2-1-8',
    title: '服务创新型高成长中小企业名单',
    required: ['enterprise', 'qualification'],
    fields: [
      seq,
      enterprise,
      { key: 'qualification', label: '企业资质', type: 'text', synonyms: ['企业资质', '资质名称', '资质类型', '资质'] },
      content,
      creditCode,
    ],
  },
];

export function specOf(kind: TableKind): TableSpec {
  const spec = TABLE_SPECS.find((s) => s.kind === kind);
  if (!spec) throw new Error(`unknown table kind ${kind}`);
  return spec;
}

/**
 * A header cell reduced to its words: width folded, white space and bracketed units removed.
 *
 * @example
 * headerKey('合同/订单金额（万元）') // '合同/订单金额'
 * headerKey(' 服务产品（项目）名称 ') // '服务产品名称'
 */
export function headerKey(text: string): string {
  return withoutBracketed(text.normalize('NFKC').replace(/\s+/g, ''), ['()']).replace(/[*＊:：]/g, '');
}

/** The unit a header states for its amounts: 元 when it says 元 but not 万元. */
export function headerUnit(text: string): '万元' | '元' {
  const t = text.normalize('NFKC');
  if (t.includes('万元') || t.includes('万')) return '万元';
  return /元/.test(t) ? '元' : '万元';
}
