import * as assert from 'node:assert/strict';
import { Linter, applyEdits, emptyModel, parseModel, parseModelBytes, serializeModel, serializeModelBinary } from '../../server/src/core';
import { ruleTester } from '../support/rule-tester';
import { optionsWith } from '../support/resources';
import { archivePairs, corpusUnits, PAIR_MIN_COUNT, UNIT_MIN_COUNT, type ArchivePairs, type PhraseEntry } from '../../server/src/core/model/sections/phrases';
import { lexicon } from '../support/resources';

// A small hand-made model, so the cases do not depend on what the seeds teach.
const corpus = (phrase: string, count: number, docs = 2): PhraseEntry => ({ phrase, count, docs, source: 'corpus' });
/** A pair's key in an archive's pair table (ArchivePairs): first · 0x10000 + second. */
const key = (pair: string) => pair.charCodeAt(0) * 0x10000 + pair.charCodeAt(1);
/** An archive's pair table from counts by pair, keys ascending. */
const table = (counts: Record<string, number>): ArchivePairs => {
  const keys = Uint32Array.from(Object.keys(counts).map(key)).sort();
  const byKey = new Map(Object.entries(counts).map(([pair, count]) => [key(pair), count]));
  return { keys, counts: Uint32Array.from(keys, (k) => byKey.get(k)!) };
};
const phrases: PhraseEntry[] = [
  { phrase: '中西医结合与少数民族医药司', count: 0, docs: 0, source: '国家中医药管理局官网·机构设置' },
  corpus('党的二十大和二十届历次全会精神', 3),
  corpus('紧密型县域医共体建设', 5),
  corpus('医疗卫生强基工程', 7),
  corpus('国家卫生健康委', 38),
  corpus('国家卫健委', 7),
  corpus('二十届四中全会精神', 3),
  corpus('北京市东城区卫生健康委', 3),
  corpus('医院数字化转型', 3),
  corpus('大型医疗设备', 4),
  corpus('中医药文化进校园', 5),
  corpus('中医文化进校园', 3),
  corpus('深化医药卫生体制改革', 5),
  corpus('深化医疗卫生体制改革', 2),
  // Short phrases, caught only when a slip turns their words into non-words.
  corpus('健康教育', 3),
  corpus('推进中医药', 10),
  corpus('医疗卫生', 12),
  corpus('推进中医', 14),
  corpus('推进中医药文化', 5),
  corpus('重大疾病', 3),
  corpus('提质增效', 3),
  corpus('中医药特色', 3),
  corpus('防治的工作', 3),
  // For fixes that must not double their context.
  corpus('中国中医药', 7),
  corpus('卫生健康工作', 5),
  corpus('推动卫生健康事业', 4),
  // Usage, however long the phrase: a word or function character chosen, a word added between words.
  corpus('省疾控中心发布流感和新冠防护指南', 3),
  corpus('医院与高校签订多项合作协议', 4),
  corpus('今年改革任务艰巨', 3),
  corpus('评聘高级职称', 3),
  { phrase: '中国医院协会', count: 0, docs: 0, source: '中国医院协会官网' },
];
const options = optionsWith({ phrases: { phrases } });
const withModel = (text: string, extra: Record<string, unknown> = {}) => ({ text, options: { ...options, ...extra } });

ruleTester('fixed-phrase', {
  valid: [
    withModel('深入贯彻党的二十大和二十届历次全会精神，推进紧密型县域医共体建设。'),
    { ...withModel('国家卫生健康委和国家卫健委都是规范写法。'), name: 'both established forms of a name' },
    { ...withModel('学习贯彻二十届三中全会精神。'), name: 'a changed numeral is a different fact' },
    { ...withModel('北京市西城区卫生健康委召开会议。'), name: 'contrastive slot 东/西' },
    { ...withModel('推进医院的数字化转型。'), name: 'an added function character' },
    { ...withModel('采购大型医用设备。'), name: 'a variant that reads as ordinary words in a short phrase' },
    { ...withModel('开展中医文化进校园活动。'), name: 'a variant the corpus itself repeats' },
    { ...withModel('深化医保卫生体制改革。'), name: 'a slot the corpus fills in more than one way' },
    { ...withModel('实施医疗卫生强强基工程。'), name: 'a doubled character is left to duplicate-word' },
    { ...withModel('贯彻落实党的二十大的二十届历次全会精神。', { allow: ['党的二十大的二十届历次全会精神'] }), name: 'house dictionary silences it' },
    { text: '贯彻落实党的二十大的二十届历次全会精神。', options: optionsWith({ phrases: { phrases: [] } }), name: 'empty model: nothing to compare with' },
    withModel('今天天气很好，大家去公园散步。'),
    { ...withModel('健全教育体系，完善基础设施。'), name: 'a short variant that reads as words (健全 for 健康)' },
    { ...withModel('先后获中国医师协会“金刀奖”。'), name: 'another organisation whose name reads as words' },
    { ...withModel('推进涉医矛盾纠纷人民调解。'), name: 'a short phrase the corpus nearly always writes as part of a longer one' },
    { ...withModel('这4个重大慢病包括心脑血管疾病。以重大慢病早期筛查为重点。'), name: 'a variant the document writes twice' },
    {
      text: '深化健帮教育，提升群众健康素养。',
      options: optionsWith({ phrases: { phrases, units: '健帮' } }),
      name: 'a pair the archive writes again and again as a unit of its own (健帮) is usage',
    },
    { ...withModel('慢病管理水平提升，重大慢病早期筛查。'), name: 'a pairing the document uses elsewhere as a word (慢病)' },
    { ...withModel('公共卫生提质提效。'), name: 'a parallel four-character pattern' },
    { ...withModel('成立中医药类特色班。'), name: 'a measure word added between two words' },
    { ...withModel('在防的工作当中发挥作用。'), name: 'a dropped character beside a function word' },
    { ...withModel('推进中医药文化进校园。推进中医药文化建设。'), name: 'the phrase itself' },
    { ...withModel('省疾控中心发布流感及新冠防护指南。'), name: 'one function character for another in a long learned phrase (和 → 及)' },
    { ...withModel('医院与高校签订多份合作协议。'), name: 'a common word for a word of its kind in a long phrase (多项 → 多份)' },
    { ...withModel('今年改革任务越艰巨，越要坚定信心。'), name: 'an adverb added between the words of a set phrase the lexicon lists whole (任务|艰巨)' },
    { ...withModel('医院今年评聘高中级职称的人数增加。'), name: 'a character added that makes a word with both its neighbours (高中级)' },
    { ...withModel('她在高中中医药课上学会了辨认草药。'), name: 'a doubled character at a word boundary that reads as words (高中|中医药)' },
    { ...withModel('推动卫生健康卫生健康事业发展。'), name: 'a doubled word is duplicate-word’s finding, not a near-miss' },
    // 我国|中|中医药: the first 中 ends no word, so duplicate-word reports the doubled first character.
    { ...withModel('我国中中医药事业发展取得新成效。'), name: 'a first character doubled before the phrase is duplicate-word’s finding' },
  ],
  invalid: [
    {
      ...withModel('省疾控中心发布流感和新冠防扩指南。'),
      name: 'a slip inside a word of the phrase that takes function words in other ways',
      errors: [{ text: '省疾控中心发布流感和新冠防扩指南', message: '疑似固定提法有误，应为“省疾控中心发布流感和新冠防护指南”（语料中出现 3 次）' }],
    },
    {
      ...withModel('医院与高校签订多项合作协义。'),
      name: 'a slip that leaves a character stranded, in a phrase whose words may be swapped',
      errors: [{ text: '医院与高校签订多项合作协义', message: '疑似固定提法有误，应为“医院与高校签订多项合作协议”（语料中出现 4 次）' }],
    },
    {
      ...withModel('贯彻落实党的二十大的二十届历次全会精神。'),
      errors: [{ text: '党的二十大的二十届历次全会精神', message: '疑似固定提法有误，应为“党的二十大和二十届历次全会精神”（语料中出现 3 次）' }],
      output: '贯彻落实党的二十大和二十届历次全会精神。',
    },
    {
      ...withModel('国家中医药局中西结合与少数民族医药司副司长介绍。'),
      errors: [{ text: '中西结合与少数民族医药司', message: '应为“中西医结合与少数民族医药司”（规范提法）' }],
      output: '国家中医药局中西医结合与少数民族医药司副司长介绍。',
    },
    {
      ...withModel('全面实施医疗卫生弓基工程。'),
      errors: [{ text: '医疗卫生弓基工程', message: '应为“医疗卫生强基工程”（语料中出现 7 次）' }],
      output: '全面实施医疗卫生强基工程。',
    },
    {
      ...withModel('全面实施医疗卫生强工程。'),
      errors: [{ text: '医疗卫生强工程', message: '应为“医疗卫生强基工程”' }],
      output: '全面实施医疗卫生强基工程。',
    },
    {
      ...withModel('推进紧密型县域医共乐体建设。'),
      errors: [{ text: '紧密型县域医共乐体建设', message: '应为“紧密型县域医共体建设”' }],
      output: '推进紧密型县域医共体建设。',
    },
    {
      ...withModel('深化健帮教育，提升群众健康素养。'),
      name: 'a four-character phrase whose word the slip breaks (健帮)',
      errors: [{ text: '健帮教育', message: '疑似固定提法有误，应为“健康教育”（语料中出现 3 次）' }],
      output: '深化健康教育，提升群众健康素养。',
    },
    {
      ...withModel('积极推进中名药服务全面发展。'),
      name: 'a slip next to the phrase’s last character',
      errors: [{ text: '推进中名药', message: '应为“推进中医药”' }],
      output: '积极推进中医药服务全面发展。',
    },
    {
      ...withModel('打造县域医滑疗卫生一体化改革升级版。'),
      name: 'a character added inside a word of a short phrase',
      errors: [{ text: '医滑疗卫生', message: '应为“医疗卫生”' }],
      output: '打造县域医疗卫生一体化改革升级版。',
    },
    {
      ...withModel('《健康报》是国旨卫生健康委主管的报纸。'),
      name: 'a slip in the second character of a long phrase',
      errors: [{ text: '国旨卫生健康委', message: '应为“国家卫生健康委”（语料中出现 38 次）' }],
      output: '《健康报》是国家卫生健康委主管的报纸。',
    },
    {
      ...withModel('要做好卫生健康作工作。'),
      name: 'a character typed a keystroke early: the fix removes it instead of doubling 工作',
      errors: [{ text: '卫生健康作工作', message: '应为“卫生健康工作”' }],
      output: '要做好卫生健康工作。',
    },
    {
      ...withModel('第一段：推进紧密型县城医共体建设。\n\n第二段：全面实施医疗卫生弓基工程，𠮷。'),
      name: 'two paragraphs, offsets shifted, a surrogate pair after',
      errors: [{ text: '紧密型县城医共体建设' }, { text: '医疗卫生弓基工程' }],
      output: '第一段：推进紧密型县域医共体建设。\n\n第二段：全面实施医疗卫生强基工程，𠮷。',
    },
  ],
});

