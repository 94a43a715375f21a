import { checkTester, table } from '../../helpers/submission';

const innov = (quals: unknown[]) => ({ 'a.xlsx': [table('4-2-1-8', quals.map((q, i) => [i + 1, `北京${i}公司`, q, 'x']), { name: '创新' })] });

checkTester('qualification-unrecognized', {
  valid: [
    {
      name: 'the six, written many ways',
      files: innov(['创新型中小企业', '创新型', '市级专精特新', '专精特新“小巨人”', '国家级专精特新小巨人企业', '隐形冠军', '制造业单项冠军', '独角兽企业', '专精特新、小巨人']),
    },
  ],
  invalid: [
    {
      name: '高新技术企业, blank, and a partly recognised cell',
      files: innov(['高新技术企业', null, '专精特新、高新技术企业']),
      findings: [{ at: '创新!C2', messageId: 'unrecognized', data: { qualifications: expect.stringMatching(/高新技术企业/), counted: '不计入' } }, { at: '创新!C3', messageId: 'blank' }, { at: '创新!C4', messageId: 'unrecognized', data: { counted: '该部分不计入' } }],
    },
  ],
});
