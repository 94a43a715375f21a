/**
 * Which of 北京, 天津, 河北 (or elsewhere) a served enterprise belongs to, from the 所属省市 cell of
 * 附表4-2-1-2 or, when that is blank, from the place name that leads the enterprise's name.
 * The list must be ordered 北京, 天津, 河北; this module supplies the region and its rank.
 */
import { normalizeName } from './enterpriseName';
import { isBlank } from './values';

export type Region = '北京' | '天津' | '河北' | '其他' | '未知';

/** Where the answer came from: the 所属省市 cell, the enterprise name, or nowhere (未知). */
export type RegionBasis = 'province' | 'name' | 'none';

export interface RegionResult {
  region: Region;
  basis: RegionBasis;
}

/** The order the guide asks for: 北京, then 天津, then 河北. */
export const REGION_ORDER = ['北京', '天津', '河北'] as const;

/**
 * A region's position in {@link REGION_ORDER}: 北京 0, 天津 1, 河北 2; 其他 and 未知 3 (they sort last).
 *
 * @example
 * regionRank('天津') // 1
 * regionRank('未知') // 3
 */
export function regionRank(region: Region): number {
  const i = (REGION_ORDER as readonly string[]).indexOf(region);
  return i < 0 ? REGION_ORDER.length : i;
}

type Known = Exclude<Region, '未知'>;

/** Other provinces, municipalities, autonomous regions, SARs (short names; a 省/市/自治区 suffix just follows). */
const OTHER_PROVINCES = [
  '上海', '重庆', '山西', '内蒙古', '内蒙', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东',
  '河南', '湖北', '湖南', '广东', '广西', '海南', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏',
  '新疆', '台湾', '香港', '澳门',
];

/** Their capitals, and the sub-provincial cities. */
const OTHER_CAPITALS = [
  '太原', '呼和浩特', '沈阳', '长春', '哈尔滨', '南京', '杭州', '合肥', '福州', '南昌', '济南', '郑州', '武汉', '长沙',
  '广州', '南宁', '海口', '成都', '贵阳', '昆明', '拉萨', '西安', '兰州', '西宁', '银川', '乌鲁木齐', '台北', '深圳',
  '大连', '青岛', '宁波', '厦门',
];

/**
 * Place words per region. A word matches with or without its 市/区/县/省 suffix: `海淀` and `海淀区`
 * are one entry. Names shared with places elsewhere are in {@link SHARED} instead.
 */