// What the corpus writes has a say on learned phrases: each pair differs only in the model.
const learned = (...entries: PhraseEntry[]) => optionsWith({ phrases: { phrases: entries } });
/** A model learned from an archive of `characters` characters. */
const archive = (characters: number, ...entries: PhraseEntry[]) =>
  optionsWith({ phrases: { phrases: entries }, corpus: { documents: 1000, characters, files: [] } });
ruleTester('fixed-phrase', {
  valid: [
    {
      text: '推进乡村全链振兴。',
      options: learned(corpus('推进乡村全面振兴', 5), corpus('全链振兴乡村', 3)),
      name: 'the corpus writes the characters around the edit (全链振) in another phrase: usage',
    },
    {
      text: '推进乡村全链振兴。',
      options: learned(corpus('推进乡村全面振兴', 5), corpus('乡村全链', 3)),
      name: 'the corpus writes the written character with the rest of its word (全链) before the edit: usage',
    },
    {
      text: '我进一步了解了情况。',
      options: learned(corpus('我们进一步', 6)),
      name: 'a short learned phrase whose variant reads at least as easily (我 beside 我们)',
    },
    {
      text: '运营后可进一步压缩时间。',
      options: learned(corpus('可能进一步', 6)),
      name: 'a dropped character that leaves ordinary words (可 beside 可能)',
    },
    {
      text: '不能减合作。',
      options: learned(corpus('能源合作', 6)),
      name: 'a word of the text runs across the near-miss’s edge (不能|减合作): the phrase is not there',
    },
    {
      text: '深化健帮教育，提升群众素养。',
      options: archive(100_000, corpus('健康教育', 6, 1)),
      name: 'a short phrase one story repeats is its subject, not a house formulation',
    },
    {
      text: '他考入南京大学深造。',
      options: learned(corpus('考入北京大学', 6)),
      name: 'another name in a name’s slot is another body, not a slip',
    },
    {
      text: '他在乌克兰会见了甘茨一行。',
      options: learned(corpus('会见了卡茨一行', 6)),
      name: 'a surname written in a name’s slot names another person',
    },
    {
      text: '双方签署援乌协议。',
      options: learned(corpus('签署援助协议', 6)),
      name: 'a place character standing alone abbreviates a name (援乌)',
    },
    {
      text: '代表团前往俄斯摩棱斯克参观。',
      options: learned(corpus('前往俄罗斯', 6)),
      name: 'a place name dropped to its abbreviation before another name (俄|斯摩棱斯克)',
    },
    {
      text: '伊军方表示已做好准备。',
      options: learned(corpus('伊朗军方表示', 6)),
      name: 'a character of a place name dropped writes its abbreviation',
    },
    {
      text: '这是群众反映最强烈的。',
      options: learned(corpus('群众反映强烈', 5)),
      name: 'an adverb added between two words qualifies the phrase',
    },
    {
      text: '企业订单已经排到年底。',
      options: archive(3_000_000, corpus('已经达到', 10)),
      name: 'a four-character collocation no tighter than chance in a large archive',
    },
    {
      text: '坚持改革開放不动摇。',
      options: learned(corpus('坚持改革开放不动摇', 6)),
      name: 'a Traditional character is traditional-char’s finding, not a near-miss',
    },
    {
      text: '明年经济目标已经确定。',
      options: learned(corpus('全年经济目标', 6)),
      name: 'a first character that makes a word with the next (明年) writes another word, not a slip',
    },
    {
      text: '鼓励医疗类事业单位开展服务。',
      options: learned(corpus('企事业单位', 18)),
      name: 'a first character that compounds with the word before as its head (医疗类)',
    },
    {
      text: '我们下一步推动改革落地。',
      options: learned(corpus('进一步推动', 6)),
      name: 'a first word that is an affix and a word (进|一步): another affix makes a sibling word (下一步)',
    },
    {
      text: '继续推进城乡发展。',
      options: learned(corpus('城乡建设', 9, 6)),
      name: 'a last character that makes a word with the one before (发展)',
    },
    {
      text: '要推动医疗教育改革。',
      options: learned({ phrase: '推动医学教育创新发展', count: 0, docs: 0, source: '自编规范提法' }),
      name: 'a piece of a curated formulation the text leaves for other words is judged as the corpus writes it',
    },
    {
      text: '贯彻党的二十大的二十届历次全会精神。学习党的二十大的二十届历次全会精神。',
      options: learned(corpus('党的二十大和二十届历次全会精神', 3)),
      name: 'a variant written twice where the document never writes the phrase is its own form, however long',
    },
    {
      text: '推进细管、智管、众管服务机制。',
      options: learned(corpus('监管服务机制', 5)),
      name: 'a coinage in a series the text coordinates (X管、Y管、Z管)',
    },
    {
      text: '要办优办强基层治理。',
      options: learned(corpus('加强基层治理', 5)),
      name: 'a coinage in a parallel pattern around the phrase (办X办Y)',
    },
    {
      text: '暴雨导致约百户居民停电。',
      options: learned(corpus('导致上百户居民停电', 5)),
      name: 'a count’s hedge written as another before its numeral (上百 → 约百)',
    },
    {
      text: '建成全国最宽水库。',
      options: learned(corpus('全国最大', 9, 6)),
      name: 'an adjective after a degree adverb written as another adjective (最大 → 最宽) is another claim',
    },
    {
      text: '这里品种既多，品质又好。',
      options: learned(corpus('品种繁多', 6, 4)),
      name: 'the first half of a correlative whose second half follows (既…又)',
    },
    {
      text: '工作组表示将再访当地。',
      options: learned(corpus('工作组表示将再次', 5)),
      name: 'a learned phrase that ends on an adverb is a fragment cut before its verb, not a unit',
    },
    {
      text: '这家企业的全球市占率达三成。',
      options: learned(corpus('全球市场', 6)),
      name: 'an edge character that continues an unknown word beyond the phrase (市占率) writes that word',
    },
  ],
  invalid: [
    {
      text: '他在访问圣得堡期间发表演讲。',
      options: learned(corpus('访问圣彼得堡期间', 6)),
      name: 'a character dropped inside a long name leaves no name and no abbreviation',
      errors: [{ text: '访问圣得堡期间' }],
    },
    {
      text: '这家企业的全球市占正在扩大。',
      options: learned(corpus('全球市场', 6)),
      name: 'the same edge character before ordinary words is a slip',
      errors: [{ text: '全球市占' }],
    },
    {
      text: '他考入北惊大学深造。',
      options: learned(corpus('考入北京大学', 6)),
      name: 'a character that names nothing, written in a name, is a slip in the name',
      errors: [{ text: '考入北惊大学' }],
    },
    {
      text: '加强能减合作。',
      options: learned(corpus('能源合作', 6)),
      name: 'the same slip where the text’s words start with the phrase',
      errors: [{ text: '能减合作' }],
      output: '加强能源合作。',
    },
    {
      text: '坚持改革闲放不动摇。',
      options: learned(corpus('坚持改革开放不动摇', 6)),
      name: 'a Simplified slip in the same phrase',
      errors: [{ text: '坚持改革闲放不动摇' }],
      output: '坚持改革开放不动摇。',
    },
    {
      text: '推进乡村全链振兴。',
      options: learned(corpus('推进乡村全面振兴', 5), corpus('链振兴计划', 3)),
      name: 'the corpus writes the written character only beside the next word (链振兴), never with the rest of its own (全面): a slip',
      errors: [{ text: '推进乡村全链振兴', message: '应为“推进乡村全面振兴”' }],
      output: '推进乡村全面振兴。',
    },
    {
      text: '推进乡村全链振兴。',
      options: learned(corpus('推进乡村全面振兴', 5)),
      name: 'the same variant with no corpus phrase writing it',
      errors: [{ text: '推进乡村全链振兴', message: '应为“推进乡村全面振兴”' }],
      output: '推进乡村全面振兴。',
    },
    {
      text: '企业订单已经排到年底。',
      options: archive(20_000, corpus('已经达到', 10)),
      name: 'the same phrase ten times in a small corpus is a formulation',
      errors: [{ text: '已经排到' }],
      output: '企业订单已经达到年底。',
    },
    {
      text: '推动中医药振兴发晨。',
      options: learned(corpus('中医药振兴发展', 6)),
      name: 'a slip in the last character of a long phrase',
      errors: [{ text: '中医药振兴发晨', message: '应为“中医药振兴发展”' }],
      output: '推动中医药振兴发展。',
    },
    {
      text: '推进蛙密型县域医共体建设。',
      options: learned(corpus('紧密型县域医共体建设', 6)),
      name: 'a slip in the first character of a long phrase',
      errors: [{ text: '蛙密型县域医共体建设', message: '应为“紧密型县域医共体建设”' }],
      output: '推进紧密型县域医共体建设。',
    },
    {
      text: '继续推进城乡建蛙。',
      options: learned(corpus('城乡建设', 9, 6)),
      name: 'a slip in the last character of a four-character phrase',
      errors: [{ text: '城乡建蛙', message: '应为“城乡建设”' }],
      output: '继续推进城乡建设。',
    },

    {
      text: '要推动医疗教育创新发展。',
      options: learned({ phrase: '推动医学教育创新发展', count: 0, docs: 0, source: '自编规范提法' }),
      name: 'the curated formulation written whole is fixed in every character',
      errors: [{ text: '推动医疗教育创新发展', message: '应为“推动医学教育创新发展”（规范提法）' }],
      output: '要推动医学教育创新发展。',
    },
    {
      text: '贯彻党的二十大的二十届历次全会精神。学习党的二十大的二十届历次全会精神和党的二十大和二十届历次全会精神。',
      options: learned(corpus('党的二十大和二十届历次全会精神', 3)),
      name: 'a variant written twice where the document also writes the phrase',
      errors: [{ text: '党的二十大的二十届历次全会精神' }, { text: '党的二十大的二十届历次全会精神' }],
      output: '贯彻党的二十大和二十届历次全会精神。学习党的二十大和二十届历次全会精神和党的二十大和二十届历次全会精神。',
    },
    {
      text: '推进众管服务机制。',
      options: learned(corpus('监管服务机制', 5)),
      name: 'the same coinage with no series around it',
      errors: [{ text: '众管服务机制' }],
      output: '推进监管服务机制。',
    },
    {
      text: '暴雨导致卖百户居民停电。',
      options: learned(corpus('导致上百户居民停电', 5)),
      name: 'a character before the numeral that hedges nothing',
      errors: [{ text: '导致卖百户居民停电' }],
      output: '暴雨导致上百户居民停电。',
    },
    {
      text: '建成全国最沟水库。',
      options: learned(corpus('全国最大', 9, 6)),
      name: 'a character after the degree adverb that is no adjective',
      errors: [{ text: '全国最沟' }],
      output: '建成全国最大水库。',
    },
    {
      text: '这里品种既多。',
      options: learned(corpus('品种繁多', 6, 4)),
      name: 'the same character with no second half of a correlative',
      errors: [{ text: '品种既多' }],
      output: '这里品种繁多。',
    },
    {
      text: '我进一支了解了情况。',
      options: learned(corpus('我们进一步', 6), corpus('进一步了解', 4)),
      name: 'a slip in a short learned phrase that reads harder than the phrase',
      errors: [{ text: '进一支了解' }],
      output: '我进一步了解了情况。',
    },
  ],
});

