import { ruleTester } from '../support/rule-tester';
import { emptyModelOptions } from '../support/resources';

const empty = emptyModelOptions();
const valid = (text: string, language: 'markdown' | 'plaintext' = 'plaintext') => ({ text, options: empty, language });

ruleTester('paired-punctuation', {
  valid: [
    // nesting
    valid('他说：“要落实‘强基、稳二、控三’原则。”《〈中国工人〉发刊词》发表。'),
    // a quotation over several paragraphs reopens each with “ and closes only in the last (GB/T 15834-2011 4.8)
    valid('他说：“第一，要强基层。\n\n“第二，要稳二级。\n\n“第三，要控三级。”'),
    // the same written one paragraph a line, as exported copy is; legal amendments quoted item by item
    valid('他说：“第一，要强基层。\n“第二，要稳二级。\n“第三，要控三级。”\n会议随后结束。'),
    valid(
      '决定作出如下修改：\n“第一条　为了规范管理，制定本条例。\n“第二条　本条例适用于本市行政区域。\n“第三条　本条例自公布之日起施行。”\n本决定自公布之日起施行。',
    ),
    // a hard-wrapped line break inside a quotation
    valid('《中医药发展战略规划纲要》提出，“推\n\n动中医药进校园。”'),
    // a wrapped line that happens to end with a sentence inside the quotation
    valid('他表示，“医院盲目扩张?\n\n这需要地方政府的财政支持，也需要\n\n量力而行”。'),
    // enumerations at a line start
    valid('1）加强管理；\n2）完善制度；\na）分步推进。'),
    // a half-width pair, and a mixed one (punctuation-width fixes the width)
    valid('被 Gartner 选为\n\n(Data Middle Office)全球推荐供应商（试行)。'),
    // English apostrophes and ASCII quotes are not checked
    valid('China’s plan and the students’ work. He said "yes" and \'no\'.'),
    // English smiley and code stay out
    valid('Nice :) see `f(` here', 'markdown'),
    // surrogate pair and CRLF
    valid('𠮷野家“好吃”（真的）\r\n\r\n【提要】《健康报》〔2022〕。'),
  ],
  invalid: [
    {
      name: 'one paragraph a line: a quotation left open at the end of its paragraph is not closed by a later one',
      text: '今年是实现“十四五规划目标的关键一年。\n各地推进“放管服”改革。',
      options: empty,
      errors: [{ text: '“', message: '未闭合，缺少与之配对的' }],
    },
    {
      name: 'a quotation never closed',
      text: '他说：“要把工作做实。推动落实。\n\n下一段。',
      options: empty,
      errors: [{ text: '“', offset: 3, message: '引号““”未闭合，缺少与之配对的“””' }],
    },
    {
      name: 'a stray closing quote',
      text: '会议强调，要持续推进”分级诊疗。',
      options: empty,
      errors: [{ text: '”', message: '多余的引号“””，前面没有与之配对的““”' }],
    },
    {
      name: 'a book title left open',
      text: '出台《广东省三级医院评审标准实施指南和配套手册。',
      options: empty,
      errors: [{ text: '《', message: '书名号“《”未闭合' }],
    },
    {
      name: 'a bracket crossed by another pair’s closer',
      text: '会议（“强基层）确定方向。”',
      options: empty,
      errors: [{ text: '“', offset: 3 }, { text: '”' }],
    },
    {
      name: 'an opening quote typed where the quotation ends',
      text: '他说：“好好干。“大家鼓掌。',
      options: empty,
      errors: [{ text: '“', offset: 8, message: '应为后引号“””' }],
      output: '他说：“好好干。”大家鼓掌。',
    },
    {
      name: 'stray closing bracket in the middle of a line is not an enumeration',
      text: '其中1）项已完成，【提要未闭合。',
      options: empty,
      errors: [{ text: '）' }, { text: '【' }],
    },
    {
      name: 'the next paragraph does not continue the quotation',
      text: '他说：“第一，要强基层。\n\n第二段没有引号。\n\n第三段。',
      options: empty,
      errors: [{ text: '“', offset: 3 }],
    },
    {
      name: 'after a surrogate pair, with CRLF',
      text: '𠮷野家“好吃。\r\n\r\n第二段）。',
      options: empty,
      errors: [
        { text: '“', offset: 4 },
        { text: '）', offset: 15 },
      ],
    },
  ],
});