const PLACES: Readonly<Record<Known, readonly string[]>> = {
  北京: [
    '北京', '东城', '西城', '丰台', '石景山', '海淀', '门头沟', '房山', '顺义', '昌平', '大兴', '怀柔',
    '平谷', '密云', '延庆', '崇文', '宣武', '亦庄', '北京经济技术开发区', '北京经开区', '中关村',
  ],
  天津: [
    '天津', '南开', '河北区', '河西区', '红桥', '东丽', '西青', '津南', '北辰', '武清', '宝坻', '滨海新区',
    '宁河', '静海', '蓟州', '蓟县', '塘沽', '汉沽', '大港', '天津经济技术开发区',
  ],
  河北: [
    '河北', '石家庄', '唐山', '秦皇岛', '邯郸', '邢台', '保定', '张家口', '承德', '沧州', '廊坊', '衡水',
    '雄安', '定州', '辛集',
    // County-level places round Beijing that many served enterprises are registered in.
    '三河', '燕郊', '涿州', '固安', '香河', '大厂回族自治县', '霸州', '高碑店', '涿鹿', '怀来', '正定',
    '曹妃甸', '北戴河', '白沟', '任丘', '迁安', '遵化', '武安', '黄骅',
  ],
  其他: [
    ...OTHER_PROVINCES,
    ...OTHER_CAPITALS,
    // Other prefecture-level cities, so that their districts named like Beijing's or Tianjin's
    // (长春朝阳区, 南通通州区, 沈阳和平区, 临沂河东区) are not taken for 京津冀.
    '大同', '阳泉', '长治', '晋城', '朔州', '晋中', '运城', '忻州', '临汾', '吕梁',
    '包头', '乌海', '赤峰', '通辽', '鄂尔多斯', '呼伦贝尔', '巴彦淖尔', '乌兰察布', '兴安盟', '锡林郭勒', '阿拉善',
    '鞍山', '抚顺', '本溪', '丹东', '锦州', '营口', '阜新', '辽阳', '盘锦', '铁岭', '朝阳市', '葫芦岛',
    '四平', '辽源', '通化', '白山', '松原', '白城', '延边',
    '齐齐哈尔', '鸡西', '鹤岗', '双鸭山', '大庆', '伊春', '佳木斯', '七台河', '牡丹江', '黑河', '绥化', '大兴安岭',
    '无锡', '徐州', '常州', '苏州', '南通', '连云港', '淮安', '盐城', '扬州', '镇江', '泰州', '宿迁',
    '温州', '嘉兴', '湖州', '绍兴', '金华', '衢州', '舟山', '台州', '丽水',
    '芜湖', '蚌埠', '淮南', '马鞍山', '淮北', '铜陵', '安庆', '黄山', '滁州', '阜阳', '宿州', '六安', '亳州',
    '池州', '宣城',
    '莆田', '三明', '泉州', '漳州', '南平', '龙岩', '宁德',
    '景德镇', '萍乡', '九江', '新余', '鹰潭', '赣州', '吉安', '宜春', '抚州', '上饶',
    '淄博', '枣庄', '东营', '烟台', '潍坊', '济宁', '泰安', '威海', '日照', '临沂', '德州', '聊城', '滨州', '菏泽',
    '开封', '洛阳', '平顶山', '安阳', '鹤壁', '新乡', '焦作', '濮阳', '许昌', '漯河', '三门峡', '南阳', '商丘',
    '信阳', '周口', '驻马店', '济源',
    '黄石', '十堰', '宜昌', '襄阳', '鄂州', '荆门', '孝感', '荆州', '黄冈', '咸宁', '随州', '恩施', '仙桃',
    '潜江', '天门',
    '株洲', '湘潭', '衡阳', '邵阳', '岳阳', '常德', '张家界', '益阳', '郴州', '永州', '怀化', '娄底', '湘西',
    '韶关', '珠海', '汕头', '佛山', '江门', '湛江', '茂名', '肇庆', '惠州', '梅州', '汕尾', '河源', '阳江',
    '清远', '东莞', '中山', '潮州', '揭阳', '云浮',
    '柳州', '桂林', '梧州', '北海', '防城港', '钦州', '贵港', '玉林', '百色', '贺州', '河池', '来宾', '崇左',
    '三亚', '三沙', '儋州',
    '自贡', '攀枝花', '泸州', '德阳', '绵阳', '广元', '遂宁', '内江', '乐山', '南充', '眉山', '宜宾', '广安',
    '达州', '雅安', '巴中', '资阳', '阿坝', '甘孜', '凉山',
    '六盘水', '遵义', '安顺', '毕节', '铜仁', '黔西南', '黔东南', '黔南',
    '曲靖', '玉溪', '保山', '昭通', '丽江', '普洱', '临沧', '楚雄', '红河', '文山', '西双版纳', '大理', '德宏',
    '怒江', '迪庆',
    '日喀则', '昌都', '林芝', '山南', '那曲', '阿里地区',
    '铜川', '宝鸡', '咸阳', '渭南', '延安', '汉中', '榆林', '安康', '商洛',
    '嘉峪关', '金昌', '白银', '天水', '武威', '张掖', '平凉', '酒泉', '庆阳', '定西', '陇南', '临夏', '甘南',
    '海东', '海北', '黄南', '果洛', '玉树', '海西',
    '石嘴山', '吴忠', '固原', '中卫',
    '克拉玛依', '吐鲁番', '哈密', '昌吉', '博尔塔拉', '巴音郭楞', '阿克苏', '克孜勒苏', '喀什', '和田', '伊犁',
    '塔城', '阿勒泰', '石河子',
    '高雄', '台中',
    // Outside the mainland or just "not here".
    '境外', '国外', '海外', '外省', '外地', '美国', '日本', '韩国', '德国', '英国', '法国', '新加坡', '加拿大',
    '澳大利亚',
  ],
};

/**
 * Names shared with places outside 京津冀 (reference §4): read in the 京津冀 sense only when nothing
 * else in the cell says otherwise. 经济技术开发区 alone is 北京's 亦庄 in a Beijing platform's list.
 */
const SHARED: Readonly<Record<string, Known>> = {
  朝阳: '北京',
  通州: '北京',
  经济技术开发区: '北京',
  经开区: '北京',
  和平: '天津',
  河东: '天津',
  河西: '天津',
};

/** One-character abbreviations (简称), understood only as the whole cell: inside text they are ordinary characters. */
const ABBREVIATIONS: ReadonlyMap<string, Known> = new Map<string, Known>([
  ['京', '北京'],
  ['津', '天津'],
  ['冀', '河北'],
  ...Array.from('沪渝晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕秦甘陇青宁新港澳台', (ch): [string, Known] => [ch, '其他']),
]);

/**
 * Place words that may lead an enterprise name without an administrative suffix. Any other place
 * word leads a name only as `X市`/`X区`/`X县`…: `大兴`, `朝阳`, `中山`, `阿里` are common 字号 too.
 */
const SAFE_NAME_PREFIXES = new Set([
  '北京', '天津', '河北', '中关村', '亦庄', '海淀', '丰台', '石景山', '门头沟', '房山', '顺义', '昌平', '怀柔',
  '平谷', '密云', '延庆', '南开', '东丽', '西青', '津南', '武清', '宝坻', '滨海新区', '宁河', '静海', '蓟州',
  '石家庄', '唐山', '秦皇岛', '邯郸', '邢台', '保定', '张家口', '承德', '沧州', '廊坊', '衡水', '雄安', '定州',
  '辛集', '三河', '燕郊', '涿州', '固安', '香河', '霸州', '高碑店',
  ...OTHER_PROVINCES,
  ...OTHER_CAPITALS,
  '苏州', '无锡', '常州', '南通', '徐州', '扬州', '温州', '嘉兴', '绍兴', '台州', '佛山', '东莞', '珠海', '汕头',
  '惠州', '烟台', '潍坊', '淄博', '临沂', '洛阳', '宜昌', '襄阳', '株洲', '绵阳', '泉州', '漳州', '芜湖', '鞍山',
  '包头', '鄂尔多斯', '大庆',
]);