describe('fixed-phrase fixes leave no new finding at their site', () => {
  const drafts = [
    '要做好卫生健康作工作。',
    '全面实施医疗卫生弓基工程。',
    '全面实施医疗卫生强工程。',
    '推进紧密型县域医共乐体建设。',
    '深化健帮教育，提升群众健康素养。',
    '积极推进中名药服务全面发展。',
    '打造县域医滑疗卫生一体化改革升级版。',
    '贯彻落实党的二十大的二十届历次全会精神。',
  ];
  const linter = new Linter(options);
  for (const draft of drafts) {
    it(draft, () => {
      const before = linter.lint(draft);
      const own = before.filter((f) => f.rule === 'fixed-phrase');
      assert.ok(own.length > 0, 'the draft has a fixed-phrase finding to fix');
      for (const finding of own) {
        const [edit] = finding.fixes![0].edits;
        const fixed = applyEdits(draft, [edit]);
        // The edited span in the fixed text, and findings overlapping it that were not there before.
        const span = { offset: edit.offset, length: edit.newText.length };
        const known = new Set(before.map((f) => `${f.rule}:${draft.slice(f.offset, f.offset + f.length)}`));
        const fresh = linter
          .lint(fixed)
          .filter((f) => f.offset < span.offset + Math.max(1, span.length) && span.offset < f.offset + Math.max(1, f.length))
          .filter((f) => !known.has(`${f.rule}:${fixed.slice(f.offset, f.offset + f.length)}`));
        assert.deepEqual(
          fresh.map((f) => `${f.rule}: ${fixed.slice(f.offset, f.offset + f.length)} ${f.message}`),
          [],
          `after the fix: ${fixed}`,
        );
      }
    });
  }
});

describe("fixed-phrase: the corpus's own two-character units", () => {
  // Self-written stories: 推普 (a coinage the lexicon lacks) between words that leave it whole.
  const story = (times: number) =>
    Array.from({ length: times }, () => '开展推普活动')
      .join('，')
      .split('，');
  const units = (runsPerDoc: string[][]) => corpusUnits(runsPerDoc, lexicon());
  const pairs = (s: string): string[] => [...(s.match(/../gu) ?? [])];

  it('keeps a pair the lexicon lacks that the corpus writes often, in several stories', () => {
    assert.ok(pairs(units([story(2), story(2), story(1)])).includes('推普'));
  });
  it('keeps one written clear of words a few times in two stories', () => {
    assert.ok(pairs(units([story(2), story(1)])).includes('推普'));
  });
  it('leaves out a pair written too rarely or in one story only', () => {
    assert.ok(!pairs(units([story(UNIT_MIN_COUNT + 2)])).includes('推普'), 'one story');
    assert.ok(!pairs(units([story(1), story(1)])).includes('推普'), 'too few times');
  });
  it('leaves out a word the lexicon knows and a seam between words', () => {
    const learned = pairs(units([story(2), story(2), story(1)]));
    // 开展 is a word of the lexicon; 动开 is only ever the seam between 活动 and 开展.
    assert.ok(!learned.includes('开展'));
    assert.ok(!pairs(units([['活动开展活动开展'], ['活动开展活动开展'], ['活动开展活动开展']])).includes('动开'));
  });
  it('a unit running across the first character of a short phrase shows the phrase is not what the text writes there', () => {
    const count = (units: string) =>
      new Linter(optionsWith({ phrases: { phrases, units } })).lint('深化农健帮教育，提升群众健康素养。').filter((f) => f.rule === 'fixed-phrase').length;
    assert.equal(count(''), 1);
    assert.equal(count('农健'), 0);
  });
  it('the pair makes the rule quiet only where it reads as a unit', () => {
    const withUnit = new Linter(optionsWith({ phrases: { phrases, units: '帮教' } }));
    // 帮教 is held apart here (健/帮/教育 reads 教育 as a word): no evidence, the slip is still reported.
    assert.equal(withUnit.lint('深化健帮教育，提升群众健康素养。').filter((f) => f.rule === 'fixed-phrase').length, 1);
  });
});

