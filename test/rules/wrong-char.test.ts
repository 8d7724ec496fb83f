import * as assert from 'node:assert/strict';
import { ruleTester, ruleFindings } from '../support/rule-tester';
import { lexicon, optionsWith } from '../support/resources';
import { Linter, applyRoster, learnEditCorrections, learnModel } from '../../server/src/core';
import commonErrors from '../../data/common-errors.json';
import { SlipPairs } from '../../server/src/core/analysis/slip-pairs';
import { CONTEXT_MIN_SUPPORT, learnContext } from '../../server/src/core/model/sections/corrections';
import { CONTEXT_PAIRS } from '../../server/src/core/analysis/context-pairs';
import { confusablesOf } from '../../server/src/core/analysis/similar';
import { ARCHIVE_MIN_CHARACTERS, MIN_SCORE, MIN_SCORE_WITH_ARCHIVE, STORY_WORD_DISCOUNT } from '../../server/src/core/rules/wrong-char/thresholds';

/** A small self-written archive: 在 between 们 and 家 ten times, 再 in other company. */
const archive = [...Array<string>(10).fill('我们在家里看书，他们在学校上课。'), ...Array<string>(4).fill('欢迎再来，下次再见。')];
const contextModel = { corrections: { entries: [], attested: {}, context: learnContext(archive) } };

ruleTester('wrong-char', {
  valid: [
    '加快基础设施建设，完善配套安装。',
    '我们要加强党的建设，推进高质量发展。',
    // an abbreviation after a function word (对乌军, 同柬方): the "correction" has sixty
    // homophones to have come from, and scores low
    '俄方表示，将继续对乌军事设施实施打击。',
    '中方愿同柬方一道，推动两国关系发展。',
    // a name after a surname, in characters people are named with, is never corrected
    '记者王建社报道，村里新建了卫生室。',
    '记者张振东报道，村里新建了卫生室。',
    // a four-character phrase built in parallel on a repeated character is a set pattern
    '妥善处理涉法涉诉问题。',
    // the story's own term, written more than once, is not a slip
    '专家介绍，医防融合是方向。推进医防融合，要抓好基层。',
    // a built-in wrong form that is really two words meeting (过渡 + 假期)
    '这是一个过渡假期的安排。',
    // real-word swaps are out of reach on purpose (both spellings are words)
    '我们再一次在会上讨论。',
    {
      name: 'a pair the learned corpus writes is its own usage',
      text: '弘扬伟大抗疫精神。',
      options: optionsWith({ corrections: { entries: [], attested: { 抗疫: 3 } } }),
    },
    { name: 'the house dictionary', text: '全面提高教学质亮。', options: optionsWith({}, { allow: ['质亮'] }) },
    { name: 'a context the archive writes', text: '我们在家里看书。', options: optionsWith(contextModel) },
    { name: 'a context the archive never saw with either member', text: '我们再谈谈工作。', options: optionsWith(contextModel) },
    {
      name: 'the same neighbours twice in one story are its usage, not a slip',
      text: '我们再家里看书。我们再家里写字。',
      options: optionsWith(contextModel),
    },
    { name: 'an older model without context counts', text: '我们再家里看书。', options: optionsWith({ corrections: { entries: [], attested: {} } }) },
  ],
  invalid: [
    {
      name: 'a homophone breaks a word: 质量 written 质亮',
      text: '全面提高教学质亮，办好人民满意的教育。',
      errors: [{ text: '亮', message: '疑为错别字“亮”，应为“教学质量”（音同音近）' }],
      output: '全面提高教学质量，办好人民满意的教育。',
    },
    {
      name: 'the first character of the word',
      text: '我们要加强党的见设，推进高质量发展。',
      errors: [{ text: '见', message: '应为“党的建设”' }],
      output: '我们要加强党的建设，推进高质量发展。',
    },
    {
      name: 'after a function word: 空 written 控 beside 太',
      text: '我国航天员进入太控。',
      errors: [{ text: '控', message: '应为“进入太空”' }],
      output: '我国航天员进入太空。',
    },
    {
      name: 'before a measure word: 框 written 眶 beside 架',
      text: '在合作眶架下推进。',
      errors: [{ text: '眶', message: '应为“合作框架下推”' }],
      output: '在合作框架下推进。',
    },
    {
      name: 'after a surname-shaped character, in one nobody is named with: 成裹',
      text: '这是我们共同的成裹。',
      errors: [{ text: '裹', message: '应为“同的成果”' }],
      output: '这是我们共同的成果。',
    },
    {
      name: 'a commonly mistaken set expression (built-in list)',
      text: '大家要再接再励，争取更大成绩。',
      errors: [{ text: '再接再励', message: '疑为错别字“再接再励”，应为“家要再接再厉”' }],
      output: '大家要再接再厉，争取更大成绩。',
    },
    {
      name: 'the house corrections list, with its note',
      text: '本报记者走访了社区卫生服务站。',
      options: optionsWith(applyRoster(optionsWith().model, { corrections: { 服务站: { right: '服务中心', note: '本市统一称服务中心' } } })),
      errors: [{ text: '服务站', message: '应为“卫生服务中心”' }],
      output: '本报记者走访了社区卫生服务中心。',
    },
    {
      name: 'a real-word swap the archive contradicts: 再 where it always writes 在',
      text: '我们再家里看书。',
      options: optionsWith(contextModel),
      errors: [{ text: '再', message: '疑为错别字“再”，应为“我们在家里”（再/在误用）' }],
      output: '我们在家里看书。',
    },
  ],
});

