// 门槛8：「本科及以上学历和中级及以上技术职称专业人员不少于8人」: a word the rules cannot place is the reviewer's to decide.
import { checkTester, staffSheet } from '../../helpers/submission';

checkTester('staff-title-unrecognized', {
  valid: [
    {
      name: 'words the rules place: degrees, titles, junior titles, skill levels, occupational qualifications',
      files: {
        'a.xlsx': [
          staffSheet([
            [1, '张一', '经理', '大学本科', 'x', '高级工程师', 'x', '1'],
            [2, '张二', '顾问', '大专', 'x', '助理工程师', 'x', '2'],
            [3, '张三', '顾问', '硕士研究生', 'x', '高级技师', 'x', '3'],
            [4, '张四', '顾问', '高中', 'x', '心理咨询师', 'x', '4'],
            [5, '张五', '顾问', 'MBA', 'x', null, null, '5'],
          ]),
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'an education and a title word none of the tables holds',
      files: { 'a.xlsx': [staffSheet([[1, '李一', '经理', '进修结业', 'x', '优秀员工证书', 'x', '1']])] },
      findings: [
        { at: '人员!D5', messageId: 'education', data: { person: '李一', education: '进修结业' } },
        { at: '人员!F5', messageId: 'title', data: { person: '李一', title: '优秀员工证书' } },
      ],
    },
  ],
});