describe("fixed-phrase: the archive's character pairs", () => {
  const findings = (pairs: ArchivePairs, text: string) =>
    new Linter(optionsWith({ phrases: { phrases, pairs } })).lint(text).filter((f) => f.rule === 'fixed-phrase').length;

  it('keeps the pairs written at least PAIR_MIN_COUNT times, keys ascending', () => {
    const learned = archivePairs([['健康教育健康教育'], ['健康促进']], lexicon());
    assert.ok(learned.keys.every((k, i) => i === 0 || learned.keys[i - 1] < k));
    const countOf = (pair: string) => learned.counts[learned.keys.indexOf(key(pair))] ?? 0;
    assert.equal(countOf('健康'), 3);
    assert.equal(countOf('康教'), 2);
    assert.equal(countOf('康促'), 0, `written fewer than ${PAIR_MIN_COUNT} times`);
  });
  it('a slip whose new pairings the archive never writes is reported', () => {
    assert.equal(findings(table({ 康教: 6, 教育: 9, 健康: 9 }), '深化健帮教育，提升群众健康素养。'), 1);
  });
  it('in a four-character phrase, the pairing made inside the edited word decides', () => {
    // 健帮 is written as readily as chance; 帮教 (across the phrase's word boundary) is not.
    assert.equal(findings(table({ 健帮: 5, 康教: 5, 教育: 9, 健康: 9 }), '深化健帮教育，提升群众健康素养。'), 0);
    // The archive never writes 健帮: a slip.
    assert.equal(findings(table({ 康教: 5, 教育: 9, 健康: 9 }), '深化健帮教育，提升群众健康素养。'), 1);
  });
  it('a variant whose every new pairing the archive writes as readily as chance is usage', () => {
    assert.equal(findings(table({ 健帮: 5, 帮教: 5, 康教: 5 }), '深化健帮教育，提升群众健康素养。'), 0);
    // One pairing the archive writes and the one inside the edited word it does not: still a slip.
    assert.equal(findings(table({ 帮教: 5, 康教: 5, 健康: 9, 教育: 9 }), '深化健帮教育，提升群众健康素养。'), 1);
  });
  it('a shortened form the archive reads as easily as the phrase is usage; a slip costs far more', () => {
    const text = '全面实施医疗卫生强工程。';
    // An archive that writes 强 before many characters and 工 after many, and 强基 and 基工 rarely: 强工,
    // though unseen, costs it less than 强基工 does. The text reads as the archive's writing.
    assert.equal(findings(table({ 医疗: 10, 疗卫: 10, 卫生: 10, 生强: 5, 强基: 1, 基工: 1, 工程: 10, 强化: 40, 强调: 40, 加工: 40, 员工: 40 }), text), 0);
    // An archive that writes 强基工 as a unit and 工 after little else: the dropped 基 is a slip.
    assert.equal(findings(table({ 医疗: 100, 卫生: 300, 强基: 20, 基工: 20, 工程: 10, 强化: 10, 强调: 10 }), text), 1);
  });
  it('a dropped character that leaves a word of a phrase written often a non-word is a slip, whatever its junction', () => {
    // The archive writes 基设 as readily as chance, and 基础设施 far more readily: the drop breaks the word.
    const pairs = table({ 基础: 100, 础设: 100, 基设: 1, 设施: 100, 农村: 3000, 建设: 3000, 完善: 3000 });
    const count = (n: number, text: string, phrase = '完善农村基础设施建设') =>
      new Linter(optionsWith({ phrases: { phrases: [corpus(phrase, n)], pairs } })).lint(text).filter((f) => f.rule === 'fixed-phrase').length;
    assert.equal(count(6, '要完善农村基设施建设。'), 1);
    // A phrase written fewer than MIN_COUNT_BROKEN_DROP times may be shortened on purpose.
    assert.equal(count(4, '要完善农村基设施建设。'), 0);
    // A word that leaves a word of its own (考察 → 察) is shortened, not broken.
    const kept = table({ 考察: 100, 察调: 100, 展察: 1, 展考: 100, 调研: 3000, 开展: 3000, 各地: 3000, 地开: 3000 });
    assert.equal(
      new Linter(optionsWith({ phrases: { phrases: [corpus('开展考察调研', 6)], pairs: kept } }))
        .lint('各地开展察调研工作。')
        .filter((f) => f.rule === 'fixed-phrase').length,
      0,
    );
  });
  it('a substitution that reads as words is a slip when the archive never pairs it with the rest of its word, in a phrase written very often', () => {
    // 合唱 is a word, so nothing is stranded; the archive writes 合作 and never 合唱.
    const written = { 务实: 3000, 实合: 100, 合作: 3000, 作项: 100, 项目: 3000, 推进: 3000, 进务: 100, 目建: 100, 建设: 3000 };
    const count = (n: number, archive: Record<string, number>) =>
      new Linter(optionsWith({ phrases: { phrases: [corpus('务实合作项目', n)], pairs: table(archive) } }))
        .lint('推进务实合唱项目建设。')
        .filter((f) => f.rule === 'fixed-phrase').length;
    assert.equal(count(60, written), 1);
    // Written fewer than MIN_COUNT_UNPAIRED_SLIP times, the phrase leaves room for a word the archive has not met.
    assert.equal(count(40, written), 0);
    // An archive that writes the pairing: usage.
    assert.equal(count(60, { ...written, 合唱: 300 }), 0);
  });
  it('a character repeated two places away is a parallel pattern only where its unit is written', () => {
    const lint = (text: string, archive?: Record<string, number>) =>
      new Linter(optionsWith({ phrases: { phrases: [corpus('健康教育', 40, 20)], pairs: archive && table(archive) } }))
        .lint(text)
        .filter((f) => f.rule === 'fixed-phrase').length;
    const written = { 健康: 90, 康教: 60, 教育: 90, 深化: 50, 提升: 50 };
    // 健育 beside 健康, and 健育 beside 教育: a unit nobody writes, typed from a character nearby.
    assert.equal(lint('深化健康健育，提升群众健康素养。', written), 1);
    assert.equal(lint('深化健育教育，提升群众健康素养。', written), 1);
    // An archive that writes 健育 as readily as chance reads the pattern 健康健育 as meant.
    assert.equal(lint('深化健康健育，提升群众健康素养。', { ...written, 健育: 30 }), 0);
    // Without the archive's pairs, nothing tells a pattern from a slip: the pattern is taken.
    assert.equal(lint('深化健康健育，提升群众健康素养。'), 0);
  });
  it('a place character written in a word of a phrase stands as an abbreviation only where the archive writes names', () => {
    const archive = { 签署: 3000, 署援: 100, 援助: 3000, 助协: 100, 协议: 3000, 双方: 3000, 方签: 100 };
    const count = (text: string, written: Record<string, number>) =>
      new Linter(optionsWith({ phrases: { phrases: [corpus('签署援助协议', 60)], pairs: table({ ...archive, ...written }) } }))
        .lint(text)
        .filter((f) => f.rule === 'fixed-phrase').length;
    // The archive writes places after 援 (援朝, 援叙), though never 援巴: another place's abbreviation.
    assert.equal(count('双方签署援巴协议。', { 援朝: 60, 援叙: 40 }), 0);
    // An archive that never writes a place after 援: 巴 stands where the phrase reads 援助, a slip.
    assert.equal(count('双方签署援巴协议。', {}), 1);
    // The archive writing places after 援 says nothing of 巴 written before 议, inside 协议.
    assert.equal(count('双方签署援助巴议。', { 援朝: 60, 援叙: 40 }), 1);
  });
  it('a place written in the slot of another place names it', () => {
    const pairs = table({ 企业: 3000, 业来: 100, 来华: 300, 华投: 100, 投资: 3000, 鼓励: 3000, 励企: 100 });
    const count = (text: string) =>
      new Linter(optionsWith({ phrases: { phrases: [corpus('企业来华投资', 60)], pairs } })).lint(text).filter((f) => f.rule === 'fixed-phrase').length;
    assert.equal(count('鼓励企业来巴投资。'), 0);
    // A surname's character in a common word (发布's 布) is no place's abbreviation: 朗 there is a slip.
    const word = table({ 发布: 3000, 布声: 100, 声明: 3000, 今天: 3000, 天发: 100 });
    const slips = new Linter(optionsWith({ phrases: { phrases: [corpus('发布声明', 60, 30)], pairs: word } }));
    assert.equal(slips.lint('大使馆今天发朗声明。').filter((f) => f.rule === 'fixed-phrase').length, 1);
  });
  it('a name character written inside a name spells it otherwise unless the archive pairs it so', () => {
    const archive = { 访问: 3000, 问哥: 100, 哥伦: 3000, 伦比: 3000, 比亚: 3000, 亚期: 100, 期间: 3000 };
    const count = (text: string, written: Record<string, number>) =>
      new Linter(optionsWith({ phrases: { phrases: [corpus('访问哥伦比亚期间', 60)], pairs: table({ ...archive, ...written }) } }))
        .lint(text)
        .filter((f) => f.rule === 'fixed-phrase').length;
    // 温 is a surname, but the archive never writes it beside 伦 or 亚: a slip in the name.
    assert.equal(count('他在访问哥伦温亚期间发表演讲。', {}), 1);
    // An archive that writes 温亚 as readily as chance: another spelling it knows.
    assert.equal(count('他在访问哥伦温亚期间发表演讲。', { 温亚: 300 }), 0);
    // A surname heading a name names another person, whatever the archive writes.
    const named = new Linter(optionsWith({ phrases: { phrases: [corpus('会见了卡茨一行', 60)], pairs: table({ 会见: 3000, 卡茨: 300, 一行: 3000 }) } }));
    assert.equal(named.lint('他在乌克兰会见了甘茨一行。').filter((f) => f.rule === 'fixed-phrase').length, 0);
  });
  it('a name character in a person’s name the text frames after a title names that person', () => {
    const pairs = table({ 明确: 3000, 确指: 100, 指出: 3000, 市长: 3000, 会上: 3000 });
    const count = (text: string) =>
      new Linter(optionsWith({ phrases: { phrases: [corpus('明确指出', 60, 30)], pairs } })).lint(text).filter((f) => f.rule === 'fixed-phrase').length;
    assert.equal(count('会上，市长周明华指出，各部门要抓好落实。'), 0);
    // No title frames a name there: 华 stands where the phrase reads 明确.
    assert.equal(count('会上，他明华指出，各部门要抓好落实。'), 1);
  });
  it('in a phrase written very often, a substitution that makes no word and a pairing no one writes is a slip', () => {
    const lint = (count: number, text: string, more: Record<string, number> = {}) =>
      new Linter(
        optionsWith({ phrases: { phrases: [corpus('新闻发布', count, 30)], pairs: table({ 新闻: 80, 闻发: 80, 发布: 80, 发言: 50, 表示: 50, ...more }) } }),
      )
        .lint(text)
        .filter((f) => f.rule === 'fixed-phrase').length;
    // 人布 is no word, and the archive never writes 闻人 or 人布.
    assert.equal(lint(60, '新闻人布会上，发言人表示。'), 1);
    // A phrase written fewer than MIN_COUNT_UNPAIRED_SLIP times leaves room for a word the archive has not met.
    assert.equal(lint(40, '新闻人布会上，发言人表示。'), 0);
    // An archive that writes both pairings: usage.
    assert.equal(lint(60, '新闻人布会上，发言人表示。', { 闻人: 40, 人布: 40 }), 0);
    // A word of the lexicon in the word's place (公布 for 发布) is a sibling chosen, whatever it pairs with across.
    assert.equal(lint(60, '新闻公布会上，发言人表示。'), 0);
  });
  it('a unit the written character makes on one side is no usage when the archive never writes it beside the rest of its word', () => {
    // 实事求是 is one word: 弛 written for 事 makes a unit with 实 and stands before 求 inside the word.
    const written = { 实事: 90, 事求: 60, 求是: 90, 坚持: 90, 持实: 60 };
    const count = (phrase: string, archive: Record<string, number>) =>
      new Linter(optionsWith({ phrases: { phrases: [corpus(phrase, 40, 20)], units: '实弛', pairs: table(archive) } }))
        .lint('我们坚持实弛求是的作风。')
        .filter((f) => f.rule === 'fixed-phrase').length;
    assert.equal(count('坚持实事求是', written), 1, 'the archive never writes 弛求');
    assert.equal(count('坚持实事求是', { ...written, 弛求: 9 }), 0, 'written as readily as chance: the unit is usage');
    // A four-character phrase is too short to tell a unit of names or compounds from a slip.
    assert.equal(count('实事求是', written), 0);
  });
  it('the evidence of a finding from an archive says how much rarer the archive finds the text as written', () => {
    const [finding] = new Linter(optionsWith({ phrases: { phrases, pairs: table({ 康教: 6, 教育: 9, 健康: 9 }) } }))
      .lint('深化健帮教育，提升群众健康素养。')
      .filter((f) => f.rule === 'fixed-phrase');
    assert.match(finding.evidence ?? '', /按语料的字词搭配，此处写法比“健康教育”少见(?:约 [\d,.]+ 倍|一万倍以上)/);
  });
  it('the pairs survive both model formats, and a model without them still loads', () => {
    const model = { ...emptyModel(), phrases: { phrases, pairs: table({ 健帮: 5, 帮教: 3 }) } };
    for (const loaded of [parseModel(serializeModel(model)), parseModelBytes(serializeModelBinary(model))]) {
      assert.deepEqual(Array.from(loaded.phrases.pairs!.keys), Array.from(model.phrases.pairs.keys));
      assert.deepEqual(Array.from(loaded.phrases.pairs!.counts), Array.from(model.phrases.pairs.counts));
    }
    assert.equal(parseModel(serializeModel({ ...emptyModel(), phrases: { phrases } })).phrases.pairs, undefined);
  });
});