interface Token {
  region: Known;
  shared: boolean;
  /** The spelling matched, so a scan knows how far to skip. */
  word: string;
}

const TOKENS: ReadonlyMap<string, Token> = (() => {
  const map = new Map<string, Token>();
  for (const [region, words] of Object.entries(PLACES) as [Known, readonly string[]][]) {
    for (const word of words) map.set(word, { region, shared: false, word });
  }
  // Shared words come with and without 区; an unshared spelling listed above (河西区) keeps precedence.
  for (const [word, region] of Object.entries(SHARED)) {
    for (const spelling of [word, `${word}区`]) {
      if (!map.has(spelling)) map.set(spelling, { region, shared: true, word: spelling });
    }
  }
  return map;
})();

const LONGEST = Math.max(...[...TOKENS.keys()].map((w) => w.length));

/** What an administrative unit's name ends with. */
const ADMIN_SUFFIX = /^(?:省|市|区|县|州|盟|旗|新区|自治)/;
/** Administrative-unit words left over once known places are taken out: evidence of some other place. */
const OTHER_PLACE_MARK = /省|市|县|州|盟|旗|自治/;

/** The token at `start`, longest first (so 河北区 beats 河北, 大兴安岭 beats 大兴), if any. */
function tokenAt(text: string, start: number): Token | undefined {
  for (let len = Math.min(LONGEST, text.length - start); len >= 2; len--) {
    const t = TOKENS.get(text.slice(start, start + len));
    if (t) return t;
  }
  return undefined;
}

/** The region a 所属省市 cell names, or null when it names nothing recognisable. */
function regionOfProvince(text: string): Known | null {
  const whole = ABBREVIATIONS.get(text.replace(/[省市]$/, ''));
  if (whole) return whole;
  const found: Token[] = [];
  let rest = '';
  for (let i = 0; i < text.length; ) {
    const t = tokenAt(text, i);
    if (t) {
      found.push(t);
      i += t.word.length;
    } else {
      rest += text[i];
      i++;
    }
  }
  // A province, city or unshared district decides, the first one written (天津市河北区 → 天津).
  const decisive = found.find((t) => !t.shared);
  if (decisive) return decisive.region;
  if (found.length === 0) return null;
  // Only shared names: 京津冀 unless the cell also names some other unit (朝阳县, XX市通州区).
  return OTHER_PLACE_MARK.test(rest) ? '其他' : found[0].region;
}

/** The place word leading `name` (or bracketed in it, `某某(北京)科技有限公司`), as a region. */
function regionOfName(name: string): Known | null {
  const lead = leadingPlace(name);
  if (lead) return lead;
  for (const m of name.matchAll(/\(([^()]+)\)/g)) {
    const inner = m[1].replace(/(?:省|市|区)$/, '');
    const t = TOKENS.get(inner) ?? TOKENS.get(m[1]);
    if (t) return t.region;
  }
  return null;
}

function leadingPlace(name: string): Known | null {
  for (let len = Math.min(LONGEST, name.length); len >= 2; len--) {
    const word = name.slice(0, len);
    const t = TOKENS.get(word);
    if (!t) continue;
    if (SAFE_NAME_PREFIXES.has(word) || /[区市县]$/.test(word) || ADMIN_SUFFIX.test(name.slice(len))) return t.region;
  }
  return null;
}

/**
 * The region of a served enterprise. From the 所属省市 cell when it is not blank (blank as in
 * {@link isBlank}: empty, `/`, `—`…): a province, city or district name, shared names read per
 * reference §4 (`朝阳区` → 北京, `长春市朝阳区` → 其他, `天津市河北区` → 天津); unrecognisable text
 * → 未知. When the cell is blank, from the place name leading the enterprise name (`北京某某科技有限公司`)
 * or bracketed in it (`某某（北京）科技有限公司`); else 未知.
 *
 * @example
 * resolveRegion('北京市海淀区') // { region: '北京', basis: 'province' }
 * resolveRegion('天津市河北区') // { region: '天津', basis: 'province' }
 * resolveRegion('辽宁省朝阳市') // { region: '其他', basis: 'province' }
 * resolveRegion('', '某某（北京）科技有限公司') // { region: '北京', basis: 'name' }
 * resolveRegion('xx') // { region: '未知', basis: 'none' }
 */
export function resolveRegion(province: string | null | undefined, enterpriseName?: string): RegionResult {
  if (typeof province === 'string' && !isBlank(province)) {
    const region = regionOfProvince(normalizeName(province));
    return region ? { region, basis: 'province' } : { region: '未知', basis: 'none' };
  }
  if (enterpriseName) {
    const region = regionOfName(normalizeName(enterpriseName));
    if (region) return { region, basis: 'name' };
  }
  return { region: '未知', basis: 'none' };
}