describe('wrong-char: evidence and sources', () => {
  it('every built-in entry is checked against the lexicon: the right form is a word, the wrong one is not (or only a rare variant)', () => {
    const lex = lexicon();
    for (const [wrong, right] of Object.entries(commonErrors.entries as Record<string, string>)) {
      assert.equal(wrong.length, right.length, wrong);
      assert.ok(lex.freq(right) > 0, `${right} is not in the lexicon`);
      const wrongFreq = lex.freq(wrong);
      assert.ok(wrongFreq === 0 || (wrongFreq <= 3 && lex.freq(right) >= 5 * wrongFreq), `${wrong} (${wrongFreq}) is an established word`);
    }
  });

  it('the hover says why: the candidate word, its frequency, the gain, the odds of the slip', () => {
    const [finding] = ruleFindings('wrong-char', '全面提高教学质亮，办好人民满意的教育。');
    assert.match(finding.evidence!, /“质亮”不是词典中的词.*常用词“质量”（词频 \d+）.*e\^\d+\.\d 倍；“量”的音同音近字有 \d+ 个.*得分 \d+\.\d；.*只出现这一次/);
  });

  it('learns the corrections editors made from drafts and their published versions, and fires them on a new draft', () => {
    const pairs = [
      { path: 'a.txt', draft: '标题一\n会议要求各单位做好设备按装工作。\n', final: '标题一\n会议要求各单位做好设备安装工作。\n' },
      {
        path: 'b.txt',
        draft: '第二篇\n新设备的按装已经完成，运行平稳。\n其他内容不变。\n',
        final: '第二篇\n新设备的安装已经完成，运行平稳。\n其他内容不变。\n',
      },
    ];
    const edits = learnEditCorrections(pairs, lexicon());
    assert.deepEqual(
      edits.map((e) => [e.wrong, e.right, e.count]),
      [['按装', '安装', 2]],
    );
    const model = { ...learnModel([{ path: 'a.txt', content: pairs[0].final }], lexicon()), corrections: { entries: edits, attested: {} } };
    const [finding] = ruleFindings('wrong-char', '第三篇稿件提到，空调按装要规范。', { model, lexicon: lexicon() });
    assert.equal(finding.subject, '按装');
    assert.match(finding.evidence!, /编辑改稿时曾 2 次把“按装”改为“安装”/);
  });

  it('a rewrite is not a slip: insertions, deletions and long replacements teach nothing', () => {
    const edits = learnEditCorrections([{ path: 'c.txt', draft: '会议强调要抓好落实。\n', final: '会议强调，要切实抓好各项工作的落实。\n' }], lexicon());
    assert.deepEqual(edits, []);
  });

  it('a slip inside a phrase the house writes is reported once, by fixed-phrase', () => {
    const options = optionsWith(applyRoster(optionsWith().model, { phrases: ['坚持实事求是的思想路线'] }));
    const text = '我们要坚持实是求是的思想路线。';
    const rules = (extra = {}) => new Linter({ ...options, ...extra }).lint(text).map((f) => f.rule);
    assert.deepEqual(rules(), ['fixed-phrase']);
    assert.deepEqual(rules({ rules: { 'fixed-phrase': 'off' } }), ['wrong-char']);
  });

  it('a model learned from a large archive lowers the bar for a slip it has never seen written', () => {
    // 成工 for 成功, in a story that writes 成功: a score of about 4.7, under the default
    // model's bar with the story's word (MIN_SCORE - STORY_WORD_DISCOUNT), over the archive's
    const text = '这次会议很成工。大家都说办得成功。';
    assert.equal(MIN_SCORE_WITH_ARCHIVE - STORY_WORD_DISCOUNT < 4.7 && 4.7 < MIN_SCORE - STORY_WORD_DISCOUNT, true);
    assert.deepEqual(ruleFindings('wrong-char', text), []);
    const archive = { ...optionsWith().model.corpus, characters: ARCHIVE_MIN_CHARACTERS };
    const [finding] = ruleFindings('wrong-char', text, optionsWith({ corpus: archive }));
    assert.equal(finding?.subject, '成工');
    assert.match(finding.evidence!, /“成功”在文中另写 1 次，所学语料（2000000 字）中从未出现/);
    // a pair the archive writes stays its own usage, whatever the archive's size
    const attested = { corrections: { entries: [], attested: { 成工: 2 }, context: {} } };
    assert.deepEqual(ruleFindings('wrong-char', text, optionsWith({ corpus: archive, ...attested })), []);
  });

  it('a story that writes the intended word elsewhere lowers the bar for a slip of it', () => {
    // 上孩 for 上海 scores about 5.3: under MIN_SCORE, over MIN_SCORE - STORY_WORD_DISCOUNT
    assert.equal(MIN_SCORE - STORY_WORD_DISCOUNT < 5.3 && 5.3 < MIN_SCORE, true);
    assert.deepEqual(ruleFindings('wrong-char', '代表团抵达上孩访问。'), []);
    const [finding] = ruleFindings('wrong-char', '代表团抵达上孩访问。上海市长会见了代表团。');
    assert.equal(finding?.subject, '上孩');
    assert.match(finding.evidence!, /“上海”在文中另写 1 次/);
    // written twice, the form is the story's own term, whatever else the story writes
    assert.deepEqual(ruleFindings('wrong-char', '代表团抵达上孩访问。上孩市长会见了代表团。上海方面表示欢迎。'), []);
  });

  it('the context hover says why: what the archive writes between the same neighbours', () => {
    const [finding] = ruleFindings('wrong-char', '他们再学校上课。', optionsWith(contextModel));
    assert.equal(finding.subject, '们再学');
    assert.match(finding.evidence!, /“们再学”一次也没有，“们在学”出现 10 次；.*可能性高 e\^\d+\.\d 倍/);
  });

  it('the context counts keep only what can decide: members, repeated neighbours, contexts a member fills often', () => {
    const context = learnContext(archive);
    assert.equal(context['在'], 20);
    assert.equal(context['们在家'], 10);
    assert.equal(context['再'], 8);
    assert.equal(context['迎再来'], 4);
    assert.equal(context['们在'], 20);
    // one-off neighbours and contexts no member fills CONTEXT_MIN_SUPPORT times are not kept
    const once = learnContext(['我在这里。', ...Array<string>(CONTEXT_MIN_SUPPORT - 1).fill('你在那里。')]);
    assert.deepEqual(once, { 在: CONTEXT_MIN_SUPPORT, 你在: CONTEXT_MIN_SUPPORT - 1, 在那: CONTEXT_MIN_SUPPORT - 1 });
    // characters outside the pairs are not counted at all
    assert.deepEqual(learnContext(['天气很好。']), {});
  });

  it('every context pair is two different characters, alike in sound or shape', () => {
    for (const pair of CONTEXT_PAIRS) {
      assert.equal(pair.length, 2, pair);
      assert.notEqual(pair[0], pair[1]);
      assert.ok(
        confusablesOf(pair[0]).some((c) => c.char === pair[1]),
        `${pair}: not in the confusion sets`,
      );
    }
  });

  it('the learned corpus records the suspicious pairs it writes, and nothing else', () => {
    const model = learnModel([{ path: 'a.txt', content: '弘扬伟大抗疫精神，推进基础设施建设。\n' }], lexicon());
    const attested = Object.keys(model.corrections.attested);
    assert.ok(attested.includes('抗疫'));
    assert.ok(!attested.includes('建设') && !attested.includes('精神'));
    const pairs = new SlipPairs(lexicon());
    for (const pair of attested) assert.ok(pairs.suspicious(pair[0], pair[1]), pair);
  });
});