describe('fixed-phrase: four-character phrases learned from a large archive', () => {
  const count = (entries: PhraseEntry[], text: string, characters = 0) =>
    new Linter(optionsWith({ phrases: { phrases: entries }, corpus: { documents: 100, characters, files: [] } }))
      .lint(text)
      .filter((f) => f.rule === 'fixed-phrase').length;

  it('a slot the archive fills in other ways makes the phrase a frame: another filler is meant', () => {
    const text = '双方同意推动中汤关系走深走实。';
    assert.equal(count([corpus('中美关系', 40, 20)], text), 1);
    assert.equal(count([corpus('中美关系', 40, 20), corpus('中俄关系', 30, 15)], text), 0);
  });
  it('a phrase that all but owns an inner slot the archive varies: a stray filler there is a slip', () => {
    const text = '深化健帮教育，提升群众健康素养。';
    const counts: Record<string, number> = { 健康: 90, 康教: 60, 教育: 90, 健身: 30, 身教: 4, 帮助: 40, 帮扶: 30 };
    const pairs = table(counts);
    const lint = (entries: PhraseEntry[], withPairs = true) =>
      new Linter(optionsWith({ phrases: { phrases: entries, pairs: withPairs ? pairs : undefined }, corpus: { documents: 100, characters: 0, files: [] } }))
        .lint(text)
        .filter((f) => f.rule === 'fixed-phrase').length;
    // 健康教育 sixty times beside 健身教育 four: the archive never pairs 帮 there.
    assert.equal(lint([corpus('健康教育', 60, 30), corpus('健身教育', 4, 3)]), 1);
    // 健身教育 nearly as often: an open frame, whose new filler may be meant.
    assert.equal(lint([corpus('健康教育', 60, 30), corpus('健身教育', 30, 15)]), 0);
    // Without the archive's pairs nothing shows the filler stray.
    assert.equal(lint([corpus('健康教育', 60, 30), corpus('健身教育', 4, 3)], false), 0);
  });
  it('at the edge of a slot the archive varies, a filler the archive avoids beside the rest of the word is a slip', () => {
    const lint = (entries: PhraseEntry[], written: Record<string, number> = {}) => {
      const counts: Record<string, number> = { 新闻: 5000, 闻联: 5000, 联播: 5000, 联合: 900, 中国: 3000, 国家: 3000, 联动: 20, ...written };
      const pairs = table(counts);
      return new Linter(optionsWith({ phrases: { phrases: entries, pairs }, corpus: { documents: 5000, characters: 4_000_000, files: [] } }))
        .lint('央视网消息（新闻联国）：今天天气晴。')
        .filter((f) => f.rule === 'fixed-phrase').length;
    };
    // 新闻联播 five thousand times beside 新闻联动 twenty: 联 and 国 are common, yet the archive never writes 联国.
    assert.equal(lint([corpus('新闻联播', 5000, 3000), corpus('新闻联动', 20, 10)]), 1);
    // An archive that writes 联国: another filler it knows.
    assert.equal(lint([corpus('新闻联播', 5000, 3000), corpus('新闻联动', 20, 10)], { 联国: 5 }), 0);
    // 新闻联动 nearly as often: an open frame.
    assert.equal(lint([corpus('新闻联播', 5000, 3000), corpus('新闻联动', 3000, 1000)]), 0);
  });
  it('inside a four-character phrase, a pairing the archive writes only within a longer word excuses no slip', () => {
    const text = '我们将在新天发布平台上公布。';
    // 新天 stands in the archive only inside 新天地: 新天发布 strands 新 and 天, a slip.
    assert.equal(count([corpus('新闻发布', 40, 20), corpus('开创新天地', 3, 2)], text), 1);
    // Written as a word of its own (新天 beside 征程), it is a word the lexicon lacks.
    assert.equal(count([corpus('新闻发布', 40, 20), corpus('开启新天征程', 3, 2)], text), 0);
  });
  it('three characters the archive writes across the seam of other words are no usage of a phrase it writes far more often', () => {
    const text = '深化健帮教育，提升群众健康素养。';
    // 帮教育部门 writes 帮 beside 教育, not with 教: a handful of times against the phrase's two hundred is chance.
    assert.equal(count([corpus('健康教育', 200, 50), corpus('帮教育部门', 3, 2)], text), 1);
    // Against a phrase written twenty times, the same three characters are a usage worth respecting.
    assert.equal(count([corpus('健康教育', 20, 10), corpus('帮教育部门', 3, 2)], text), 0);
    // However rare, the archive writing the edit's pair as one unit (健帮 in 老健帮教师) is usage.
    assert.equal(count([corpus('健康教育', 200, 50), corpus('老健帮教师', 3, 2)], text), 0);
  });
  it('inside a four-character phrase, a common word the slip makes across its words strands the rest', () => {
    const text = '医院新购一批医疗效备，投入使用。';
    // 疗效 is a word the lexicon reads, written by the archive too: 医 and 备 are left stranded, a slip.
    assert.equal(count([corpus('医疗设备', 40, 20), corpus('提高疗效水平', 3, 2)], text), 1);
  });
  it('a character added inside a word of a four-character phrase is a slip, however often its words fall together', () => {
    // 哥伦比亚, one word the lexicon knows well: six times in three million characters is what chance predicts.
    const entries = [corpus('哥伦比亚', 6, 20)];
    assert.equal(count(entries, '他曾在哥伦家比亚工作多年。', 3_000_000), 1);
    assert.equal(count(entries, '他曾在哥家伦比亚工作多年。', 3_000_000), 1);
    // A substitution there still makes the phrase a collocation whose slots stay open.
    assert.equal(count(entries, '他曾在哥伦家亚工作多年。', 3_000_000), 0);
  });
  it('a character written for the last of a phrase the lexicon lists as one word breaks it, however often the word is written', () => {
    const entries = [corpus('哥伦比亚', 6, 20)];
    assert.equal(count(entries, '他曾在哥伦比蛙工作多年。', 3_000_000), 1);
    assert.equal(count(entries, '他曾在哥伦比亚工作多年。', 3_000_000), 0);
  });
  it('one story writing a four-character phrase is not enough; one file of a whole issue may be many stories', () => {
    const text = '深化健帮教育，提升群众健康素养。';
    const lint = (documents: number, characters: number) =>
      new Linter(optionsWith({ phrases: { phrases: [corpus('健康教育', 6, 1)] }, corpus: { documents, characters, files: [] } }))
        .lint(text)
        .filter((f) => f.rule === 'fixed-phrase').length;
    assert.equal(lint(100, 80_000), 0, "a hundred stories of 800 characters: the phrase is one story's");
    assert.equal(lint(4, 80_000), 1, 'four issues of 20,000 characters: one issue holds many stories');
    assert.equal(lint(4, 4_000_000), 0, 'a large archive still asks the phrase to be spread over it');
  });
  it('a large archive asks the phrase to be spread over its stories', () => {
    const text = '深化健帮教育，提升群众健康素养。';
    assert.equal(count([corpus('健康教育', 9, 3)], text, 100_000), 1);
    assert.equal(count([corpus('健康教育', 9, 3)], text, 4_000_000), 0, 'three stories of four million characters');
    assert.equal(count([corpus('健康教育', 30, 12)], text, 4_000_000), 1);
  });
  it('a character added inside a word of the phrase, paired with neither half anywhere, needs no spread, only two stories', () => {
    const lint = (text: string, docs: number, written: Record<string, number> = {}) => {
      const counts: Record<string, number> = { 健康: 90, 康教: 60, 教育: 90, 帮助: 40, 帮扶: 30, 深化: 50, 化健: 3, ...written };
      const pairs = table(counts);
      return new Linter(
        optionsWith({ phrases: { phrases: [corpus('健康教育', 9, docs)], pairs }, corpus: { documents: 5000, characters: 4_000_000, files: [] } }),
      )
        .lint(text)
        .filter((f) => f.rule === 'fixed-phrase').length;
    };
    // Three stories of four million characters: too few for the phrase to be the house's, but 健帮 and 帮康 are written nowhere.
    assert.equal(lint('深化健帮康教育，提升群众健康素养。', 3), 1);
    // An archive that writes either new pairing as readily as chance: no split word.
    assert.equal(lint('深化健帮康教育，提升群众健康素养。', 3, { 帮康: 40 }), 0);
    assert.equal(lint('深化健帮康教育，提升群众健康素养。', 3, { 健帮: 40 }), 0);
    // A substitution reads as a coinage the archive has not met: the phrase must still be spread.
    assert.equal(lint('深化健帮教育，提升群众健康素养。', 3), 0);
    assert.equal(lint('深化健帮教育，提升群众健康素养。', 9), 1);
    // One story is still one story's phrase.
    assert.equal(lint('深化健帮康教育，提升群众健康素养。', 1), 0);
  });
  it('a substitution making pairs the archive avoids, though chance would write them, needs no spread', () => {
    const lint = (text: string, docs: number, written: Record<string, number> = {}) => {
      const counts: Record<string, number> = { 精准: 900, 准帮: 100, 帮扶: 900, 分类: 500, 类精: 20, 经济: 3000, 已经: 2000, 神经: 300, ...written };
      const pairs = table(counts);
      return new Linter(
        optionsWith({ phrases: { phrases: [corpus('精准帮扶', docs * 3, docs)], pairs }, corpus: { documents: 5000, characters: 4_000_000, files: [] } }),
      )
        .lint(text)
        .filter((f) => f.rule === 'fixed-phrase').length;
    };
    // Three stories of four million characters; 精 and 经 are common, yet the archive never writes 精经 (nor 经帮).
    assert.equal(lint('分类精经帮扶。', 3), 1);
    // Written twice or more, 精经 is a pairing the archive knows.
    assert.equal(lint('分类精经帮扶。', 3, { 精经: 3 }), 0);
    // A character the archive writes rarely (堰) is unseen beside anything: no sign it is avoided there.
    assert.equal(lint('分类精堰帮扶。', 3), 0);
    assert.equal(lint('分类精堰帮扶。', 10), 1);
  });
});

