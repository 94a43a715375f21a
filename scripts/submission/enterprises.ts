/** Fictional enterprises: names, credit codes with correct check characters, places and size profiles. */
import { BRAND_A, BRAND_B, INDUSTRY_WORDS, Place } from './words';
import { Profile, SizeClass, makeProfile } from './sizeRules';
import { Rng, makeCreditCode } from './random';

// Enterprises
// ---------------------------------------------------------------------------------------------

export interface NameParts {
  /** Place word in front, e.g. 北京, 天津滨海, 廊坊 (empty for a name without a place). */
  prefix: string;
  brand: string;
  industryWord: string;
  /** Place in full-width brackets after the brand, e.g. （北京）. */
  paren: string;
  suffix: '有限公司' | '股份有限公司' | '有限责任公司';
  /** Appended after the suffix, e.g. 北京分公司. */
  branch: string;
}

export function buildName(p: NameParts): string {
  return `${p.prefix}${p.brand}${p.paren ? `（${p.paren}）` : ''}${p.industryWord}${p.suffix}${p.branch}`;
}

export interface Enterprise {
  name: string;
  parts: NameParts;
  place: Place;
  /** 所属省市 as written. */
  province: string;
  creditCode: string;
  profile: Profile;
  /** 服务内容 in 附表4-2-1-2. */
  service: string;
  /** Whether 附表4-2-1-3 shows the 所属行业/从业人员/营业收入 trio for its orders. */
  showTrio: boolean;
}

export const CLASS_WEIGHTS: readonly (readonly [SizeClass, number])[] = [
  ['微型', 30],
  ['小型', 40],
  ['中型', 22],
  ['大型', 8],
];

export class EnterpriseFactory {
  private readonly brands: string[];
  private brandIndex = 0;
  private readonly usedCores = new Set<string>();
  private readonly usedCodes = new Set<string>();

  constructor(
    private readonly rng: Rng,
    private readonly messy: boolean,
  ) {
    const all: string[] = [];
    for (const a of BRAND_A) for (const b of BRAND_B) all.push(a + b);
    this.brands = rng.shuffle(all);
  }

  /** A brand not used before (while they last; then brands repeat with another industry word). */
  nextBrand(): string {
    const b = this.brands[this.brandIndex % this.brands.length];
    this.brandIndex++;
    return b;
  }

  creditCode(division: string): string {
    for (;;) {
      const code = makeCreditCode(this.rng, division);
      if (!this.usedCodes.has(code)) {
        this.usedCodes.add(code);
        return code;
      }
    }
  }

  private placeWords(place: Place): { prefix: string; paren: string } {
    const rng = this.rng;
    const city = place.area.replace(/市$/, '');
    switch (place.region) {
      case 'BJ':
        return rng.chance(0.16) ? { prefix: '', paren: '北京' } : { prefix: '北京', paren: '' };
      case 'TJ':
        if (place.area === '滨海新区' && rng.chance(0.7)) return { prefix: '天津滨海', paren: '' };
        return rng.chance(0.15) ? { prefix: '', paren: '天津' } : { prefix: rng.pick(['天津', '天津市']), paren: '' };
      case 'HB':
        if (place.area === '雄安新区') return { prefix: '雄安', paren: '' };
        return rng.weighted([
          [{ prefix: '河北', paren: '' }, 3],
          [{ prefix: city, paren: '' }, 4],
          [{ prefix: `河北${city}`, paren: '' }, 2],
          [{ prefix: '', paren: '河北' }, 1],
        ] as const);
      case 'OUT':
        return { prefix: place.area, paren: '' };
      default:
        return { prefix: '', paren: '' };
    }
  }

  /** 所属省市 for a place: clean files write the province, messy ones any of the forms people use. */
  province(place: Place): string {
    const rng = this.rng;
    if (!this.messy) {
      return place.region === 'BJ' ? '北京市' : place.region === 'TJ' ? '天津市' : place.region === 'HB' ? '河北省' : '';
    }
    switch (place.region) {
      case 'BJ':
        return rng.weighted([
          ['北京', 3],
          ['北京市', 5],
          [place.area === '北京经济技术开发区' ? '北京经济技术开发区' : `北京市${place.area}`, 3],
        ] as const);
      case 'TJ':
        return rng.weighted([
          ['天津', 2],
          ['天津市', 4],
          [`天津市${place.area}`, 3],
        ] as const);
      case 'HB':
        if (place.area === '雄安新区') return rng.pick(['雄安新区', '河北省雄安新区']);
        return rng.weighted([
          ['河北', 2],
          ['河北省', 4],
          [`河北省${place.area}`, 3],
        ] as const);
      default:
        return '';
    }
  }

  /** A new enterprise whose name core (brand + industry word) was not used before. */
  make(place: Place, opts: { withoutPlace?: boolean; suffix?: NameParts['suffix']; target?: SizeClass } = {}): Enterprise {
    const rng = this.rng;
    for (;;) {
      const brand = this.nextBrand();
      const [industryWord, industry] = rng.weighted(INDUSTRY_WORDS);
      const core = brand + industryWord;
      if (this.usedCores.has(core)) continue;
      this.usedCores.add(core);
      const words = opts.withoutPlace ? { prefix: '', paren: '' } : this.placeWords(place);
      const suffix = opts.suffix ?? (rng.chance(0.06) ? '股份有限公司' : '有限公司');
      const parts: NameParts = { ...words, brand, industryWord, suffix, branch: '' };
      const profile = makeProfile(rng, industry, opts.target ?? rng.weighted(CLASS_WEIGHTS));
      return {
        name: buildName(parts),
        parts,
        place,
        province: this.province(place),
        creditCode: this.creditCode(place.division),
        profile,
        service: '',
        showTrio: rng.chance(0.3),
      };
    }
  }

  /** Marks a name core as taken (for names built by hand). */
  reserve(core: string): boolean {
    if (this.usedCores.has(core)) return false;
    this.usedCores.add(core);
    return true;
  }
}

// ---------------------------------------------------------------------------------------------
