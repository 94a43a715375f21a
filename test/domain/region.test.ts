import fc from 'fast-check';
import { REGION_ORDER, regionRank, resolveRegion, type Region } from '../../src/domain/region';

/** Reference §4, as written there. */
const BEIJING_DISTRICTS = ['东城', '西城', '朝阳', '丰台', '石景山', '海淀', '门头沟', '房山', '通州', '顺义', '昌平', '大兴', '怀柔', '平谷', '密云', '延庆'];
const TIANJIN_DISTRICTS = ['和平', '河东', '河西', '南开', '河北', '红桥', '东丽', '西青', '津南', '北辰', '武清', '宝坻', '滨海新', '宁河', '静海', '蓟州'];
const HEBEI_CITIES = ['石家庄', '唐山', '秦皇岛', '邯郸', '邢台', '保定', '张家口', '承德', '沧州', '廊坊', '衡水'];

const OTHER_PROVINCES = [
  '上海', '重庆', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南',
  '湖北', '湖南', '广东', '广西', '海南', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆',
  '台湾', '香港', '澳门',
];
const OTHER_CAPITALS = [
  '太原', '呼和浩特', '沈阳', '长春', '哈尔滨', '南京', '杭州', '合肥', '福州', '南昌', '济南', '郑州', '武汉', '长沙',
  '广州', '南宁', '海口', '成都', '贵阳', '昆明', '拉萨', '西安', '兰州', '西宁', '银川', '乌鲁木齐',
];

function province(cell: string | null | undefined, name?: string): [Region, string] {
  const r = resolveRegion(cell, name);
  return [r.region, r.basis];
}

describe('resolveRegion from 所属省市', () => {
  it.each([
    ['北京', '北京'],
    ['北京市', '北京'],
    ['北京市海淀区', '北京'],
    ['海淀区', '北京'],
    ['海淀', '北京'],
    ['天津', '天津'],
    ['天津市', '天津'],
    ['天津市河北区', '天津'],
    ['河北', '河北'],
    ['河北省', '河北'],
    ['河北省石家庄市', '河北'],
    ['石家庄', '河北'],
    ['雄安新区', '河北'],
    ['河北雄安新区', '河北'],
    ['廊坊市', '河北'],
    ['定州市', '河北'],
    ['辛集市', '河北'],
    ['三河市燕郊镇', '河北'],
    ['上海市', '其他'],
    ['广东省深圳市', '其他'],
    ['亦庄', '北京'],
    ['北京经济技术开发区', '北京'],
    ['经济技术开发区', '北京'],
    ['北京市大兴区亦庄', '北京'],
    ['中关村', '北京'],
    ['天津滨海新区', '天津'],
    ['滨海新区', '天津'],
    ['京', '北京'],
    ['津', '天津'],
    ['冀', '河北'],
    ['沪', '其他'],
    ['粤', '其他'],
    ['北京（海淀）', '北京'],
    ['中国北京', '北京'],
    ['北京/天津', '北京'],
  ] as const)('%j → %s', (cell, region) => {
    expect(province(cell)).toEqual([region, 'province']);
  });

  describe('names shared with other provinces (reference §4)', () => {
    it.each([
      ['朝阳区', '北京'],
      ['朝阳', '北京'],
      ['通州区', '北京'],
      ['通州', '北京'],
      ['北京市朝阳区', '北京'],
      ['北京通州', '北京'],
      ['辽宁省朝阳市', '其他'],
      ['朝阳市', '其他'],
      ['辽宁朝阳', '其他'],
      ['朝阳县', '其他'],
      ['长春市朝阳区', '其他'],
      ['吉林省长春市朝阳区', '其他'],
      ['南通市通州区', '其他'],
      ['江苏省南通市通州区', '其他'],
      ['江苏通州', '其他'],
      ['河北区', '天津'],
      ['天津河北区', '天津'],
      ['和平区', '天津'],
      ['沈阳市和平区', '其他'],
      ['河东区', '天津'],
      ['临沂市河东区', '其他'],
      ['某某市河东区', '其他'],
      ['大兴安岭', '其他'],
      ['黑龙江省大兴安岭地区', '其他'],
      ['河南省开封市', '其他'],
      ['湖北省武汉市', '其他'],
      ['天津经济技术开发区', '天津'],
      ['廊坊经济技术开发区', '河北'],
      ['广州市越秀区北京路', '其他'],
    ] as const)('%j → %s', (cell, region) => {
      expect(province(cell)).toEqual([region, 'province']);
    });
  });

  it.each(BEIJING_DISTRICTS.flatMap((d) => [d, `${d}区`, `北京市${d}区`, `北京${d}`]))('北京 district %j → 北京', (cell) => {
    expect(province(cell)).toEqual(['北京', 'province']);
  });

  it.each(TIANJIN_DISTRICTS.flatMap((d) => [`${d}区`, `天津市${d}区`, `天津${d}区`]))('天津 district %j → 天津', (cell) => {
    expect(province(cell)).toEqual(['天津', 'province']);
  });

  it.each(TIANJIN_DISTRICTS.filter((d) => d !== '河北' && d !== '滨海新'))('bare 天津 district %j → 天津', (cell) => {
    expect(province(cell)).toEqual(['天津', 'province']);
  });

  it.each([...HEBEI_CITIES, '雄安新区', '定州', '辛集'].flatMap((c) => [c, `${c}市`, `河北省${c}市`, `河北${c}`]))('河北 city %j → 河北', (cell) => {
    expect(province(cell)).toEqual(['河北', 'province']);
  });

  it.each(
    OTHER_PROVINCES.flatMap((p) => [p, `${p}省`, `${p}市`]).concat([
      '内蒙古自治区',
      '广西壮族自治区',
      '西藏自治区',
      '宁夏回族自治区',
      '新疆维吾尔自治区',
      '香港特别行政区',
      '澳门特别行政区',
    ]),
  )('other province %j → 其他', (cell) => {
    expect(province(cell)).toEqual(['其他', 'province']);
  });

  it.each(OTHER_CAPITALS.flatMap((c) => [c, `${c}市`]))('other capital %j → 其他', (cell) => {
    expect(province(cell)).toEqual(['其他', 'province']);
  });

  it.each([['xx'], ['XX'], ['中国'], ['全国'], ['京津冀'], ['123'], ['不详'], ['无']])('unrecognisable %j → 未知', (cell) => {
    expect(province(cell)).toEqual(['未知', 'none']);
  });

  it('does not fall back to the name when the cell says something unrecognisable', () => {
    expect(province('xx', '北京某某科技有限公司')).toEqual(['未知', 'none']);
  });

  it('prefers the cell over the name', () => {
    expect(province('天津市', '北京某某科技有限公司')).toEqual(['天津', 'province']);
  });
});

