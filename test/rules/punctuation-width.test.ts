import * as assert from 'node:assert/strict';
import { ruleTester, ruleFindings } from '../support/rule-tester';
import { emptyModelOptions } from '../support/resources';
import { emptyModel } from '../../server/src/core/model/load';
import { emptyStyle } from '../../server/src/core/model/sections/style';

// Every case runs against an empty model: the rule follows the standard, not the corpus.
const empty = emptyModelOptions();
const valid = (text: string, language: 'markdown' | 'plaintext' = 'plaintext') => ({ text, options: empty, language });

ruleTester('punctuation-width', {
  valid: [
    // numbers, times and ratios keep their half-width marks
    valid('全省共有1,000家医疗机构，增长3.5%。'),
    valid('会议于12:30开始，男女比例为3:2。'),
    // English inside Chinese text
    valid('他用英文说：He said, "Hello, world!" 然后离开。'),
    valid('参见 see (1) below 一节。'),
    valid('Is it true? Yes! Great; thanks: OK.'),
    // formulas and calls
    valid('函数f(x)的取值范围。'),
    valid('条件a!=b时成立。'),
    // URLs and e-mail addresses are masked
    valid('详见https://example.com/a?b=1,2;c=3 网站。'),
    valid('截至2025-01-05 08:30:00，共计1,234人。'),
    // Markdown image and inline code
    valid('如图![示意图](a.png)所示。', 'markdown'),
    valid('命令 `lint(a, b)` 输出结果。', 'markdown'),
    // already full-width, with a surrogate pair and CRLF
    valid('𠮷野家（东京），好吃！\r\n\r\n第二段：好。'),
    valid('（1）加强管理；（2）完善制度？'),
    // straight quotes outside Chinese text, apostrophes, inch and foot marks, code
    valid('他用英文说：He said "good morning" to everyone. 然后离开。'),
    valid("China's growth and the students' union 都很重要。"),
    valid('屏幕尺寸为6.1"，身高5\'10"的球员。'),
    valid('配置项 name="名称" 写在首行。'),
    valid('命令 `echo "你好"` 输出问候。', 'markdown'),
  ],
  invalid: [
    {
      text: '稳中求进,擘画医疗服务新蓝图',
      options: empty,
      errors: [{ text: ',', message: '半角逗号“,”，应为全角“，”' }],
      output: '稳中求进，擘画医疗服务新蓝图',
    },
    {
      name: 'a bracket pair converts together, with the space before it',
      text: '本报讯 (记者吴少杰)近日,国家医保局召开会议。',
      options: empty,
      errors: [
        { text: ' (', message: '应为全角“（”，并删去多余空格' },
        { text: ')', message: '应为全角“）”' },
        { text: ',', message: '逗号' },
      ],
      output: '本报讯（记者吴少杰）近日，国家医保局召开会议。',
    },
    {
      name: 'Latin content in Chinese text',
      text: '集成分会(IHE)会长王韬。',
      options: empty,
      errors: [{ text: '(' }, { text: ')' }],
      output: '集成分会（IHE）会长王韬。',
    },
    {
      name: 'enumeration in Chinese context',
      text: '(1)加强管理;(2)完善制度。',
      options: empty,
      errors: [{ text: '(' }, { text: ')' }, { text: ';', message: '半角分号' }, { text: '(' }, { text: ')' }],
      output: '（1）加强管理；（2）完善制度。',
    },
    {
      name: 'between a percentage and a year, both inside Chinese',
      text: '分别达到73.89%、58.9%;2025年继续提升。',
      options: empty,
      errors: [{ text: ';', offset: 16 }],
      output: '分别达到73.89%、58.9%；2025年继续提升。',
    },
    {
      name: 'colon with an English-style space after it',
      text: '徐民说: 看到群众满意',
      options: empty,
      errors: [{ text: ': ', message: '半角冒号“:”，应为全角“：”，并删去多余空格' }],
      output: '徐民说：看到群众满意',
    },
    {
      name: 'a run of marks converts as one',
      text: '这还是我们熟悉的医院吗?!谢谢大家!',
      options: empty,
      errors: [
        { text: '?!', message: '应为全角“？！”' },
        { text: '!', message: '半角叹号' },
      ],
      output: '这还是我们熟悉的医院吗？！谢谢大家！',
    },
    {
      name: 'surrogate pair before the mark and CRLF paragraphs',
      text: '𠮷野家,好吃?\r\n\r\n第二段:好。',
      options: empty,
      errors: [
        { text: ',', offset: 4 },
        { text: '?', offset: 7 },
        { text: ':', offset: 15 },
      ],
      output: '𠮷野家，好吃？\r\n\r\n第二段：好。',
    },
    {
      name: 'lone bracket (the other half is on another paragraph)',
      text: '(下转第4版',
      options: empty,
      errors: [{ text: '(' }],
      output: '（下转第4版',
    },
    {
      name: 'straight double quotes around a quotation become “ ”',
      text: '他说："我们要坚持以人民为中心。"',
      options: empty,
      errors: [{ text: '"我们要坚持以人民为中心。"', message: '直双引号"…"，应为中文引号“…”' }],
      output: '他说：“我们要坚持以人民为中心。”',
    },
    {
      name: 'straight single quotes around a term become ‘ ’',
      text: "要把'三医'协同落到实处。",
      options: empty,
      errors: [{ text: "'三医'", message: '直单引号' }],
      output: '要把‘三医’协同落到实处。',
    },
    {
      name: 'nested straight quotes, pairs taken in order',
      text: '他强调"要把\'强基\'工程抓实"，大家表示赞同。',
      options: empty,
      errors: [{ text: '"要把\'强基\'工程抓实"' }, { text: "'强基'" }],
      output: '他强调“要把‘强基’工程抓实”，大家表示赞同。',
    },
    {
      name: 'English inside Chinese quotes is still a Chinese quotation; typed spaces go',
      text: '据 "Nature" 报道，研究取得进展。',
      options: empty,
      errors: [{ text: ' "Nature" ' }],
      output: '据“Nature”报道，研究取得进展。',
    },
    {
      name: 'a lone straight quote is reported without a fix: which way it faces is a guess',
      text: '这是一个"没有闭合的引语。',
      options: empty,
      errors: [{ text: '"', message: '找不到与之配对的引号' }],
      output: '这是一个"没有闭合的引语。',
    },
  ],
});

describe('punctuation-width evidence', () => {
  it('cites the learned counts for the mark', () => {
    const style = emptyStyle();
    style.punctuation[','] = { fullWidth: 2419, halfWidth: 270 };
    const [finding] = ruleFindings('punctuation-width', '稳中求进,擘画', { model: { ...emptyModel(), style } });
    assert.match(finding.evidence ?? '', /全角逗号 2419 次、半角 270 次/);
  });

  it('works with a model file written before per-mark counts existed', () => {
    const legacy = { ...emptyModel(), style: { punctuation: { fullWidth: 3, halfWidth: 1 } } } as unknown as ReturnType<typeof emptyModel>;
    assert.equal(ruleFindings('punctuation-width', '稳中求进,擘画', { model: legacy }).length, 1);
  });
});
