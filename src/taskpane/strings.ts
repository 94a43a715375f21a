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
    timeout: '等待 Office 就绪超时。',
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
    '当前 Excel 版本不支持 ExcelApi 1.13（insertWorksheetsFromBase64），无法直接插入模板工作表；请升级 Excel 以使用完整功能。',
} as const;
