/**
 * 门槛8 and 一.11: 「本科及以上学历和中级及以上技术职称专业人员」, by what the words mean.
 *
 * Sources of the tables below:
 * - 学历: the levels of the national education system (高中 → 中专 → 专科/高职 → 本科 → 研究生: 硕士, 博士);
 *   本科及以上 is 本科, 硕士 and 博士 and the degrees and routes that lead to them (学士, 专升本, MBA…).
 * - 职称: the professional-title series (职称系列) of 人力资源社会保障部: 初级 (助理级, 员级), 中级,
 *   副高级 and 正高级. 助理研究员 is the intermediate rank of the research series, as 讲师 is of higher
 *   education, and 三级律师 of lawyers.
 * - Not 技术职称: the vocational skill levels (职业技能等级: 初级工 … 高级技师) and occupational
 *   qualifications (职业资格, such as 心理咨询师, 人力资源管理师).
 * A word none of the tables places is left to the reviewer (check staff-title-unrecognized).
 */

export type StaffReading = 'counts' | 'not' | 'unknown';

/** 本科及以上: every word that says so (longest phrases are matched as they stand in the cell). */
export const DEGREE_WORDS: readonly string[] = [
  '本科', '大学本科', '学士', '专升本', '专接本', '硕士', '研究生', '博士', '博士后', '双学位',
  'MBA', 'EMBA', 'MPA', 'MPAcc', 'MEM', 'MFA', 'JM', 'LLM', '工程硕士', '学士学位', '硕士学位', '博士学位',
  'BACHELOR', 'MASTER', 'PHD', 'DOCTOR',
];

/** Below 本科. */
export const BELOW_DEGREE_WORDS: readonly string[] = ['大专', '专科', '大学专科', '高职', '高专', '中专', '中技', '技校', '职高', '高中', '初中', '小学'];

/** 中级 and above of the professional-title series. */
export const TITLE_WORDS: readonly string[] = [
  '中级', '副高', '高级', '正高', '正高级',
  '工程师', '高级工程师', '正高级工程师', '教授级高级工程师', '经济师', '高级经济师', '正高级经济师', '会计师', '高级会计师', '正高级会计师',
  '统计师', '高级统计师', '审计师', '高级审计师', '讲师', '副教授', '教授', '助理研究员', '副研究员', '研究员',
  '一级律师', '二级律师', '三级律师', '主治医师', '副主任医师', '主任医师', '主管药师', '主管护师', '编辑', '副编审', '编审', '记者', '主任记者', '高级记者',
  '翻译', '副译审', '译审', '农艺师', '高级农艺师', '畜牧师', '兽医师', '实验师', '高级实验师', '工艺美术师', '馆员', '副研究馆员', '研究馆员',
  '一级教师', '高级教师', '正高级教师', '中学一级教师', '中学高级教师', '经济专业中级', '会计专业中级',
];

/** 初级 titles: counted as below 中级. */
export const JUNIOR_TITLE_WORDS: readonly string[] = [
  '初级', '助理工程师', '助理经济师', '初级经济师', '助理会计师', '初级会计师', '助理统计师', '初级统计师', '助理审计师', '初级审计师',
  '技术员', '助教', '研究实习员', '四级律师', '医师', '医士', '药师', '护师', '护士', '助理编辑', '助理记者', '助理翻译', '助理馆员', '二级教师', '三级教师', '会计员', '统计员', '经济员',
];

/** Vocational skill levels and occupational qualifications: real, but not 技术职称. */
export const NOT_TITLE_WORDS: readonly string[] = [
  '初级工', '中级工', '高级工', '技师', '高级技师', '五级', '四级', '三级', '二级', '一级',
  '心理咨询师', '人力资源管理师', '企业人力资源管理师', '理财规划师', '营养师', '公共营养师', '育婴师', '保育员', '茶艺师', '电工', '焊工',
  '秘书', '物流师', '营销师', '项目管理师', '企业培训师', '职业指导师', '创业指导师', '社会工作者', '教师资格', '普通话',
  'PMP', 'CPA', 'ACCA', 'CFA', 'FRM', '法律职业资格', '注册会计师', '注册税务师', '税务师', '律师执业', '执业医师', '执业药师',
];

/** Words that say the person has none: no education or title to count, and nothing to ask about. */
const NONE = new Set(['无', '暂无', '没有', '无职称', '无资质', '无资格', '-', '—', '/', '／', '无学历']);

/** Cell text folded for matching: NFKC, upper-case Latin, no spaces or punctuation around words. */
function fold(text: string): string {
  return text.normalize('NFKC').toUpperCase().replace(/[\s"'“”‘’「」()（）]/g, '');
}

/** The cell split into its words (a cell may list several: 本科/硕士, 工程师；PMP). */
function words(text: string): string[] {
  return fold(text)
    .split(/[、,，;；/|\\+＋及和与]+/)
    .filter(Boolean);
}

const DEGREE = new Set(DEGREE_WORDS.map(fold));
const BELOW = new Set(BELOW_DEGREE_WORDS.map(fold));
const TITLE = new Set(TITLE_WORDS.map(fold));
const JUNIOR = new Set(JUNIOR_TITLE_WORDS.map(fold));
const NOT_TITLE = new Set(NOT_TITLE_WORDS.map(fold));

/** A word with a level or specialty around it (高级工程师（机械）, 经济师(人力资源), 计算机科学本科): its core. */
function core(word: string, known: ReadonlySet<string>[]): string | undefined {
  if (known.some((k) => k.has(word))) return word;
  // The longest known word contained in it, preferring those at its end (…专业工程师) or start (本科学历).
  let best: string | undefined;
  for (const set of known) for (const k of set) if (word.includes(k) && (!best || k.length > best.length)) best = k;
  return best;
}

/**
 * Whether an education cell says 本科 or above.
 *
 * @example
 * readEducation('大学本科') // 'counts'
 * readEducation('大专') // 'not'
 * readEducation('进修') // 'unknown'
 */
export function readEducation(text: string): StaffReading {
  if (NONE.has(text.trim())) return 'not';
  const ws = words(text);
  if (ws.length === 0) return 'not';
  let below = false;
  for (const w of ws) {
    const k = core(w, [DEGREE, BELOW]);
    if (k && DEGREE.has(k)) return 'counts';
    if (k && BELOW.has(k)) below = true;
  }
  return below ? 'not' : 'unknown';
}

/**
 * Whether a 资格/资质名称 cell holds a 中级 or higher professional title.
 *
 * @example
 * readTitle('高级工程师') // 'counts'
 * readTitle('助理工程师') // 'not'
 * readTitle('高级技师') // 'not' (a skill level, not a title)
 * readTitle('某某证书') // 'unknown'
 */
export function readTitle(text: string): StaffReading {
  if (NONE.has(text.trim())) return 'not';
  const ws = words(text);
  if (ws.length === 0) return 'not';
  let placed = false;
  for (const w of ws) {
    // Longest known word wins, so 助理工程师 is junior and 高级技师 a skill level, not 工程师 or 高级.
    const k = core(w, [TITLE, JUNIOR, NOT_TITLE]);
    if (!k) continue;
    placed = true;
    if (TITLE.has(k) && !JUNIOR.has(k) && !NOT_TITLE.has(k)) return 'counts';
  }
  return placed ? 'not' : 'unknown';
}
