/**
 * Activities that count for a category must be about it, as the guide words each item:
 * - 8.2(1) 「上一年度开展创业相关服务活动次数」 (创业辅导)
 * - 8.3(2) 「上一年度开展技术创新相关服务活动（参与人数不少于10人）的次数」 (技术创新)
 * - 8.5(2) 「上一年度开展招聘或培训等人力资源服务活动…的次数」 (人力资源)
 * - 8.6(2) 「上一年度组织融资促进相关活动（参与人数不少于10人）的次数」, explained as 「组织开展投融资对接、
 *   企业融资策划、推荐和融资代理、融资担保、信用评价等服务活动」 (融资促进)
 * 8.1(2) counts 「各类服务活动」 and 8.4 counts no activity, so 综合咨询 and 数字化应用 have no table.
 *
 * An activity is about the category when its name holds one of the category's words. One left out
 * this way is reported (activity-topic, info) so the reviewer can count it back in 核定值.
 */

export const ACTIVITY_TOPIC_WORDS: Readonly<Record<string, readonly string[]>> = {
  创业辅导: ['创业', '创新创业', '双创', '孵化', '初创', '创客', '路演', '导师', '训练营', '加速营', '商业计划', '大赛', '融资', '投资', '股权', '创始人', '项目对接'],
  技术创新: [
    '技术', '创新', '科技', '研发', '专利', '知识产权', '检测', '检验', '认证', '标准', '计量', '测试', '实验', '试验', '成果转化', '技术转移', '产学研',
    '工艺', '质量', '设计', '数字化', '智能', '智造', '软件', '芯片', '集成电路', '人工智能', 'AI', '大数据', '算法', '新材料', '生物', '医药', '医疗器械',
    '专精特新', '小巨人', '高新', '技术经纪', '中试', '概念验证', '研究院', '实验室',
  ],
  人力资源: ['招聘', '培训', '人才', '人力', '用工', '就业', '招才', '引才', '职业', '技能', '劳动', '社保', '薪酬', '绩效', '校招', '双选', '宣讲', '讲座', '研修', '训练营', 'HR'],
  融资促进: [
    '融资', '投融资', '投资', '信贷', '贷款', '担保', '路演', '上市', '挂牌', '股权', '债权', '基金', '资本', '金融', '银行', '银企', '保险', '租赁', '保理',
    '信用', '征信', '评级', '质押', '新三板', '北交所', '科创板', 'IPO', '财务顾问', '千亿畅融',
  ],
};

/**
 * Whether an activity's name fits the category (true for categories without a topic).
 *
 * @example
 * fitsCategoryTopic('融资促进', '银企融资对接会') // true
 * fitsCategoryTopic('融资促进', '财税实务培训') // false
 */
export function fitsCategoryTopic(category: string, activity: string): boolean {
  const words = FOLDED_TOPIC_WORDS.get(category);
  if (!words) return true;
  const name = activity.normalize('NFKC').toUpperCase();
  return words.some((w) => name.includes(w));
}

/** The topic words upper-cased once, not per activity row. */
const FOLDED_TOPIC_WORDS = new Map(Object.entries(ACTIVITY_TOPIC_WORDS).map(([category, words]) => [category, words.map((w) => w.toUpperCase())]));
