import * as assert from 'node:assert/strict';
import { ruleTester, ruleFindings } from '../support/rule-tester';
import { optionsWith, emptyModelOptions, lexicon } from '../support/resources';
import { learnModel } from '../../server/src/core';

ruleTester('duplicate-word', {
  valid: [
    // reduplication the language means
    '大家常常去看看。',
    '要把工作做得实实在在，照顾到方方面面。',
    '一项项举措落地。',
    '这个问题要研究研究。',
    '研究研究',
    '我们再讨论讨论吧。',
    '谢谢大家，等等再说。',
    '个个都是好样的，层层压实责任，件件有着落。',
    '一个个问题，一件件落实。',
    '认认真真做事，干干净净做人。',
    '托起稳稳的幸福。',
    // a dictionary reduplication the best reading holds whole, though the left side alone reads 要紧, 形成层
    '我们要紧紧依靠群众。',
    '推动形成层层抓落实的局面。',
    '田野绿油油的。',
    // a character shared by two words at their boundary
    '卫生院院长介绍了情况。',
    '医保局局长出席会议。',
    '中医医院和中医医疗机构。',
    '这是工作作为的体现。',
    '诊所所有人员参加培训。',
    '处处长参加会议。',
    '两院院士来访。',
    '现在在卫生院就能拍片。',
    '截至2021年年底，共有3个个人项目。',
    '国家中医药局局长出席。',
    // names and transliterations
    '记者胡强强报道。',
    '吉尔吉斯斯坦代表团到访。',
    '王芳芳来了。',
    '记者张玲玲报道。',
    '以钉钉子精神担当尽责。',
    '而医院院办的咨询电话一天几十个。',
    '孩子嘘嘘一声。',
    // a doubled given name framed as a name, though surname and copy make a word (高明)
    '校长高明明表示，学校将扩建。',
    '高明明表示，学校将扩建。',
    '会见了总统高明明。',
    // a part of a transliterated foreign name, next to its dot
    '约翰·卡里里表示，比赛很精彩。',
    '卡里里·约翰到访。',
    // a coined name in quotation marks, no word without the copy either
    '吉祥物“冰墩墩”深受喜爱。',
    // one character's copies filling a quotation: a coinage quoted as such
    '球迷喊出“冲冲冲”的口号。',
    // a surname, then a post, after a common word; a rare surname the story writes after a post elsewhere
    '这笔资金金局长亲自过问。',
    '省委书记习明华到会讲话。\n\n大家认真学习习书记的讲话精神。',
    // numeral + measure word doubled
    '一艘艘货轮驶入港口。',
    '一顶顶帐篷搭了起来。',
    '要一个问题一个问题地解决。',
    '农民收入年年增加。',
    '要做到件件有回音。',
    // 一 standing alone before a content character doubled that opens and closes no word
    '村头一树树桃花开了。',
    // a character the dictionary lacks altogether cannot be judged by it
    '牛气犇犇，新年好。',
    // a one-character noun doubled to mean "every"
    '全县实现村村通公路。',
    '县县有图书馆，乡乡有文化站。',
    // an organisation, place or facility, then a title or part starting with its last character
    '他是市委统战部部长。',
    '生态环境部部长出席会议。',
    '杭州市市长来访。',
    '财政厅厅长讲话。',
    '宣传处处长主持。',
    '红旗大队大队长发言。',
    '协会会长致辞。',
    '大会会场布置一新。',
    '青山镇镇长到村里调研。',
    '示范区区长介绍情况。',
    '绿水乡乡政府门前。',
    '国家卫生健康委医疗应急司司长出席。',
    '省委巡视组组长介绍情况。',
    '沃尔戈塔州州长表示，将加强合作。',
    // an organisation ending in a head, then the head with 内 or 外: inside or outside the body
    '加强共青团团内监督。',
    // a listed name ending in a head, however short its modifier, then a post opening with the head
    '省监委委员出席会议。',
    // a word ending in a character, then a word or function word starting with it
    '目的的确达到了。',
    '可以以此为契机。',
    '这个机会会很快到来。',
    '整理常用中药药对、经典方剂。',
    '他坐在主席席位上。',
    // a unit the lexicon lacks, which the story writes elsewhere standing as one unit
    '叙军军用机场遭到袭击。\n\n叙军的补给线被切断。',
    '卫星星箭分离正常。\n\n星箭分离后，太阳翼展开。',
    '滞留的自驾游游客陆续撤离。\n\n今年自驾游持续升温。',
    // a function word standing alone, then a term the story writes again and again
    '要做好对台工作。\n\n对台工作会议召开。\n\n会议部署对台工作。\n\n坚持党对对台工作的领导。',
    // a noun, then a one-character verb of its own with an aspect particle
    '会议对下一步工作作了部署。',
    // a content character doubled right after an opening mark, opening no word: a coined name
    '动画片《溪溪镇奇遇》热映。',
    '商场推出“岚岚优品”专区。',
    // the best reading holds the doubled span inside a longer word, however rare
    '祝大家和和美美。',
    // the same doubling, word for word, three times in one story: the story's own term
    '北极快航航线开通。\n\n首艘货轮经快航航线抵达。\n\n快航航线全程约二十天。',
    // …or with the same character on one side, after different words
    '连接两市的杏杏高铁开通。\n\n随着杏杏高铁通车，两地更近了。\n\n杏杏高铁全长百余公里。',
    // two listed words meet, the reading with the right one going on in words (人民|民主|要求)
    '落实全过程人民民主要求。',
    // two listed words meet on the copy, one rare: their odds together decide (野火 29|火情 7)
    '这起野火火情严重。',
    '将调整特产税税率。',
    // a doubled form the dictionary lists, if rarely, standing on its own (节节 2, 腾腾 3)
    '全年销量节节攀升。',
    '村里喜气腾腾。',
    // set expressions and patterns
    '殷殷嘱托记心间。',
    '资金源源不断。',
    '是不是要再研究研究？',
    '手把手把技术教给农民。',
    // words sharing characters: a word across the middle, a word starting or ending with the span (年|全年|全国)
    '2024年全年全国粮食产量创新高。',
    '开放带来越来越多的机遇。',
    // not Han, or masked
    'the the end',
    { text: '代码 `为为` 不查。', language: 'markdown' },
    // outside the BMP
    '𠮷𠮷野家',
    '记者王𠮷𠮷报道。',
    '张𡒄𡒄来了。',
    // 〇 is a digit: a year is no doubled character
    '二〇〇八年。',
    '到二零零零年，产值翻了一番。',
  ],
  invalid: [
    {
      text: '实施医疗卫生卫生强基工程。',
      errors: [{ text: '卫生卫生', message: '重复的“卫生”，应为“医疗卫生强基”' }],
      output: '实施医疗卫生强基工程。',
    },
    {
      text: '以基层为为抓手。',
      errors: [{ text: '为为', offset: 3, length: 2, message: '应为“基层为抓手”' }],
      output: '以基层为抓手。',
    },
    {
      text: '纳入年度度考核重点。',
      errors: [{ text: '度度', message: '重复的“度”' }],
      output: '纳入年度考核重点。',
    },
    {
      text: '推进传承创新新发展。',
      errors: [{ text: '新新' }],
      output: '推进传承创新发展。',
    },
    {
      name: 'a doubled verb leading into its object is a slip, not reduplication',
      text: '进一步促进促进健康行动。',
      errors: [{ text: '促进促进' }],
      output: '进一步促进健康行动。',
    },
    {
      name: 'the right-hand word only exists because of the extra copy (促进|进行|动)',
      text: '中医药健康促进进行动。',
      errors: [{ text: '进进' }],
      output: '中医药健康促进行动。',
    },
    {
      name: 'a surname character that forms a word with the first copy is no name (卫生|生)',
      text: '实施医疗卫生生强基工程。',
      errors: [{ text: '生生' }],
      output: '实施医疗卫生强基工程。',
    },
    {
      name: 'a preposition doubled before a unit the story writes only once elsewhere',
      text: '代表团在在京期间参观了博物馆。\n\n代表团在京参加会议。',
      errors: [{ text: '在在' }],
      output: '代表团在京期间参观了博物馆。\n\n代表团在京参加会议。',
    },
    {
      name: 'a verb ending doubled before an aspect particle leaves no verb (部署|署了)',
      text: '会议部署署了重点任务。',
      errors: [{ text: '署署' }],
      output: '会议部署了重点任务。',
    },
    {
      name: 'after a noun that is no organisation, a last character doubled before 内 is a slip',
      text: '在合作框架架内推进。',
      errors: [{ text: '架架' }],
      output: '在合作框架内推进。',
    },
    {
      name: 'an adverb doubled before a term the story writes again and again is a slip (only a preposition governs it)',
      text: '推动文明互鉴。\n\n坚持互鉴共赢。\n\n互鉴促进发展。\n\n深化文明互互鉴。',
      errors: [{ text: '互互' }],
      output: '推动文明互鉴。\n\n坚持互鉴共赢。\n\n互鉴促进发展。\n\n深化文明互鉴。',
    },
    {
      name: 'a copula doubled is a slip even though a verb may take an object',
      text: '这是是一个问题。',
      errors: [{ text: '是是' }],
      output: '这是一个问题。',
    },
    {
      name: 'a measure word doubled after a numeral other than 一',
      text: '解决三个个问题。',
      errors: [{ text: '个个' }],
      output: '解决三个问题。',
    },
    {
      name: 'a dictionary AA word whose first copy belongs to the word on its left',
      text: '建设远程心电诊断断中心。',
      errors: [{ text: '断断' }],
      output: '建设远程心电诊断中心。',
    },
    {
      name: 'a long unit: a doubled place name',
      text: '青海省玉树藏族自治州玉树藏族自治州医院。',
      errors: [{ text: '玉树藏族自治州玉树藏族自治州' }],
      output: '青海省玉树藏族自治州医院。',
    },
    {
      name: 'UTF-16 offsets after a character outside the BMP, CRLF kept',
      text: '𠮷野家\r\n以基层为为抓手。',
      errors: [{ text: '为为', offset: 9 }],
      output: '𠮷野家\r\n以基层为抓手。',
    },
    {
      name: 'Extension B characters after a repeat are Han: the repeat is not clause-final (issue 11)',
      text: '工作工作𠮷𠮷高提质单位。',
      errors: [{ text: '工作工作', offset: 0, length: 4, message: '重复的“工作”，应为“工作𠮷𠮷”' }],
      output: '工作𠮷𠮷高提质单位。',
    },
    {
      name: 'the first character of a word doubled: 提 is a word, but 提|提高 is no boundary',
      text: '要不断提提高服务水平。',
      errors: [{ text: '提提' }],
      output: '要不断提高服务水平。',
    },
    {
      name: 'a stray entry the best reading does not pick is no boundary (中国|发, not 中|国发)',
      text: '推动中国发发展。',
      errors: [{ text: '发发' }],
      output: '推动中国发展。',
    },
    {
      name: 'a word doubled whole, though the repeat found starts a character early (的目|的目|的)',
      text: '这次会议的目的目的是统一思想。',
      errors: [{ text: '的目的目' }],
      output: '这次会议的目的是统一思想。',
    },
    {
      name: 'a fragment pasted twice: both ends of the span inside words (我国|中国|中医药)',
      text: '我国中国中医药事业发展。',
      errors: [{ text: '国中国中' }],
      output: '我国中医药事业发展。',
    },
    {
      name: 'a function word doubled is no listed reduplication',
      text: '这是我们的的目标。',
      errors: [{ text: '的的' }],
      output: '这是我们的目标。',
    },
    {
      name: 'the first character doubled after a word',
      text: '推动经济发发展。',
      errors: [{ text: '发发' }],
      output: '推动经济发展。',
    },
    {
      name: 'a first character doubled before a phrase (我国|中 ends no word)',
      text: '我国中中医药事业发展取得新成效。',
      errors: [{ text: '中中' }],
      output: '我国中医药事业发展取得新成效。',
    },
    {
      name: 'a middle character doubled: without the copy the text reads one word (研究生)',
      text: '今年研究究生招生人数增加。',
      errors: [{ text: '究究' }],
      output: '今年研究生招生人数增加。',
    },
    {
      name: 'a noun doubled whole is no reduplication',
      text: '加强政策政策宣传。',
      errors: [{ text: '政策政策' }],
      output: '加强政策宣传。',
    },
    {
      name: 'a noun doubled whole before a verb',
      text: '完善基层基层治理。',
      errors: [{ text: '基层基层' }],
      output: '完善基层治理。',
    },
    {
      name: 'a character that starts as many nouns as it ends is no organisation head (社)',
      text: '走进多民族社社区。',
      errors: [{ text: '社社' }],
      output: '走进多民族社区。',
    },
    {
      name: 'the story writing the word elsewhere is no evidence for a slip inside it (不断|提升 holds 提)',
      text: '要不断提提高服务水平。\n\n我们不断提升能力。',
      errors: [{ text: '提提' }],
      output: '要不断提高服务水平。\n\n我们不断提升能力。',
    },
    {
      name: 'the same doubling elsewhere in the story is no evidence for the unit',
      text: '叙军军用机场遭到袭击。\n\n又一座叙军军用机场被毁。',
      errors: [{ text: '军军' }, { text: '军军' }],
      output: '叙军用机场遭到袭击。\n\n又一座叙军用机场被毁。',
    },
    {
      name: 'a unit the lexicon lacks and the story does not write again stays a finding',
      text: '叙军军用机场遭到袭击。',
      errors: [{ text: '军军' }],
      output: '叙军用机场遭到袭击。',
    },
    {
      name: 'a doubling far from the dot of a foreign name is no part of it',
      text: '约翰·卡尔森表示，要要加强合作。',
      errors: [{ text: '要要' }],
      output: '约翰·卡尔森表示，要加强合作。',
    },
    {
      name: 'after a transliterated name, only a head character (州, 部) heads a noun built on it',
      text: '沃尔戈塔社社区',
      errors: [{ text: '社社' }],
      output: '沃尔戈塔社区',
    },
    {
      name: 'a quoted word that stays a word without the copy is a slip, not a coined name',
      text: '要把“健康康”放在首位。',
      errors: [{ text: '康康' }],
      output: '要把“健康”放在首位。',
    },
    {
      name: 'a character the story never writes as a surname is no surname before a post',
      text: '省委书记李明华到会讲话。\n\n大家认真学习习书记的讲话精神。',
      errors: [{ text: '习习' }],
      output: '省委书记李明华到会讲话。\n\n大家认真学习书记的讲话精神。',
    },
    {
      name: 'a word and a character the story writes only before a word opening with it is no unit',
      text: '滞留的自驾游游客陆续撤离。\n\n自驾游游客增多。',
      errors: [{ text: '游游' }, { text: '游游' }],
      output: '滞留的自驾游客陆续撤离。\n\n自驾游客增多。',
    },
    {
      name: 'a doubling written twice in one story (a headline and its lead) is still a slip',
      text: '北极快航航线开通。\n\n首艘货轮经快航航线抵达。',
      errors: [{ text: '航航' }, { text: '航航' }],
      output: '北极快航线开通。\n\n首艘货轮经快航线抵达。',
    },
    {
      name: 'a tripled word is one finding whose fix removes both extra copies',
      text: '加强卫生卫生卫生建设。',
      errors: [{ text: '卫生卫生卫生' }],
      output: '加强卫生建设。',
    },
  ],
});

