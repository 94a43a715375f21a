/**
 * The readable Chinese summary printed when no --json is asked for.
 */
import type { EnterpriseSample, OrderSample, ReviewReport, Severity } from '../domain/report';
import { SEVERITY_LABEL } from '../domain/report';
import { specOf } from '../domain/tableSpecs';

const STATUS: Record<string, string> = { pass: '✔ 符合', fail: '✘ 不符合', manual: '… 待核' };

function fmt(n: number | null, digits = 0): string {
  if (n === null) return '—';
  return digits === 0 ? String(n) : n.toFixed(digits);
}

/** How many findings of each check, most first. */
function countByCheck(report: ReviewReport): [string, Severity, number][] {
  const counts = new Map<string, { severity: Severity; n: number }>();
  for (const f of report.findings) {
    const c = counts.get(f.check) ?? { severity: f.severity, n: 0 };
    c.n++;
    counts.set(f.check, c);
  }
  return [...counts.entries()].map(([k, v]) => [k, v.severity, v.n] as [string, Severity, number]).sort((a, b) => b[2] - a[2]);
}

export function formatSummary(report: ReviewReport, maxFindings = 30): string {
  const lines: string[] = [];
  const ind = report.indicators;
  lines.push(`审核报告：${report.platform.name ?? '（未指定平台名称）'}`);
  lines.push(`服务类别：${report.platform.category}　审核年度：${report.year}${report.platform.unit ? `　运营单位：${report.platform.unit}` : ''}`);
  const s = report.scoring;
  if (s) {
    lines.push(`评价结论：${s.verdict}（${s.consequence}）　得分 ${s.total} / ${s.max}${s.rubric.official ? '' : `　按「${s.rubric.source}」计算，不是正式评审结果`}`);
  }
  lines.push('');
  lines.push('识别的附表：');
  for (const t of report.tables) {
    const spec = specOf(t.kind);
    lines.push(`  ${spec.name} ${spec.title}：${t.file} ›「${t.sheet}」表头第${t.headerRow}行，数据 ${t.dataRows} 行`);
  }
  lines.push('');
  lines.push('门槛条件：');
  for (const t of report.thresholds) {
    lines.push(`  ${t.id.padEnd(3)} ${STATUS[t.status]}　${t.title}`);
    // T10 is the reviewer's, but what the tables show of it is worth their reading.
    if (t.status !== 'manual' || t.value !== null) lines.push(`        ${t.note}`);
  }
  lines.push('');
  lines.push('评分指标（不重复计数）：');
  lines.push(`  服务企业 ${ind.serviceEnterprises} 家，其中京津冀 ${ind.jjjEnterprises} 家（北京 ${ind.byRegion.北京}、天津 ${ind.byRegion.天津}、河北 ${ind.byRegion.河北}）`);
  lines.push(`  合作服务机构 ${ind.cooperatingInstitutions} 家；符合条件的服务人员 ${ind.qualifiedStaff} 人`);
  lines.push(`  中小企业收入占比 ${ind.smeRevenueShare === null ? '—' : (ind.smeRevenueShare * 100).toFixed(1) + '%'}；平均满意度 ${fmt(ind.averageSatisfaction, 2)}%（调查 ${ind.satisfactionSample} 家，应不少于 ${ind.satisfactionSampleRequired} 家）`);
  const q = ind.innovativeEnterprises.byQualification;
  lines.push(`  创新型高成长企业（北京）${ind.innovativeEnterprises.total} 家：${Object.entries(q).map(([k, v]) => `${k} ${v}`).join('、')}`);
  lines.push(`  服务产品 ${ind.serviceProducts} 项；年度活动 ${ind.activities} 次，其中达到本类别要求 ${ind.qualifyingActivities} 次，政策宣讲 ${ind.policyTalks} 次`);
  lines.push(`  京津冀订单企业 ${ind.jjjOrderEnterprises} 家；免费服务：活动 ${ind.freeServices.activities} 次、产品 ${ind.freeServices.products} 项`);
  const prev = report.previousYear;
  if (prev) lines.push(`  新增北京市订单企业（8.4(2)，对比${prev.year}年度材料「${prev.source ?? ''}」）${prev.newFirms.length} 家：本年度有付费订单的北京企业 ${prev.beijingPaidOrderEnterprises} 家，其中 ${prev.returning} 家上一年度已有付费订单`);
  lines.push('');
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) bySeverity[f.severity]++;
  lines.push(`问题清单：错误 ${bySeverity.error} 条，警告 ${bySeverity.warning} 条，提示 ${bySeverity.info} 条`);
  for (const [check, severity, n] of countByCheck(report)) lines.push(`  ${SEVERITY_LABEL[severity]}　${check}：${n} 条`);
  lines.push('');
  for (const f of report.findings.slice(0, maxFindings)) {
    const at = [f.file, f.sheet && `「${f.sheet}」`, f.cell].filter(Boolean).join(' ');
    lines.push(`  [${SEVERITY_LABEL[f.severity]}] ${at ? at + '：' : ''}${f.message}`);
  }
  if (report.findings.length > maxFindings) lines.push(`  …… 另有 ${report.findings.length - maxFindings} 条，用 --json 导出全部`);
  lines.push('');
  lines.push(`抽查样本：${report.sampleRule.description}`);
  for (const s of report.sample.slice(0, 10) as (EnterpriseSample | OrderSample)[]) {
    const extra = 'orders' in s ? `${s.orders} 笔订单` : `合同号 ${s.contract || '—'}（第${s.row}行）`;
    lines.push(`  ${String(s.rank).padStart(3)}. ${s.enterprise}　${s.amount.toFixed(2)} 万元　${extra}${s.selection === 'random' ? '（随机）' : ''}`);
  }
  if (report.sample.length > 10) lines.push(`  …… 共 ${report.sample.length} 个`);
  return lines.join('\n');
}
