import { checkTester } from '../../helpers/submission';

const list = (codes: string[]) => ({
  'a.xlsx': [
    {
      name: '名单',
      rows: [['序号', '服务企业名称', '服务内容', '所属省市', '统一社会信用代码'], ...codes.map((c, i) => [i + 1, `北京${i}公司`, 'x', '北京', c])],
    },
  ],
});

checkTester('credit-code-invalid', {
  valid: [
    { name: 'valid codes, full-width and lower case folded', files: list(['91110000600037341L', '91350100m000100y43', '９１１１００００６０００３７３４１Ｌ']) },
    { name: 'no code column at all', files: { 'a.xlsx': [{ name: '名单', rows: [['服务企业名称', '所属省市'], ['北京甲公司', '北京']] }] } },
  ],
  invalid: [
    {
      name: 'a wrong check character, a short code, a letter outside the alphabet',
      files: list(['91110000600037341M', '9111000060003734', '9111000060003734IL']),
      findings: [
        { at: '名单!E2', messageId: 'invalid' },
        { at: '名单!E3', messageId: 'invalid', data: { reason: expect.stringMatching(/18/) } },
        { at: '名单!E4', messageId: 'invalid', data: { reason: expect.stringMatching(/I/) } },
      ],
    },
  ],
});