describe('resolveRegion from the enterprise name when 所属省市 is blank', () => {
  it.each([
    ['北京某某科技有限公司', '北京'],
    ['北京市某某科技有限公司', '北京'],
    ['天津市某某科技有限公司', '天津'],
    ['天津某某科技有限公司', '天津'],
    ['河北某某科技有限公司', '河北'],
    ['石家庄某某科技有限公司', '河北'],
    ['廊坊某某科技有限公司', '河北'],
    ['廊坊市某某科技有限公司', '河北'],
    ['雄安某某科技有限公司', '河北'],
    ['上海某某科技有限公司', '其他'],
    ['深圳某某科技有限公司', '其他'],
    ['深圳市某某科技有限公司', '其他'],
    ['广东某某科技有限公司', '其他'],
    ['成都某某科技有限公司', '其他'],
    ['南通市通州区某某有限公司', '其他'],
    ['某某（北京）科技有限公司', '北京'],
    ['某某(北京)科技有限公司', '北京'],
    ['某某【天津】科技有限公司', '天津'],
    ['某某（北京市）科技有限公司', '北京'],
    ['某某（上海）科技有限公司', '其他'],
    ['中国某某（北京）有限公司', '北京'],
    ['中关村某某科技有限公司', '北京'],
    ['海淀某某科技有限公司', '北京'],
    ['朝阳区某某商店', '北京'],
    ['北京某某（天津）有限公司', '北京'],
    [' 北京 某某科技有限公司', '北京'],
  ] as const)('%j → %s', (name, region) => {
    expect(province(null, name)).toEqual([region, 'name']);
  });

  it.each([
    ['某某科技有限公司'],
    ['中国某某集团有限公司'],
    ['某某（中国）有限公司'],
    // Place words that are also common trade names need their 市/区 to count.
    ['朝阳某某科技有限公司'],
    ['大兴某某科技有限公司'],
    ['阿里巴巴（中国）有限公司'],
    ['京东方科技集团股份有限公司'],
    ['Microsoft'],
    [''],
  ])('%j → 未知', (name) => {
    expect(province(null, name)).toEqual(['未知', 'none']);
  });

  it.each([[null], [undefined], [''], ['  '], ['\u3000'], ['/'], ['—'], ['——'], ['-']])('a blank cell %j falls back to the name', (cell) => {
    expect(province(cell, '天津某某有限公司')).toEqual(['天津', 'name']);
  });

  it('is 未知 with neither', () => {
    expect(province(null)).toEqual(['未知', 'none']);
    expect(province('/')).toEqual(['未知', 'none']);
  });
});

