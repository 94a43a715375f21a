import { renderMessage } from '../../../src/domain/checks/check';

test.each([
  ['「{{name}}」重复', { name: '甲公司' }, '「甲公司」重复'],
  ['{{a}} ÷ {{b}} = {{a}}', { a: 3, b: 4 }, '3 ÷ 4 = 3'],
  ['没有占位', {}, '没有占位'],
  // A value that looks like a placeholder is text, not filled again.
  ['{{x}}', { x: '{{y}}', y: 'no' }, '{{y}}'],
])('%s with %j → %s', (template, data, text) => {
  expect(renderMessage(template, data)).toBe(text);
});

test('a template naming a value the data does not hold is the check’s mistake, and says so', () => {
  expect(() => renderMessage('「{{name}}」', {})).toThrow(/"name"/);
});