describe('duplicate-word evidence says why', () => {
  it('names the word each copy belongs to and the pair no word holds', () => {
    const [first] = ruleFindings('duplicate-word', '要不断提提高服务水平。');
    assert.match(first.evidence ?? '', /“断提”不成词，后一个“提”属于“提高”/);
    const [last] = ruleFindings('duplicate-word', '纳入年度度考核重点。');
    assert.match(last.evidence ?? '', /前一个“度”属于“年度”，“度考”不成词/);
    assert.match(last.evidence ?? '', /去掉一个“度”，读作“入年度考核”/);
  });

  it('a function word doubled is said to be one', () => {
    const [found] = ruleFindings('duplicate-word', '以基层为为抓手。');
    assert.match(found.evidence ?? '', /“为”是虚词或助动词，不重叠使用/);
  });
});

describe('duplicate-word and the learned model', () => {
  it('a repeat the corpus uses again and again (a place name) is learned and stays clean', () => {
    const draft = '代表团走进杏杏村调研。';
    assert.equal(ruleFindings('duplicate-word', draft, { model: emptyModelOptions().model }).length, 1, 'unlearned name is flagged');
    const corpus = ['走进杏杏村。', '杏杏村的村医说。', '来到杏杏村卫生室'].map((content, i) => ({ path: `c${i}.txt`, content }));
    const model = learnModel(corpus, lexicon());
    assert.ok(
      Object.keys(model.repeats.legitimate).some((k) => k.includes('杏杏')),
      JSON.stringify(model.repeats),
    );
    assert.deepEqual(ruleFindings('duplicate-word', draft, { model }), []);
  });

  it('a slip the corpus makes only once is not learned', () => {
    const corpus = [
      { path: 'a.txt', content: '以基层为为抓手。' },
      { path: 'b.txt', content: '以社区为抓手。' },
    ];
    const model = learnModel(corpus, lexicon());
    assert.deepEqual(model.repeats.legitimate, {});
    assert.equal(ruleFindings('duplicate-word', '以基层为为抓手。', { model }).length, 1);
  });

  it('a learned repeat excuses its context only where the neighbour makes no word with the copy', () => {
    const corpus = ['大会执行主席席就座。', '执行主席席就座，会议开始。'].map((content, i) => ({ path: `c${i}.txt`, content }));
    const model = learnModel(corpus, lexicon());
    assert.ok((model.repeats.legitimate['主席席'] ?? 0) >= 2, JSON.stringify(model.repeats));
    assert.deepEqual(ruleFindings('duplicate-word', '执行主席席就座。', { model }), []);
    // 主席 is a word: the learned 主席席 says nothing of a 主席 typed with its last character twice
    assert.equal(ruleFindings('duplicate-word', '国家主席席会见了代表团。', { model }).length, 1);
  });

  it('the house dictionary (allow) silences a repeat', () => {
    assert.deepEqual(ruleFindings('duplicate-word', '常用中药药对。', optionsWith({}, { allow: ['中药药对'] })), []);
  });
});
