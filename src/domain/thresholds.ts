/**
 * 门槛条件 T1–T11 by the guide's numbering. Those the tables can decide are computed; the rest
 * (licences, audits, credit records, systems, rules) stay for the reviewer to record.
 */
import type { Indicators, Threshold } from './report';

function decide(id: string, title: string, value: number | null, required: number, pass: boolean, note: string): Threshold {
  return { id, title, status: pass ? 'pass' : 'fail', value, required, note };
}

function manual(id: string, title: string, note: string, value: number | null = null): Threshold {
  return { id, title, status: 'manual', value, required: null, note };
}

/** The T4 note: how the count was reached, what was left out, and when merging decides the result. */
function t4Note(ind: Indicators, required: number, manufacturing: boolean): string {
  const parts = [`附表4-2-1-2 去重后京津冀中小企业 ${ind.jjjEnterprises} 家（北京 ${ind.byRegion.北京}、天津 ${ind.byRegion.天津}、河北 ${ind.byRegion.河北}），共 ${ind.serviceEnterprises} 家`];
  if (ind.jjjLargeExcluded > 0) parts.push(`另有 ${ind.jjjLargeExcluded} 家在附表4-2-1-3 中申报为大型，不属中小企业，未计入`);
  const merged = ind.jjjCreditCodeMerged;
  if (merged > 0 && ind.jjjEnterprises >= required !== ind.jjjEnterprises + merged >= required) {
    parts.push(`结论取决于按统一社会信用代码合并的 ${merged} 行（名称不同、代码相同）：不合并则为 ${ind.jjjEnterprises + merged} 家，请核对`);
  }
  if (manufacturing) parts.push('按生产制造环节服务平台放宽至50家');
  return parts.join('；');
}

function pct(n: number | null, digits = 1): string {
  return n === null ? '—' : `${(n * 100).toFixed(digits)}%`;
}

/**
 * Evaluate the eleven threshold conditions from the indicators.
 *
 * @example
 * evaluateThresholds(indicators, { manufacturing: false }).find((t) => t.id === 'T4')?.status // 'pass'
 */
export function evaluateThresholds(ind: Indicators, options: { manufacturing: boolean; declaredFreeShare?: number | null }): Threshold[] {
  const t4Required = options.manufacturing ? 50 : 100;
  const t11SampleOk = ind.satisfactionSample >= ind.satisfactionSampleRequired;
  const t11Value = ind.averageSatisfaction;
  return [
    manual('T1', '独立法人，注册在北京市，有固定场所，成立两年以上', '核对营业执照或法人证书、房屋产权证或租赁合同'),
    manual('T2', '上年末资产总额不低于300万元', '核对上一年度财务审计报告（机关事业单位、社团法人主办的可适度放宽）'),
    manual('T3', '近两年无刑事及严重行政处罚，无严重失信行为', '核对“信用中国（北京）”查询截图及法定代表人诚信承诺'),
    decide(
      'T4',
      `上年度服务京津冀中小企业不少于${t4Required}家`,
      ind.jjjEnterprises,
      t4Required,
      ind.jjjEnterprises >= t4Required,
      t4Note(ind, t4Required, options.manufacturing),
    ),
    decide(
      'T5',
      '集聚专业服务机构5家以上',
      ind.cooperatingInstitutions,
      5,
      ind.cooperatingInstitutions >= 5,
      `附表4-2-1-7 中签订日期在审核年度末之前的不同机构 ${ind.cooperatingInstitutions} 家（“以上”含本数）`,
    ),
    manual('T6', '具备网站、APP、小程序等至少1种信息化服务手段', '核对信息化系统备案、许可证或截图'),
    manual('T7', '运营管理规范，服务制度完善', '核对管理体系认证证书，或不少于8项管理制度文件'),
    decide(
      'T8',
      '本科及以上学历和中级及以上技术职称专业人员不少于8人',
      ind.qualifiedStaff,
      8,
      ind.qualifiedStaff >= 8,
      `附表4-2-1-1 中符合条件的人员 ${ind.qualifiedStaff} 人（不重复）`,
    ),
    decide(
      'T9',
      '为中小企业服务的营业收入占比不低于50%',
      ind.smeRevenueShare,
      0.5,
      ind.smeRevenueShare !== null && ind.smeRevenueShare >= 0.5,
      ind.smeRevenueShare === null
        ? '附表4-2-1-3 没有审核年度内带金额的订单，无法计算'
        : `附表4-2-1-3 审核年度内中型、小型、微型企业订单金额占全部订单金额 ${pct(ind.smeRevenueShare)}（划型缺失或无效的订单只计入分母）`,
    ),
    // 「提供上一年度为企业提供的公益性免费服务在总服务量中的占比说明（需明确具体占比数字并加盖公章）」:
    // a stamped statement the tables cannot replace, so the reviewer decides.
    manual(
      'T10',
      '为中小企业提供一定的公益性免费服务',
      [
        `附表中免费活动 ${ind.freeServices.activities} 次、免费服务产品 ${ind.freeServices.products} 项`,
        ind.freeServices.partlyFree.activities + ind.freeServices.partlyFree.products > 0
          ? `部分免费的活动 ${ind.freeServices.partlyFree.activities} 次、产品 ${ind.freeServices.partlyFree.products} 项（另计）`
          : '',
        options.declaredFreeShare != null ? `申报的公益性免费服务占比 ${options.declaredFreeShare}%（二.8）` : '未申报公益性免费服务占比（二.8）',
        '请核对盖章的占比说明',
      ]
        .filter(Boolean)
        .join('；'),
      ind.freeServices.total,
    ),
    decide(
      'T11',
      '服务对象满意度不低于90%，调查数量不少于服务企业数的40%（最多100家）',
      t11Value === null ? null : Number(t11Value.toFixed(2)),
      90,
      t11Value !== null && t11Value >= 90 && t11SampleOk,
      `平均满意度 ${t11Value === null ? '—' : t11Value.toFixed(2) + '%'}；调查企业 ${ind.satisfactionSample} 家，应不少于 ${ind.satisfactionSampleRequired} 家${t11SampleOk ? '' : '（数量不足）'}`,
    ),
  ];
}
