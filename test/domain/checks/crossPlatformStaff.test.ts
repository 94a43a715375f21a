import { crossCheckTester } from '../../helpers/crossCheck';
import { staffSheet, type Row } from '../../helpers/submission';

const staff = (rows: Row[]) => ({ 'a.xlsx': [staffSheet(rows, '人员')] });
const person = (name: string, school: string, phone: string): Row => [1, name, '经理', '本科', school, '工程师', '人社局', phone];

crossCheckTester('cross-platform-staff', {
  valid: [
    {
      name: 'the same name, another phone and school',
      platforms: { 甲平台: staff([person('张伟', '北京大学 经济学', '13800001111')]), 乙平台: staff([person('张伟', '清华大学 机械', '13900002222')]) },
    },
    {
      name: 'the same phone under another name (a switchboard)',
      platforms: { 甲平台: staff([person('张伟', '北京大学', '010-88886666')]), 乙平台: staff([person('李娜', '清华大学', '010-88886666')]) },
    },
  ],
  invalid: [
    {
      name: 'the same name and phone, written differently',
      platforms: {
        甲平台: staff([person('张明远', '北京大学 经济学', '13800001111')]),
        乙平台: staff([person('王芳', '北京工业大学', '13700003333'), person('张明远', '北大', '138-0000-1111')]),
      },
      findings: [
        { platform: '甲平台', at: '人员!B5', messageId: 'samePhone', data: { person: '张明远', phone: '13800001111', others: '「乙平台」第6行' } },
        { platform: '乙平台', at: '人员!B6', messageId: 'samePhone', data: { others: '「甲平台」第5行' } },
      ],
      shared: 1,
    },
    {
      name: 'the same name and school, phones apart; three platforms, one row on 交叉核查',
      platforms: {
        甲平台: staff([person('李雪', '清华大学 管理科学', '13900002222')]),
        乙平台: staff([person('李雪', '清华大学管理科学', '')]),
        丙平台: staff([person('李雪', '清华大学 管理科学', '13911112222')]),
      },
      findings: [
        { platform: '甲平台', at: '人员!B5', messageId: 'sameSchool', data: { school: '清华大学 管理科学', others: '「乙平台」第5行、「丙平台」第5行' } },
        { platform: '乙平台', at: '人员!B5', messageId: 'sameSchool' },
        { platform: '丙平台', at: '人员!B5', messageId: 'sameSchool' },
      ],
      shared: 1,
    },
  ],
});
