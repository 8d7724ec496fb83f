import * as assert from 'node:assert/strict';
import { ruleTester, ruleFindings } from '../support/rule-tester';
import { emptyModelOptions, lexicon } from '../support/resources';
import { applyFixes, learnModel, RULES_BY_ID } from '../../server/src/core';

/** One long sentence of prose, hard-wrapped every 20 characters the way a PDF extraction leaves it. */
const PROSE =
  '互联网医疗建设是医院信息部门近年来的重要任务之一，为了持续改进患者体验，线上线下一体化成为当前互联网医疗建设的主攻方向，在此过程中信息部门面临多重挑战，' +
  '首先要在与医院既有业务信息系统融合的基础上统筹互联网医疗建设，其次需要积极开展多科室协同，再次要有效平衡线上线下数据共享与数据安全，' +
  '加强互联网医疗线上线下数据共享水平需要打造坚实的数据底座，将医院数据中心与医疗应用分层解耦，最后还要做好运营工作。';
const WRAPPED_LINES = PROSE.match(/.{1,20}/gu)!;
const WRAPPED = WRAPPED_LINES.join('\n\n');

ruleTester('broken-paragraph', {
  valid: [
    // headlines, display heads, labels before body text
    '## 基层皮肤科建设驶上快车道\n\n本报讯（记者崔芳）近日，记者从中华医学会获悉。',
    '青海把“强基”摆在更加突出位置\n\n会议要求，推动卫生健康事业高质量发展。',
    '守护妇幼健康\n托起稳稳幸福\n\n习近平总书记关于健康中国建设重要论述精神，为推进工作提供了根本遵循。',
    '关注地方卫生健康工作会\n\n山东统筹实施“1+8”行动\n\n本报讯（特约记者郝金刚）1月19日，会议召开。',
    {
      name: 'a bracketed date on a line of its own under a long title (one paragraph a line)',
      text: '全国卫生健康工作会议在京召开\n会议宣读了国务院关于授予张某、李某“全国优秀医生”荣誉称号并颁发“白求恩奖章”的决定\n（2026年1月5日）\n2025年，各地卫生健康部门认真贯彻落实党中央决策部署，推动工作取得新成效。\n',
    },
    // bylines, datelines, captions, editor credits, masthead fields
    '□本报记者 吴少杰 肖景丹\n\n上思县地处广西壮族自治区西南部，是防城港市唯一的市辖县。',
    '刘国中在贵州调研时强调 扎实抓好常态化帮扶各项工作\n\n据新华社贵阳1月23日电 中共中央政治局委员到贵州调研。',
    '榴园村卫生室义务承担起滑雪场的医疗救治工作。 特约记者李春辉摄\n\n更好发挥中西医协同的独特优势',
    '编辑 张 喆\n\n关注地方卫生健康工作会',
    '健康报\n\nHEALTH NEWS\n\n国家卫生健康委员会主管\n\n2026年1月19日\n\n农历乙巳年',
    // list items and lines that end a sentence
    '主要措施如下：\n\n一、加强组织领导\n\n二、完善政策措施',
    '会议强调，要推动高质量发展。\n\n会议要求，加强基层建设，落实各项任务。',
    '四是推动产业发展；五是推动\n\n强基固本\n\n“强基”是本次会议的热词之一。',
    '问题得到解决。”梁宝忠说。\n\n(下转第4版)\n\n各省级卫生健康委负责同志参加会议。',
    // Markdown: headings, lists, tables, soft line breaks
    { text: '# 标题\n\n- 第一项内容，包括\n- 第二项内容', language: 'markdown' },
    { text: '| 项目 | 数量 |\n| --- | --- |\n| 医院 | 3 |', language: 'markdown' },
    { text: '推动医疗卫生事业高质量发展的重要\n举措包括以下几个方面。', language: 'markdown' },
    // a break across a page marker belongs to stray-digits
    '积极参加中国中医药高质量发展大会、第四届国际健康智库\n\n36 / 88\n\n论坛暨中医药产业发展论坛等活动。',
    '𠮷野家\r\n\r\n会议强调，要推动发展。\r\n',
    // one paragraph a line, as exported copy writes it: a headline, however long, before its lede
    '我国自主研制的新型科考船完成首次远海综合科学考察任务返回母港\n本台消息（新闻联播）：近日，科考船顺利返回。\n考察期间，科考队员完成多项作业。',
    '多国专家学者积极评价中国推动绿色低碳转型的务实举措\n当地时间3日，多国专家学者表示，中国的做法值得借鉴。',
    '寒潮持续 降雪降温影响北方多地\n受冷空气影响，北方地区出现大范围降温。',
    '某市举行防汛应急演练\n市应急管理局5日在江边举行演练，检验各部门协同能力。',
    // round-ups: sub-headlines with a comma in them, each before the paragraph it heads
    '政府工作报告\n一、深化改革，增强发展活力\n在新的一年里，要坚定不移推进改革。\n二、扩大开放，促进合作共赢\n随着开放不断扩大，合作领域日益拓展。',
    '（三）深化科技体制改革，调动各方面的创新积极性\n在国有企业中全面推行研发投入考核。',
    { name: 'an empty model still knows a headline', text: '基层皮肤科建设驶上快车道\n\n本报讯（记者崔芳）近日，记者获悉。', options: emptyModelOptions() },
    // one paragraph a line: a sub-headline whose lede repeats its words, a name or column before a colon, a title after a lead-in
    '全省教育工作会议召开\n会议总结了去年的工作。\n全省新建二十所乡村学校\n记者从省教育厅获悉，今年全省新建二十所乡村学校，惠及学生三万名。',
    '乡村教育观察\n山区教育条件不断改善。\n李明：让山村孩子读上好书\n李明是一名乡村教师，二十年来一直坚守在山区。',
    '某报发表署名文章。文章全文如下：\n携手共建美好未来\n今年是两国建交七十周年。',
    // a report's headings set as sentences, all opening alike
    '年度工作报告\n五年来，农业生产稳步发展，粮食连年丰收\n全省粮食产量稳定在千万吨以上。\n五年来，工业结构持续优化，新兴产业加快成长\n高新技术企业数量翻了一番。\n五年来，社会事业全面进步，人民生活明显改善\n城乡居民收入年均增长百分之七。',
    // paragraphs set apart by blank lines: a heading with a comma between them
    '医院管理迈上新台阶\n\n本报记者 王明\n\n今年，全院推进管理改革。\n\n科研管理提质增效，需要数据支撑\n\n医院正在推动科研管理由粗放型向精细型转变。',
  ],
  invalid: [
    {
      name: 'a word cut in two (表|示)',
      text: '片中场景深深打动了现场观众。该片总策划吕柱表\n\n示，该片不仅是急诊医学发展的一个缩影。',
      errors: [{ text: '表\n\n示', message: '段落在句中断开，应接排为“划吕柱表示，该片”' }],
      output: '片中场景深深打动了现场观众。该片总策划吕柱表示，该片不仅是急诊医学发展的一个缩影。',
    },
    {
      name: 'a word cut by a single line break, one paragraph a line',
      text: '各地加快推进基础设施建\n设，努力扩大有效投资。',
      errors: [{ text: '建\n设', message: '应接排为“础设施建设，努力”' }],
      output: '各地加快推进基础设施建设，努力扩大有效投资。',
    },
    {
      name: 'a word cut in the headline position: the break is inside a word, not after a headline',
      text: '深化经济体制改\n革，推动高质量发展。',
      errors: [{ text: '改\n革' }],
      output: '深化经济体制改革，推动高质量发展。',
    },
    {
      name: 'a book title left open across the break',
      text: '会议审议通过了《关于进一步\n加强基层治理的意见》，并作出部署。',
      errors: [{ text: '步\n加', message: '应接排' }],
      output: '会议审议通过了《关于进一步加强基层治理的意见》，并作出部署。',
    },
    {
      name: 'the next line opens with a lone verb before a comma: its subject is above',
      text: '会上发布的统计数据\n\n显示，今年以来全市经济稳中有进。',
      errors: [{ text: '据\n\n显' }],
      output: '会上发布的统计数据显示，今年以来全市经济稳中有进。',
    },
    {
      name: 'a line ending on a comma',
      text: '春节和全国两会即将到来，要以更高标准、更实举措，\n\n做好冬春季重点传染病防治工作。',
      errors: [{ text: '，\n\n做' }],
      output: '春节和全国两会即将到来，要以更高标准、更实举措，做好冬春季重点传染病防治工作。',
    },
    {
      name: 'the next line starts on a particle',
      text: '要大力弘扬中医药文化，更好地发挥中医药在预防、治疗、康复等方面\n\n的重要作用。',
      errors: [{ text: '面\n\n的', message: '应接排为“复等方面的重要作”' }],
      output: '要大力弘扬中医药文化，更好地发挥中医药在预防、治疗、康复等方面的重要作用。',
    },
    {
      name: 'a line ending on a conjunction',
      text: '乡镇卫生院服务能力达标的比例要较上年提高5%，并\n\n新建8家社区医院。',
      errors: [{ text: '并\n\n新' }],
      output: '乡镇卫生院服务能力达标的比例要较上年提高5%，并新建8家社区医院。',
    },
    {
      name: 'a long line of prose that stops without a sentence end',
      text: '据介绍，皮肤科是覆盖人群最广、基层就诊需求最突出的学科之一，中国作为决议起草国承诺逐步建立管理体系\n\n改善患者生活质量。',
      errors: [{ text: '系\n\n改' }],
      output: '据介绍，皮肤科是覆盖人群最广、基层就诊需求最突出的学科之一，中国作为决议起草国承诺逐步建立管理体系改善患者生活质量。',
    },
    {
      name: 'a hard-wrapped PDF extraction: one finding for the run of breaks, whose one fix rejoins the paragraph',
      text: WRAPPED,
      errors: [
        {
          text: WRAPPED.slice(WRAPPED_LINES[0].length - 1, WRAPPED.length - [...WRAPPED_LINES[WRAPPED_LINES.length - 1]].length + 1),
          message: `段落被硬换行拆成 ${WRAPPED_LINES.length} 行，应接排为一段`,
        },
      ],
      output: PROSE,
    },
    {
      name: 'two breaks in a row are still reported one by one',
      text: '该片总策划、急诊学科带头人吕柱表\n\n示，该片不仅是急诊医学发展的一个缩影，也是我国急诊急救网\n\n络如何通过高效协同守护每一名患者的生动写照。',
      errors: [{ text: '表\n\n示' }, { text: '网\n\n络' }],
      output: '该片总策划、急诊学科带头人吕柱表示，该片不仅是急诊医学发展的一个缩影，也是我国急诊急救网络如何通过高效协同守护每一名患者的生动写照。',
    },
    {
      name: 'a page join inside a paragraph: the next line starts with a stray space',
      text: '【提要】基本医保筹资作为医保制度的首要环节和基础支撑，涉及整\n 个医保制度体系的平稳发展。',
      errors: [{ text: '整\n 个' }],
      output: '【提要】基本医保筹资作为医保制度的首要环节和基础支撑，涉及整个医保制度体系的平稳发展。',
    },
    {
      name: 'a Markdown hard break inside a word of a headline',
      text: '2026年全国卫生健康宣传思想文化工作会议要  \n求——',
      language: 'markdown',
      errors: [{ text: '要  \n求' }],
      output: '2026年全国卫生健康宣传思想文化工作会议要求——',
    },
    {
      name: 'CRLF line ends',
      text: '该片总策划、急诊学科带头人吕柱表\r\n\r\n示，该片不仅是急诊医学发展的一个缩影。',
      errors: [{ text: '表\r\n\r\n示' }],
      output: '该片总策划、急诊学科带头人吕柱表示，该片不仅是急诊医学发展的一个缩影。',
    },
    {
      name: 'UTF-16 offsets after a character outside the BMP',
      text: '𠮷野家的急诊急救网\n\n络如何通过高效协同守护每一名患者。',
      errors: [{ text: '网\n\n络', offset: 9, length: 4 }],
      output: '𠮷野家的急诊急救网络如何通过高效协同守护每一名患者。',
    },
    {
      name: 'one paragraph a line: a line of running text (a comma in it) stops between two words',
      text: '春耕时节，各地农事繁忙。\n近日，全省各地的农业技术人员\n深入田间地头指导春耕生产。',
      errors: [{ text: '员\n深', message: '应接排为“技术人员深入田间”' }],
      output: '春耕时节，各地农事繁忙。\n近日，全省各地的农业技术人员深入田间地头指导春耕生产。',
    },
    {
      name: 'a lede cut right after its source line: short, but a colon of running text is in it',
      text: '今天各地天气晴好。\n本台消息（晚间新闻）：全省\n中小学今天正式开学，三百万名学生返校。',
      errors: [{ text: '省\n中' }],
      output: '今天各地天气晴好。\n本台消息（晚间新闻）：全省中小学今天正式开学，三百万名学生返校。',
    },
    {
      name: 'a paragraph cut before its first mark: no headline, for the next line does not repeat it',
      text: '今年以来，全市加快补齐托育服务短板。\n全市首批社区托育中心\n本周起陆续投入使用，可提供托位两千个。',
      errors: [{ text: '心\n本', message: '应接排为“托育中心本周起陆”' }],
      output: '今年以来，全市加快补齐托育服务短板。\n全市首批社区托育中心本周起陆续投入使用，可提供托位两千个。',
    },
    {
      name: 'a blank line inside a sentence of a document that sets no paragraph apart with one',
      text: '春耕时节，各地农事繁忙。\n近日，全省各地的农业技术人员\n\n深入田间地头指导春耕生产。\n各地还开展了农机检修。',
      errors: [{ text: '员\n\n深' }],
      output: '春耕时节，各地农事繁忙。\n近日，全省各地的农业技术人员深入田间地头指导春耕生产。\n各地还开展了农机检修。',
    },
    {
      name: 'an empty model still finds a word cut in two',
      text: '是广西唯\n\n一入选的县。',
      options: emptyModelOptions(),
      errors: [{ text: '唯\n\n一' }],
      output: '是广西唯一入选的县。',
    },
  ],
});

