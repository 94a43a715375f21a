/** User-facing text of the task pane (simplified Chinese). */
export const strings = {
  title: '示范平台审核助手',
  description:
    '协助审核北京市中小企业公共服务示范平台的年度绩效评价材料：读取当前工作簿中的申报表格，逐项检查并给出审核意见。',
  startReview: '开始审核',
  startReviewPending: '审核功能即将开放',
  detecting: '正在连接 Excel…',

  outsideTitle: '当前未在 Excel 中运行',
  outsideReason: {
    'no-office': 'Office 脚本库（office.js）未能加载，可能是网络不可用。',
    'not-excel': '此页面没有在 Excel 中打开，审核功能需要 Excel 加载项环境。',
    timeout: 'Excel 尚未响应（已等待 3 秒），仍在继续连接，连接成功后本页会自动切换到审核界面。如果本页不是在 Excel 中打开的，请按下面的步骤旁加载。',
  },
  otherHost: (host: string) => `当前宿主为 ${host}，本加载项仅支持 Excel。`,
  sideloadIntro: '请将本加载项的 manifest.xml 旁加载到 Excel 后再使用：',
  sideloadWindows:
    'Windows：把 manifest.xml 放进一个共享文件夹，在 Excel“信任中心 → 受信任的加载项目录”中添加该文件夹的网络路径，重启 Excel 后在“插入 → 我的加载项 → 共享文件夹”中选择本加载项。',
  sideloadMac:
    'Mac：把 manifest.xml 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef 文件夹，重启 Excel 后在“插入 → 我的加载项”中选择本加载项。',
  sideloadWeb: 'Excel 网页版：依次点击“插入 → 加载项 → 上传我的加载项”，选择 manifest.xml 上传。',

  apiHighest: (version: string) => `当前 Excel 支持 ExcelApi ${version}。`,
  apiMissingInsertSheets:
    '当前 Excel 版本不支持 ExcelApi 1.13（insertWorksheetsFromBase64）：导入材料时只复制数值，不保留原表的格式和公式。',
  standaloneLink: '没有 Excel？可在浏览器中打开独立审核页面（review.html），选择文件即可审核并下载审核工作簿。',
  standaloneTitle: '示范平台审核助手（独立页面）',
  standaloneDescription: '无需 Excel：选择或拖入平台提交的 Excel 材料（.xlsx、.xls、WPS .et、.ods 或 .csv），在浏览器中完成审核并下载审核工作簿。文件只在本机浏览器中处理，不会上传。',

  platformSection: '审核对象',
  platformLabel: '平台（附件4-1 名录）',
  platformPlaceholder: '输入平台或运营单位名称搜索',
  platformNoMatch: '名录中没有匹配的平台；可直接选择服务类别',
  platformFree: (name: string) => `使用“${name}”（不在名录中）`,
  categoryLabel: '服务类别',
  categoryPlaceholder: '选择服务类别',
  yearLabel: '审核年度',
  manufacturingLabel: '生产制造环节平台（服务企业门槛按 50 家计）',
  rosterInfo: (unit: string, district: string) => `运营单位：${unit}　所属区：${district}`,

  filesSection: '平台材料',
  importButton: '导入平台材料',
  importHint: '选择平台提交的 Excel 文件（.xlsx、.xls、WPS .et、.ods 或 .csv，可多选），其工作表将复制到当前工作簿末尾，原有内容不变。',
  pickButton: '选择文件',
  dropHint: '把 Excel 文件（.xlsx、.xls、.et、.ods、.csv）拖到这里，或点击“选择文件”',
  sampleButton: '载入示例',
  clearFiles: '清空',
  filesChosen: (n: number) => `已选择 ${n} 个文件`,
  importing: '正在导入…',
  imported: (sheets: number, files: number) => `已导入 ${files} 个文件的 ${sheets} 张工作表。`,
  importedValuesOnly: (file: string, couldInsert: boolean) =>
    `「${file}」只复制了数值：${couldInsert ? 'Excel 未能直接插入此文件' : '当前 Excel 不支持直接插入工作表'}，原表的格式和公式没有保留（公式只保留了计算结果）。`,
  importedRecalculated:
    'Excel 直接插入的工作表保留了公式，Excel 会重新计算这些公式；命令行和独立审核页面审核的是文件中保存的计算结果，因此两者的核定数可能不同。',
  importProblem: (file: string, reason: string) => `「${file}」未导入：${reason}`,
  workbookHint: '将审核当前工作簿中的全部工作表（审核表和隐藏的记录表除外）。',

  startReviewNeedsCategory: '请先选择平台或服务类别',
  startReviewNeedsFiles: '请先选择平台材料文件',
  stage: { read: '读取', check: '检查', write: '写入' },
  stageText: { read: '正在读取表格…', check: '正在检查材料…', write: '正在写入审核表…' },

  resultSection: '审核结果',
  verdictLabel: '评价结论',
  score: (total: number, max: number) => `得分 ${total} / ${max}`,
  computableScore: (total: number, max: number) => `系统可计算部分 ${total} / ${max}`,
  manualScoreNote: (count: number, points: number, max: number) =>
    `另有 ${count} 项指标（共 ${points} 分）需人工核定，在评分表中填写后得出总分（满分 ${max}）。`,
  scoreNote: '得分按示例评分细则计算，正式评审请以官方细则为准。',
  manualItems: (n: number) => `${n} 项指标需人工核定`,
  reasonPending: (ids: string) => `${ids} 待核`,
  reasonFailed: (ids: string) => `${ids} 不符合`,
  reasonBelowPass: (total: number, pass: number) => `系统可计算部分 ${total} 分，低于合格分数线 ${pass} 分`,
  reasonPassed: (pass: number) => `门槛条件全部符合，得分不低于 ${pass} 分`,
  verifiedLabel: '核定',
  requiredLabel: '要求',
  declaredLabel: '申报',
  points: (points: number, max: number) => `${points} / ${max} 分`,
  thresholds: '门槛条件',
  thresholdStatus: { pass: '符合', fail: '不符合', manual: '待核' },
  indicators: '评分指标',
  manualIndicator: '人工核定',
  findings: '问题清单',
  findingsCount: (n: number, e: number, w: number, i: number) => `共 ${n} 条：错误 ${e}、警告 ${w}、提示 ${i}`,
  severityFilter: '严重程度',
  tableFilter: '附表',
  all: '全部',
  noFindings: '没有符合筛选条件的问题。',
  goToCell: '定位到单元格',
  wholeFile: '整个文件',

  writeButton: '写入审核表',
  downloadButton: '下载审核工作簿',
  clearMarksButton: '清除标记',
  written: (kept: number, marked: number, unkept = 0) =>
    `已写入评分表、评分细则、问题清单和抽查样本${kept ? `，保留了 ${kept} 处评审填写的内容` : ''}；已用底色标出 ${marked} 行问题数据（红：错误，黄：警告，蓝：提示）。` +
    (unkept ? `另有 ${unkept} 处在黄色单元格以外的修改无法放回原处，已原样列在“未保留的修改”表中，请核对后转录。` : ''),
  downloaded: (name: string) => `已生成并下载「${name}」。`,
  marksCleared: (n: number) => (n ? `已清除 ${n} 行标记，并恢复了原来的底色。` : '没有需要清除的标记。'),

  sizeSection: '划型测算',
  industryLabel: '所属行业',
  industryPlaceholder: '选择行业',
  employeesLabel: '从业人员（人）',
  revenueLabel: '营业收入（万元）',
  assetsLabel: '资产总额（万元）',
  sizeAnswer: (size: string) => `划型结果：${size}`,

  errorTitle: '操作未完成',
  dismiss: '关闭',
} as const;