describe('fixed-phrase: frames and optional words of learned phrases', () => {
  const count = (entries: PhraseEntry[], text: string) =>
    new Linter(optionsWith({ phrases: { phrases: entries } })).lint(text).filter((f) => f.rule === 'fixed-phrase').length;

  it('a four-character frame held by a repeated character takes new fillers (越X越Y)', () => {
    assert.equal(count([corpus('越来越多', 40, 20)], '前来求医的患者越滚越多。'), 0);
    assert.equal(count([corpus('越来越多', 40, 20)], '前来求医的患者越排越多。'), 0);
    // A four-character phrase without the repeated character keeps its slots: a slip that breaks a word is reported.
    assert.equal(count([corpus('越来越多', 40, 20), corpus('健康教育', 40, 20)], '深化健帮教育，提升群众健康素养。'), 1);
  });
  it('a modal adverb the phrase writes as a word of its own, dropped, leaves it unqualified, not broken', () => {
    const entries = [corpus('卫生投入的重心要更多转向基层医疗', 5, 3)];
    assert.equal(count(entries, '今年卫生投入的重心更多转向基层医疗。'), 0);
    // A character dropped inside a word of the same phrase is still a slip.
    assert.equal(count(entries, '今年卫生投入的重心要更多转向基医疗。'), 1);
    assert.equal(count(entries, '今年卫生投入的重要更多转向基层医疗。'), 1);
  });
});

describe("fixed-phrase: a phrase's first or last character written otherwise", () => {
  const entries = [corpus('加强管理', 12, 6), corpus('增加收入', 12, 6), corpus('支持中药', 12, 6), corpus('生态保护', 12, 6), corpus('深化合作', 12, 6)];
  const count = (text: string, pairs?: ArchivePairs) =>
    new Linter(optionsWith({ phrases: { phrases: entries, pairs } })).lint(text).filter((f) => f.rule === 'fixed-phrase').length;

  it("a four-character phrase's first character written as one that makes no word is a slip", () => {
    assert.equal(count('持续石强管理。'), 1);
    assert.equal(count('增加收蛙。'), 1, 'the last character too');
  });
  it('a four-character phrase’s first character needs a phrase the archive writes often for its size', () => {
    const inArchive = (count: number) =>
      new Linter(archive(5_000_000, corpus('加强管理', count, 10))).lint('持续石强管理。').filter((f) => f.rule === 'fixed-phrase').length;
    assert.equal(inArchive(12), 0, '12 in 5 M characters is under 3 per million');
    assert.equal(inArchive(20), 1);
  });
  it('a rare four-character phrase’s first character written as one the archive never writes beside either neighbour is a slip', () => {
    // 石 and 强 common enough in the archive that chance would put them side by side several times.
    const pairs = { 加强: 500, 坚强: 500, 强管: 5, 管理: 50, 持续: 50, 续加: 5, 石油: 500, 岩石: 50, 天气: 3000 };
    const lint = (archivePairs?: Record<string, number>) =>
      new Linter(
        optionsWith({
          phrases: { phrases: [corpus('加强管理', 12, 10)], pairs: archivePairs && table(archivePairs) },
          corpus: { documents: 1000, characters: 5_000_000, files: [] },
        }),
      )
        .lint('持续石强管理。')
        .filter((f) => f.rule === 'fixed-phrase').length;
    // 石 pairs with neither 续 nor 强 as a word or as the archive writes: it leads no coinage.
    assert.equal(lint(pairs), 1);
    // Characters the archive writes rarely are unseen beside anything: no sign the pairing is avoided.
    assert.equal(lint({ ...pairs, 坚强: 5, 加强: 5, 石油: 5 }), 0);
    // An archive that writes 续石, however rarely: the character may belong to the word before.
    assert.equal(lint({ ...pairs, 续石: 3 }), 0);
    // Without the archive's pairs, the bar of the phrase's count stands.
    assert.equal(lint(), 0);
  });
  it('a character that makes a word with the phrase’s inner neighbour writes that word', () => {
    assert.equal(count('开展动态保护监测。'), 0);
    assert.equal(count('增加收益。'), 0);
  });
  it('a verb written for the first character of a verb coins a sibling of it; a noun does not', () => {
    assert.equal(count('持续推强管理。'), 0);
    assert.equal(count('持续石强管理。'), 1);
  });
  it('a prefix kept with a new second character starts another word of its family', () => {
    assert.equal(count('支持中拉合作。'), 0);
    assert.equal(count('增加收蛙。'), 1, '收 is no prefix');
    assert.equal(count('继续深化合蛙。'), 1, '合 starts too few nouns to take a new member');
  });
  it('across the edge, a pairing the archive writes at about chance is no word; far above chance, it is', () => {
    const archive = (outer: number, others: number) => table({ 续石: outer, 续航: 98, 续加: 5, 岩石: others, 加强: 50, 强管: 5, 管理: 50, 天气: 3000 });
    assert.equal(count('持续石强管理。', archive(2, 20)), 1, 'about chance: a character written at random pairs so');
    assert.equal(count('持续石强管理。', archive(50, 1)), 0, 'the archive writes 续石 as a unit');
  });
  it('after a word of three, a character that is no head and no function character breaks the word', () => {
    const lint = (text: string) => new Linter(learned(corpus('推进城镇化', 12, 6))).lint(text).filter((f) => f.rule === 'fixed-phrase').length;
    assert.equal(lint('各地推进城镇立，成效明显。'), 1);
    assert.equal(lint('各地推进城镇的建设，成效明显。'), 0, '的 attaches to 城镇 as grammar');
  });
  it('a prefix written for the last character compounds with a noun after it, not with a verb', () => {
    const lint = (text: string) => new Linter(learned(corpus('旅游收入', 12, 6))).lint(text).filter((f) => f.rule === 'fixed-phrase').length;
    assert.equal(lint('今年旅游收万超过三亿元。'), 1);
    assert.equal(lint('今年旅游收万游客到访。'), 0, '万 may head 游客');
  });
  it('a word of three or more left no word is broken, whatever the written character goes on to', () => {
    const lint = (text: string) => new Linter(learned(corpus('哥伦比亚', 60, 20))).lint(text).filter((f) => f.rule === 'fixed-phrase').length;
    // 新 is a prefix before a noun, but 哥伦比 reads as nothing.
    assert.equal(lint('他在哥伦比新农民家中。'), 1);
    assert.equal(lint('他在哥伦比副教授家中。'), 0, '副教授 is a word of the lexicon');
  });
  it('across the edge, a pair a longer word splits is no word', () => {
    // 大明 is a word of the lexicon, but 明确 takes its 明: the written 大 stands alone.
    assert.equal(count('生态保大明确了责任。'), 1);
  });
  it('in a phrase the archive writes often, a character that pairs with nothing at its edge is a slip, whatever sibling it might coin', () => {
    const lint = (text: string, count: number, extra: Record<string, number> = {}, characters = 1_000_000) =>
      new Linter(
        optionsWith({
          phrases: { phrases: [corpus('大规模检测', count, 20)], pairs: table({ 大规: 60, 规模: 90, 模检: 20, 检测: 90, 天气: 3000, 工作: 900, ...extra }) },
          corpus: { documents: 1000, characters, files: [] },
        }),
      )
        .lint(text)
        .filter((f) => f.rule === 'fixed-phrase').length;
    // 规模 is a word: another character before it may coin a sibling of 大规模, unless the phrase pins its edge.
    // (The document writes the phrase too: a slip found by the edge tests is confirmed so.)
    const afterComma = '检测前，蛙规模检测已经开始，大规模检测持续一周。';
    assert.equal(lint(afterComma, 60), 1);
    assert.equal(lint(afterComma, 40), 0, 'under EDGE_RECURRENT_MIN_COUNT');
    assert.equal(lint(afterComma, 60, {}, 5_000_000), 0, 'under 15 per million characters');
    assert.equal(lint(afterComma, 60, { 蛙规: 3 }), 0, 'the archive writes 蛙规');
    const afterWord = '今天测试蛙规模检测已经开始，大规模检测持续一周。';
    assert.equal(lint(afterWord, 60), 1);
    assert.equal(lint(afterWord, 60, { 试蛙: 3 }), 0, 'the archive pairs 蛙 with the word before');
  });
  it('a common word of the lexicon the archive never writes is no word of the house', () => {
    const lint = (written: number) =>
      new Linter(
        optionsWith({
          phrases: { phrases: [corpus('营业时间', 40, 20)], pairs: table({ 营业: 80, 业时: 20, 时间: 90, 时人: written, 天气: 3000, 工作: 900 }) },
        }),
      )
        .lint('商场营业时人调整。')
        .filter((f) => f.rule === 'fixed-phrase').length;
    assert.equal(lint(0), 1, 'the archive never pairs 时人');
    assert.equal(lint(40), 0);
  });
});

