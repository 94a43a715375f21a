import { runClassify } from '../../src/cli/classify';
import { INDUSTRIES } from '../../src/domain/sizeClass';

/** Run in-process and capture what would go to stdout and stderr. */
function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runClassify(argv, { out: (t) => out.push(...t.split('\n')), err: (t) => err.push(...t.split('\n')) });
  return { code, out, err: err.join('\n') };
}

describe('runClassify', () => {
  test('prints the class alone on the first line, then the reason', () => {
    const r = run('--industry', '工业', '--employees', '300', '--revenue', '2000');
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('中型');
    expect(r.out[1]).toMatch(/^工业：从业人员 300 人 < 1000 人.*为中型$/);
    expect(r.err).toBe('');
  });

  test('--json prints {size, industry, reason} with the canonical industry', () => {
    const r = run('--industry', '制造业', '--employees', '1200', '--revenue', '1000', '--json');
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out.join('\n'));
    expect(Object.keys(parsed).sort()).toEqual(['industry', 'reason', 'size']);
    expect(parsed).toMatchObject({ size: '小型', industry: '工业' });
    expect(parsed.reason).toContain('未达中型');
  });

  test('accepts full-width digits, thousands separators and --opt=value', () => {
    expect(run('--industry', '工业', '--employees', '１，２００', '--revenue=50,000').out[0]).toBe('大型');
    expect(run('--industry', '建筑业', '--revenue', '６０００', '--assets', '5,000.5').out[0]).toBe('中型');
  });

  test('a figure the decision does not need may be left out', () => {
    const r = run('--industry', '工业', '--employees', '10');
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('微型');
  });

  test('unknown industry: exit 2 with the accepted names', () => {
    const r = run('--industry', '火星采矿', '--employees', '10');
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toContain('不认识的行业「火星采矿」');
    for (const name of INDUSTRIES) expect(r.err).toContain(name);
  });

  test('批发和零售业: exit 2 naming 批发业 and 零售业', () => {
    const r = run('--industry', '批发和零售业', '--employees', '10', '--revenue', '100');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/批发业.*零售业/);
  });

  test('no --industry: exit 2 with the accepted names', () => {
    const r = run('--employees', '10');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--industry');
    expect(r.err).toContain('软件和信息技术服务业');
  });

  test.each([
    ['--employees', 'abc', /--employees 应为非负整数.*「abc」/],
    ['--employees', '-3', /--employees 应为非负整数.*「-3」/],
    ['--employees', '12.5', /--employees 应为非负整数/],
    ['--employees', '约300', /确切人数/],
    ['--revenue', '-5', /--revenue 应为非负数.*「-5」：不能为负数/],
    ['--revenue', '1,00', /--revenue 应为非负数.*「1,00」/],
    ['--assets', '很多', /--assets 应为非负数/],
  ])('bad number %s %s: exit 2', (option, value, message) => {
    const r = run('--industry', '建筑业', '--employees', '1', '--revenue', '100', option, value);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test('missing figure: exit 2 naming it', () => {
    const r = run('--industry', '工业', '--employees', '500');
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toContain('缺少营业收入');
    expect(r.err).toContain('--revenue');
  });

  test('unknown option and stray argument: exit 2 with usage', () => {
    expect(run('--industry', '工业', '--foo').err).toMatch(/不认识的选项 --foo[\s\S]*用法/);
    const r = run('--industry', '工业', '300');
    expect(r.code).toBe(2);
    expect(r.err).toContain('多余的参数「300」');
  });

  test('--help prints the usage and exits 0', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^用法：npm run classify/);
  });
});
