/** Lines the command line prints that more than one entry point shares. */

/** The terminal's word that some of the reviewer's changes could not be kept, and where they are listed. */
export function unkeptNotice(count: number): string {
  return `注意：上一版审核工作簿中有 ${count} 处评审修改（生成的列、审核助手不写入的单元格或材料副本中）本次未能保留，已原样列在「未保留的修改」工作表中，请核对后转录`;
}