describe('broken-paragraph and the learned model', () => {
  it('learns how long headlines run from the corpus', () => {
    const corpus = [
      '## 基层皮肤科建设驶上快车道',
      '江西推进基层医疗机构药品追溯体系建设',
      '守护妇幼健康',
      '青海把“强基”摆在更加突出位置',
      '健康中国·行走广西',
      '会议强调，要推动高质量发展。',
    ].map((content, i) => ({ path: `c${i}.txt`, content: `${content}\n\n本报讯 正文。` }));
    const model = learnModel(corpus, lexicon());
    assert.equal(model.characters.headlines.count, 5);
    assert.ok(model.characters.headlines.p90 >= 14 && model.characters.headlines.p90 <= 20, JSON.stringify(model.characters.headlines));
  });

  it('fix-all joins a hard-wrapped paragraph into one line', () => {
    const fixed = applyFixes(WRAPPED, ruleFindings('broken-paragraph', WRAPPED));
    assert.equal(fixed, PROSE);
    assert.deepEqual(ruleFindings('broken-paragraph', fixed), []);
  });

  it('the documented example is flagged and its fix gives the documented correction', () => {
    const { bad, good } = RULES_BY_ID.get('broken-paragraph')!.meta.docs.example;
    const found = ruleFindings('broken-paragraph', bad);
    assert.ok(found.length > 0);
    assert.equal(applyFixes(bad, found), good);
  });
});
