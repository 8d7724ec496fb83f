import * as assert from 'node:assert/strict';
import { ruleTester } from '../support/rule-tester';
import { emptyModelOptions } from '../support/resources';
import { keptMarks } from '../../server/src/core/rules/repeated-punctuation';

const empty = emptyModelOptions();
const valid = (text: string, language: 'markdown' | 'plaintext' = 'plaintext') => ({ text, options: empty, language });

ruleTester('repeated-punctuation', {
  valid: [
    // ellipsis and dash are two-character marks, not repetitions
    valid('累计7000余名帮扶人才扎根边疆和县域……实践成果不断积累。'),
    valid('我国医疗服务体系不断优化完善——医疗资源分层分级布局持续优化。'),
    // tone: ？！ and doubled ？/！ are a style choice
    valid('这还是我们熟悉的医院吗？！'),
    valid('太好了！！真的吗？？'),
    // an ellipsis typed as full stops belongs to punctuation-form
    valid('他说。。。算了。'),
    // marks separated by a quote or bracket are not a run
    valid('他说：“好。”。然后（见上）。'),
    // half-width runs outside Chinese text
    valid('Times 12:30:45, ratio 1:2;3.'),
    valid('代码 `a,,b` 不查。', 'markdown'),
    // surrogate pair and CRLF
    valid('𠮷野家，好吃。\r\n\r\n第二段，好。'),
  ],
  invalid: [
    {
      text: '持续推进分级诊疗，，让群众就近就医。。',
      options: empty,
      errors: [
        { text: '，，', message: '重复的标点“，，”，应为“，”' },
        { text: '。。', message: '应为“。”' },
      ],
      output: '持续推进分级诊疗，让群众就近就医。',
    },
    {
      name: 'enumeration comma doubled',
      text: '医疗、、医保、医药协同发展。',
      options: empty,
      errors: [{ text: '、、', offset: 2 }],
      output: '医疗、医保、医药协同发展。',
    },
    {
      name: 'a sentence end keeps its full stop',
      text: '会议在京召开，。会议指出，要持续推进。',
      options: empty,
      errors: [{ text: '，。', message: '标点连用“，。”，应为“。”' }],
      output: '会议在京召开。会议指出，要持续推进。',
    },
    {
      name: 'full stop then comma keeps the full stop',
      text: '工作取得进展。，下一步要巩固。',
      options: empty,
      errors: [{ text: '。，', message: '应为“。”' }],
      output: '工作取得进展。下一步要巩固。',
    },
    {
      name: 'question mark wins over a trailing full stop',
      text: '如何进一步优化结构？。会议给出答案。',
      options: empty,
      errors: [{ text: '？。', message: '应为“？”' }],
      output: '如何进一步优化结构？会议给出答案。',
    },
    {
      name: 'semicolon and colon doubled',
      text: '一是强基；；二是稳二：：三是控三。',
      options: empty,
      errors: [{ text: '；；' }, { text: '：：' }],
      output: '一是强基；二是稳二：三是控三。',
    },
    {
      name: 'a half-width comma running into a full-width one',
      text: '稳中求进，,擘画新蓝图。',
      options: empty,
      errors: [{ text: '，,', message: '应为“，”' }],
      output: '稳中求进，擘画新蓝图。',
    },
    {
      name: 'after a surrogate pair, across CRLF',
      text: '𠮷野家，，好吃。\r\n\r\n第二段。。',
      options: empty,
      errors: [
        { text: '，，', offset: 4 },
        { text: '。。', offset: 16 },
      ],
      output: '𠮷野家，好吃。\r\n\r\n第二段。',
    },
  ],
});

describe('repeated-punctuation keptMarks', () => {
  it('keeps the strongest pause, and ？！ together', () => {
    assert.equal(keptMarks('、，'), '，');
    assert.equal(keptMarks('；。'), '。');
    assert.equal(keptMarks('：，'), '：');
    assert.equal(keptMarks('？！。'), '？！');
    assert.equal(keptMarks(',，'), '，');
  });
});