describe('fixed-phrase: several phrases a position may miss', () => {
  const messages = (entries: PhraseEntry[], text: string) =>
    new Linter(optionsWith({ phrases: { phrases: entries } }))
      .lint(text)
      .filter((f) => f.rule === 'fixed-phrase')
      .map((f) => f.message);

  it('a longer phrase too rare to judge leaves the shorter one with the same slip to be judged', () => {
    // 健帮教育周刊 misses 健康教育周刊 (written twice) and 健康教育 (forty times) by the same 帮.
    const entries = [corpus('健康教育', 40, 20), corpus('健康教育周刊', 2, 2)];
    const found = messages(entries, '订阅《健帮教育周刊》。');
    assert.equal(found.length, 1);
    assert.match(found[0], /应为“健康教育”/);
    assert.deepEqual(messages(entries, '订阅《健康教育周刊》和《健康教育》。'), []);
  });

  const withPairs = (entries: PhraseEntry[], pairs: ArchivePairs, text: string) =>
    new Linter(optionsWith({ phrases: { phrases: entries, pairs } }))
      .lint(text)
      .filter((f) => f.rule === 'fixed-phrase')
      .map((f) => f.message);

  it('an edit is read in one meaning: a slot phrases fill in other ways takes one more filler', () => {
    // 推动中X关系发展 with 俄 (too rare, found first), 法 and 美: 汤 is one more filler, not a slip of 法.
    const entries = [corpus('推动中俄关系发展', 2, 2), corpus('推动中法关系发展', 6, 3), corpus('推动中美关系发展', 9, 4)];
    const pairs = table({ 推动: 300, 动中: 80, 中俄: 50, 中法: 40, 中美: 90, 俄关: 20, 法关: 20, 美关: 30, 关系: 300, 系发: 40, 发展: 500, 汤加: 10 });
    assert.deepEqual(withPairs(entries, pairs, '双方同意推动中汤关系发展。'), []);
  });
  it('a shorter learned phrase with the slip of a longer one let go is judged as it stands', () => {
    // The longer phrase ends on an adverb (a fragment of the archive's sentences); 医疗卫生强基工程 does not.
    const entries = [corpus('医疗卫生强基工程', 7), corpus('医疗卫生强基工程进一步', 3)];
    const found = messages(entries, '医疗卫生强鸡工程进一步推进。');
    assert.equal(found.length, 1);
    assert.match(found[0], /应为“医疗卫生强基工程”/);
    assert.deepEqual(messages(entries, '医疗卫生强基工程进一步推进。'), []);
  });
});

describe('fixed-phrase: a rival reading whose own phrase the archive writes around the first one', () => {
  // Two learned phrases differ in two places; the text mixes them (推 of 加快推进, 设 of 加快建设).
  const lint = (archive: Record<string, number>, entries: PhraseEntry[], text: string) =>
    new Linter(optionsWith({ phrases: { phrases: entries, pairs: table(archive) }, corpus: { documents: 1000, characters: 3_000_000, files: [] } }))
      .lint(text)
      .filter((f) => f.rule === 'fixed-phrase')
      .map((f) => f.message);
  const archive = { 加快: 900, 快推: 300, 推进: 900, 快建: 300, 建设: 900, 设施: 300, 进一: 300 };
  const entries = [corpus('加快推进', 60, 10), corpus('加快建设', 40, 10)];

  it('the archive writing the text around the first reading only within the rival phrase is no usage', () => {
    // 加快推设 read as 加快建设 is written as the archive writes 加快推 — in 加快推进 alone, the rival's own phrase.
    const [found, ...more] = lint(archive, entries, '我们要加快推设基础工作。');
    assert.equal(more.length, 0);
    assert.match(found, /应为“加快推进”/);
  });
  it('is usage where the first reading’s phrase is the commoner, or the archive writes the text around both edits', () => {
    // 加快建进 read as 加快推进 (60) is written as the archive writes 加快建 in 加快建设 (40): as likely usage.
    assert.deepEqual(lint(archive, entries, '我们要加快建进基础工作。'), []);
    assert.deepEqual(lint(archive, [...entries, corpus('尽快推设新规', 30, 10)], '我们要加快推设基础工作。'), []);
    assert.deepEqual(lint({ ...archive, 推设: 300 }, entries, '我们要加快推设基础工作。'), []);
  });
});

describe('fixed-phrase: a rival reading of a phrase written far more often', () => {
  // 健康帮教育 misses 健康和教育 (帮 for 和) and 健康教育 (帮 added); the archive writes 帮教, so the
  // added character's pairings do not confirm the second reading on their own.
  const archive = { 健康: 900, 康教: 600, 教育: 900, 帮教: 100, 帮助: 300, 康和: 50, 和教: 50 };
  const lint = (rare: number) =>
    new Linter(
      optionsWith({
        phrases: { phrases: [corpus('健康教育', 600, 10), corpus('健康和教育', rare, 10)], pairs: table(archive) },
        corpus: { documents: 1000, characters: 3_000_000, files: [] },
      }),
    )
      .lint('深化健康帮教育，办好健康教育课。')
      .filter((f) => f.rule === 'fixed-phrase')
      .map((f) => f.message);

  it('is judged where its phrase is written MIN_RIVAL_COUNT_RATIO times as often as the reading let go', () => {
    const [found, ...more] = lint(3);
    assert.equal(more.length, 0);
    assert.match(found, /应为“健康教育”/);
  });
  it('is held back where the reading let go is about as common', () => {
    assert.deepEqual(lint(300), []);
  });
});

describe('fixed-phrase: a weaker slip the document confirms around its edit', () => {
  // 健康帮教育 adds 帮 between two words of 深化健康教育: a weaker slip, which the document must confirm.
  const lint = (text: string) =>
    new Linter(
      optionsWith({
        phrases: { phrases: [corpus('深化健康教育', 40, 10)], pairs: table({ 健康: 900, 康教: 600, 教育: 900, 帮教: 100, 帮助: 300, 深化: 300, 化健: 100 }) },
        corpus: { documents: 1000, characters: 3_000_000, files: [] },
      }),
    )
      .lint(text)
      .filter((f) => f.rule === 'fixed-phrase')
      .map((f) => f.message);

  it('is reported where the document writes a piece of the phrase holding the edit right, not the whole phrase', () => {
    const [found, ...more] = lint('要深化健康帮教育，办好健康教育课。');
    assert.equal(more.length, 0);
    assert.match(found, /应为“深化健康教育”/);
  });
  it('is let go where the document writes no such piece (a word of the phrase is not one)', () => {
    assert.deepEqual(lint('要深化健康帮教育，办好卫生课。'), []);
    assert.deepEqual(lint('要深化健康帮教育，办好健康课。'), []);
  });
});

describe('fixed-phrase: a common verb written for another', () => {
  // The archive writes 提升 after 进一步 hundreds of times and never pairs 抬 with 升.
  const pairs = table({ 进一: 900, 一步: 900, 步提: 300, 提升: 800, 抬头: 200, 高抬: 50, 升了: 100, 上升: 300, 价格: 300, 了价: 10 });
  const count = (text: string) =>
    new Linter(optionsWith({ phrases: { phrases: [corpus('进一步提升', 400, 200)], pairs }, corpus: { documents: 100, characters: 3_000_000, files: [] } }))
      .lint(text)
      .filter((f) => f.rule === 'fixed-phrase').length;

  it('another common verb of the same kind chooses the wording (提升 → 抬升)', () => {
    assert.equal(count('成本上涨进一步抬升了价格。'), 0);
  });
  it('a character that makes no word with the rest of the verb is still a slip', () => {
    assert.equal(count('成本上涨进一步提井了价格。'), 1);
  });
});

