import { ruleTester } from '../support/rule-tester';

ruleTester('numbering-sequence', {
  valid: [
    '一是打通数据壁垒。二是推进数字转型。三是加大政策宣传。',
    { text: '一是打通数据壁垒。二是推进数字转型。\n\n一是加强监管。二是统一政策。', name: 'independent lists in different paragraphs' },
    { text: '他说：“一是要快，三是要好。”二是我们自己的判断。', name: 'quoted text is ignored' },
    { text: '一是打通数据壁垒，三年来成效明显。二是推进数字转型。三是加大宣传。', name: 'a numeral that counts (三年来) is not a lost marker' },
    { text: '（一）加强组织领导\n\n具体内容。\n\n（二）完善保障措施\n\n（三）强化督导', name: 'headings across paragraphs' },
    { text: '——论贯彻落实全国卫生健康工作会议部署要求（五）', name: 'a lone series number' },
    { text: '统一是前提，唯一是目标。', name: '一是inside a word (统一是, 唯一是)' },
    { text: '# 第一篇\n\n（一）甲\n\n（二）乙\n\n# 第二篇\n\n（四）丙', name: 'a markdown heading starts a new article' },
    { text: '第一，要稳。第二，要准。第三，要狠。', name: '第一…第三 in order' },
    { text: '要抓好三个方面：一是稳，二是准，三是狠。', name: 'announced count matches' },
    { text: '一是推动改革，二是强化保障，三是加强监管。\n\n我们认为五是一个吉利的数字。', name: 'a list does not continue into an unrelated paragraph' },
  ],
  invalid: [
    {
      text: '一是打通数据壁垒。二是统一门特病种范围。三对长期异地居住人员实行同质化管理。四是推进分级诊疗。五是探索更高层次统筹。',
      errors: [{ text: '三对', message: '序号缺“是”：“三对”应为“三是对”' }],
      output: '一是打通数据壁垒。二是统一门特病种范围。三是对长期异地居住人员实行同质化管理。四是推进分级诊疗。五是探索更高层次统筹。',
    },
    {
      text: '中长期来看，应于政策层面助力医保结算的跨省协同。一是推进监管创新，探索跨区域协同监管模式。二是统一区域异地就医结算政策，逐步统一门慢、\n\n门特病种范围及医保目录。三对长期异地居住人员的就医实行参保地和就医地同质化管理。四是从跨区域医疗资源配置入手。',
      name: 'a list across a hard wrap',
      errors: [{ text: '三对' }],
      output:
        '中长期来看，应于政策层面助力医保结算的跨省协同。一是推进监管创新，探索跨区域协同监管模式。二是统一区域异地就医结算政策，逐步统一门慢、\n\n门特病种范围及医保目录。三是对长期异地居住人员的就医实行参保地和就医地同质化管理。四是从跨区域医疗资源配置入手。',
    },
    {
      text: '一是加强领导，二是完善制度，四是强化考核。',
      errors: [{ text: '四是', message: '序号不连续：“二是”之后是“四是”，缺少“三是”' }],
    },
    {
      text: '一是加强领导，二是完善制度，二是强化考核，四是严格问责。',
      errors: [{ text: '二是', offset: 14, message: '序号重复：“二是”出现两次，应为“三是”' }],
      output: '一是加强领导，二是完善制度，三是强化考核，四是严格问责。',
    },
    {
      text: '（一）加强组织领导\n\n（二）完善保障措施\n\n（四）强化督导检查',
      errors: [{ text: '（四）', message: '序号不连续：“（二）”之后是“（四）”，缺少“（三）”' }],
    },
    {
      text: '第一，要稳。第三，要狠。',
      errors: [{ text: '第三', message: '缺少“第二”' }],
    },
    {
      text: '统筹推进六大关键领域改革：一是推进医疗服务，二是推进医保支付，三是推进药品供应，四是推进公共卫生，五是推动数字健康。',
      errors: [{ text: '六大', message: '项数不符：前称“六大”，后文只列到“五是”' }],
    },
  ],
});