describe('width and NFKC variants', () => {
  // Kangxi radicals and CJK compatibility ideographs fold to ordinary ideographs under NFKC
  // (text copied out of PDFs carries them); full-width ASCII folds to ASCII.
  const variants = new Map<string, string[]>();
  for (const [from, to] of [
    [0x2f00, 0x2fd5],
    [0xf900, 0xfad9],
  ]) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp);
      const folded = ch.normalize('NFKC');
      if (folded !== ch && Array.from(folded).length === 1) variants.set(folded, [...(variants.get(folded) ?? []), ch]);
    }
  }
  const white = fc.constantFrom(' ', '\u3000', '\u00a0', '\t', '\n', '\u200b', '\ufeff');
  const cells = [
    '北京市海淀区', '天津市河北区', '河北省石家庄市', '辽宁省朝阳市', '长春市朝阳区', '南通市通州区', '朝阳区', '通州区',
    '河北区', '雄安新区', '北京经济技术开发区', '上海市', '石家庄', '大兴安岭', '和平区', '沈阳市和平区', 'xx', '中国',
    '北京/天津', '山西省太原市', '西城', '秦皇岛', '金华', '长沙',
  ];

  it('has variants for some characters of the cases (sanity)', () => {
    const covered = cells.filter((c) => Array.from(c).some((ch) => variants.has(ch)));
    expect(covered.length).toBeGreaterThan(5);
  });

  function vary(text: string, picks: Iterator<number>): string {
    return Array.from(text)
      .map((ch) => {
        const pick = picks.next().value as number;
        const cp = ch.codePointAt(0)!;
        if (cp >= 0x21 && cp <= 0x7e) return pick % 2 ? String.fromCodePoint(cp + 0xfee0) : ch;
        const alts = variants.get(ch);
        return alts && pick % 2 ? alts[pick % alts.length] : ch;
      })
      .join('');
  }

  it('do not change the answer for a 所属省市 cell', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cells), fc.infiniteStream(fc.nat()), fc.array(white, { maxLength: 3 }), fc.array(white, { maxLength: 3 }), (cell, picks, before, after) => {
        const varied = before.join('') + vary(cell, picks) + after.join('');
        expect(resolveRegion(varied)).toEqual(resolveRegion(cell));
      }),
    );
  });

  it('do not change the answer for an enterprise name', () => {
    const names = ['北京某某科技有限公司', '某某（北京）科技有限公司', '石家庄某某有限公司', '上海ABC有限公司', '某某(天津)有限公司', 'ABC科技'];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.infiniteStream(fc.nat()), fc.array(white, { maxLength: 3 }), (name, picks, around) => {
        const varied = around.join('') + vary(name, picks) + around.join('');
        expect(resolveRegion(null, varied)).toEqual(resolveRegion(null, name));
      }),
    );
  });
});

describe('REGION_ORDER and regionRank', () => {
  it('orders 北京, 天津, 河北', () => {
    expect(REGION_ORDER).toEqual(['北京', '天津', '河北']);
  });

  it.each([
    ['北京', 0],
    ['天津', 1],
    ['河北', 2],
    ['其他', 3],
    ['未知', 3],
  ] as const)('%s → %d', (region, rank) => {
    expect(regionRank(region)).toBe(rank);
  });
});