describe('fixed-phrase: a stranger to both its neighbours in a long phrase', () => {
  const written = { 推动: 300, 动长: 50, 长江: 300, 江经: 100, 经济: 900, 济带: 100, 带发: 100, 发展: 900 };
  const count = (text: string, n: number, archive: Record<string, number> = written) =>
    new Linter(optionsWith({ phrases: { phrases: [corpus('长江经济带发展', n)], pairs: table(archive) } })).lint(text).filter((f) => f.rule === 'fixed-phrase')
      .length;

  it('a character added inside a word of a phrase written often, paired with neither neighbour, is a slip', () => {
    // 了 attaches to a verb, but the archive writes neither 发了 nor 了展, and writes 发展 hundreds of times.
    assert.equal(count('推动长江经济带发了展。', 30), 1);
    const [finding] = new Linter(optionsWith({ phrases: { phrases: [corpus('长江经济带发展', 30)], pairs: table(written) } }))
      .lint('推动长江经济带发了展。')
      .filter((f) => f.rule === 'fixed-phrase');
    assert.match(finding.evidence ?? '', /几乎从不连写“发了”“了展”/);
  });
  it('is usage where the archive writes the character beside a neighbour, or in a phrase written a few times', () => {
    assert.equal(count('推动长江经济带发了展。', 30, { ...written, 发了: 40 }), 0);
    assert.equal(count('推动长江经济带发了展。', 5), 0);
  });
  it("a pronoun written for the phrase's pronoun is wording chosen, though the archive never pairs it so", () => {
    const archive = { 热烈: 300, 烈欢: 50, 欢迎: 900, 迎他: 60, 他出: 60, 出席: 900, 席会: 100, 会议: 900 };
    const lint = (text: string) =>
      new Linter(optionsWith({ phrases: { phrases: [corpus('欢迎他出席会议', 30)], pairs: table(archive) } }))
        .lint(text)
        .filter((f) => f.rule === 'fixed-phrase').length;
    assert.equal(lint('热烈欢迎其出席会议。'), 0);
    assert.equal(lint('热烈欢迎夯出席会议。'), 1);
  });
});

describe('fixed-phrase: a learned phrase that begins with a function character', () => {
  const count = (phrase: string, text: string) =>
    new Linter(optionsWith({ phrases: { phrases: [corpus(phrase, 30, 10)] } })).lint(text).filter((f) => f.rule === 'fixed-phrase').length;

  it('a slip inside the phrase is found, though the scan used to start only at content characters', () => {
    assert.equal(count('为全面发展', '这些举措为全面夯展提供了保障。'), 1);
  });
  it("lets go the frame's open places: a preposition's object, the last character, a word the edit makes", () => {
    assert.equal(count('为人民服务', '志愿者为农民服务。'), 0);
    assert.equal(count('为全面发展', '这些举措为全面发力提供了保障。'), 0);
    assert.equal(count('在北京会见', '两位领导人约定在北京再见。'), 0);
  });
});

describe('fixed-phrase: words the text writes where the phrase has others', () => {
  const count = (phrase: string, n: number, archive: Record<string, number>, text: string) =>
    new Linter(optionsWith({ phrases: { phrases: [corpus(phrase, n, 5)], pairs: table(archive) } })).lint(text).filter((f) => f.rule === 'fixed-phrase').length;

  // The archive writes 场上的精彩表现 sixty times and 场时 almost never.
  const stage = { 场上: 500, 上的: 500, 的精: 100, 精彩: 300, 彩表: 50, 表现: 300, 场时: 1, 同时: 500, 时的: 300, 赛场: 100, 在赛: 30 };
  it('a phrase whose first character ends a word of the text, edited in its first word, is not what the text writes', () => {
    // 赛场|时: the text's word takes 场, so 场上 is nowhere written there, however long the phrase.
    assert.equal(count('场上的精彩表现', 60, stage, '他在赛场时的精彩表现令人难忘。'), 0);
    assert.equal(count('场上的精彩表现', 60, stage, '球员场时的精彩表现令人难忘。'), 1);
  });

  // The archive writes 防灾 often, 灾工 never.
  const duty = { 切实: 300, 实做: 100, 做好: 500, 好各: 100, 各项: 500, 项防: 100, 防疫: 300, 疫工: 100, 工作: 900, 防灾: 200, 项目: 300 };
  it('a common word the archive writes, standing where a word of the phrase stands, is wording chosen however long the phrase', () => {
    assert.equal(count('切实做好各项防疫工作', 12, duty, '切实做好各项防灾工作。'), 0);
    // No word: a slip.
    assert.equal(count('切实做好各项防疫工作', 12, duty, '切实做好各项防夯工作。'), 1);
    // A word across two of the phrase's words (项目 over 各项|防疫) stands in neither's place: a slip.
    assert.equal(count('切实做好各项防疫工作', 12, duty, '切实做好各项目疫工作。'), 1);
  });
});

describe("fixed-phrase: one country's abbreviation written for another's", () => {
  // The archive writes 深化中蒙经贸合作 thirty times and never 中秘.
  const pairs = table({ 深化: 300, 化中: 100, 中蒙: 50, 蒙经: 30, 经贸: 300, 贸合: 100, 合作: 900 });
  const count = (text: string) =>
    new Linter(optionsWith({ phrases: { phrases: [corpus('深化中蒙经贸合作', 30, 5)], pairs } })).lint(text).filter((f) => f.rule === 'fixed-phrase').length;

  it('a character standing alone that begins a common place name, written for another such, names another country', () => {
    // 秘 begins 秘鲁 as 蒙 begins 蒙古, though the archive never wrote 中秘.
    assert.equal(count('双方同意深化中秘经贸合作。'), 0);
  });
  it('a character that begins no common place name is a slip there', () => {
    assert.equal(count('双方同意深化中夯经贸合作。'), 1);
  });
});

describe('fixed-phrase: a character written in a word of a short phrase', () => {
  const lint = (entries: PhraseEntry[], archive: Record<string, number>, text: string) =>
    new Linter(optionsWith({ phrases: { phrases: entries, pairs: table(archive) } })).lint(text).filter((f) => f.rule === 'fixed-phrase').length;

  it('a function character written in a word makes no word with the rest of it: a slip, though it reads as a word alone', () => {
    // 产地 is a word the archive writes (in 农产品产地), so the segmentation strands nothing; 地场 is no word.
    const archive = { 房地: 900, 地产: 900, 产市: 100, 市场: 900, 地方: 900, 土地: 900, 场信: 50, 产地: 300 };
    const entries = [corpus('房地产市场', 30, 10), corpus('农产品产地', 5, 3)];
    const text = '房地产市场平稳。房地产地场信心回升。';
    assert.equal(lint(entries, archive, text), 1);
    assert.equal(lint(entries, { ...archive, 地场: 200 }, text), 0, 'an archive that writes 地场: usage');
  });
  it('a function character of the phrase that is a word’s own (地 of 地区) written otherwise is judged as any slip in a word', () => {
    const archive = { 东部: 900, 部地: 100, 地区: 900, 加强: 900, 增加: 900, 区经: 50, 经济: 900 };
    const text = '东部地区发展快。东部加区经济发展快。';
    assert.equal(lint([corpus('东部地区', 30, 10)], archive, text), 1);
    assert.equal(lint([corpus('东部地区', 30, 10)], { ...archive, 加区: 300 }, text), 0, 'an archive that writes 加区: usage');
    // A function character closing a word keeps its grammar there (于 of 关于): written otherwise, another word is meant.
    const closing = { 关于: 900, 于推: 100, 推进: 900, 进改: 100, 改革: 900, 甲乙: 900 };
    assert.equal(lint([corpus('关于推进改革', 8, 5)], closing, '关于推进改革。关乙推进改革。'), 0);
  });
  it('a character that makes with the rest of its word only pairs the archive avoids is a slip, whatever it makes across', () => {
    // 到人 is written (落实到人), so the text reads words; 人京 is never written, though 人 and 京 are common.
    const archive = { 回到: 900, 到北: 100, 北京: 900, 人民: 900, 工人: 900, 京城: 50, 飞机: 900, 乘飞: 100, 机回: 50 };
    const entries = [corpus('乘飞机回到北京', 30, 10), corpus('责任落实到人', 5, 3)];
    const text = '乘飞机回到北京。他乘飞机回到人京。';
    assert.equal(lint(entries, archive, text), 1);
    assert.equal(lint(entries, { ...archive, 人京: 60 }, text), 0, 'an archive that writes 人京: usage');
    // A character the archive writes rarely is unseen beside anything: no sign the pairing is avoided.
    assert.equal(lint(entries, { ...archive, 人民: 9, 工人: 9 }, text), 0);
    // A word the lexicon lists but counts rare (北货) is no word of the house; a common one (北方) is meant.
    const goods = { ...archive, 百货: 900, 地方: 900 };
    assert.equal(lint(entries, goods, '乘飞机回到北京。他乘飞机回到北货。'), 1);
    assert.equal(lint(entries, goods, '乘飞机回到北京。他乘飞机回到北方。'), 0);
  });
});

describe('fixed-phrase: a character added before a word of the phrase', () => {
  const archive = { 中国: 900, 国奥: 100, 奥委: 300, 委会: 300, 会主: 100, 主席: 900, 残疾: 300, 发展: 9000, 经济: 9000, 当选: 100 };
  const count = (text: string, written: Record<string, number>) =>
    new Linter(optionsWith({ phrases: { phrases: [corpus('中国奥委会主席', 30, 5)], pairs: table({ ...archive, ...written }) } }))
      .lint(text)
      .filter((f) => f.rule === 'fixed-phrase').length;

  it('one the archive writes far more readily than chance before the word prefixes it: another body', () => {
    assert.equal(count('他当选中国残奥委会主席。', { 残奥: 80 }), 0);
  });
  it('one the archive never writes there is a slip', () => {
    assert.equal(count('他当选中国夯奥委会主席。', { 残奥: 80 }), 1);
    assert.equal(count('他当选中国残奥委会主席。', {}), 1);
  });
});
