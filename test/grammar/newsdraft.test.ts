/**
 * The newsdraft TextMate grammar, tokenised with the same engine VS Code uses
 * (vscode-textmate + the Oniguruma WASM build). Each case asserts the scopes of a
 * piece of a sample line, and the look-alikes that must stay plain body text.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const root = path.resolve(__dirname, '../..');
let grammar: vsctm.IGrammar;

before(async () => {
  const wasm = fs.readFileSync(path.join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'text.newsdraft') return null;
      const file = path.join(root, 'syntaxes/newsdraft.tmLanguage.json');
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  const loaded = await registry.loadGrammar('text.newsdraft');
  assert.ok(loaded, 'grammar text.newsdraft loads');
  grammar = loaded;
});

/** Scopes (without the root scope) of the token holding the first character of `piece` in `line`. */
function scopesOf(line: string, piece: string): string[] {
  const { tokens } = grammar.tokenizeLine(line, vsctm.INITIAL);
  const at = line.indexOf(piece);
  assert.ok(at >= 0, `“${piece}” is in “${line}”`);
  const token = tokens.find((t) => t.startIndex <= at && at < t.endIndex);
  assert.ok(token, `a token covers “${piece}”`);
  return token.scopes.filter((s) => s !== 'text.newsdraft');
}

function expectScope(line: string, piece: string, scope: string): void {
  const scopes = scopesOf(line, piece);
  assert.ok(
    scopes.some((s) => s === scope || s.startsWith(`${scope}.`)),
    `“${piece}” in “${line}” should be ${scope}, got [${scopes.join(', ')}]`,
  );
}

function expectPlain(line: string): void {
  const { tokens } = grammar.tokenizeLine(line, vsctm.INITIAL);
  const scoped = tokens.filter((t) => t.scopes.length > 1).map((t) => `${line.slice(t.startIndex, t.endIndex)}: ${t.scopes.slice(1).join(' ')}`);
  assert.deepEqual(scoped, [], `“${line}” should be plain body text`);
}

describe('newsdraft grammar', () => {
  it('has the scope name package.json contributes', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const contributed = pkg.contributes.grammars.find((g: { language: string }) => g.language === 'newsdraft');
    assert.equal(contributed.scopeName, 'text.newsdraft');
    assert.equal(grammar.tokenizeLine('', vsctm.INITIAL).tokens[0].scopes[0], 'text.newsdraft');
  });

  describe('headlines', () => {
    it('Markdown headings', () => {
      expectScope('## 基层诊疗能力稳步提升', '##', 'punctuation.definition.heading');
      expectScope('## 基层诊疗能力稳步提升', '基层', 'entity.name.section');
      expectScope('### 某省推进县域医共体建设', '某省', 'markup.heading');
    });

    it('▶ headlines, with the source note', () => {
      const line = '▶县级医院如何补齐短板（来源：某某卫生报）';
      expectScope(line, '▶', 'punctuation.definition.heading');
      expectScope(line, '县级', 'markup.heading.arrow');
      expectScope(line, '来源', 'keyword.other.source');
    });

    it('short lines without closing punctuation, including a two-part headline', () => {
      expectScope('乡村医生守护山区群众健康', '乡村', 'markup.heading');
      expectScope('稳中求进，绘就医疗服务新图景', '绘就', 'markup.heading');
    });

    it('subtitles and section labels', () => {
      expectScope('——记全国基层卫生工作会议', '记全国', 'markup.heading.subtitle');
      expectScope('·医院管理·', '医院管理', 'markup.heading.section');
      expectScope('——本期视点——', '本期视点', 'markup.heading.section');
    });

    it('leaves body text alone: sentences, wrapped lines, enumerations', () => {
      expectPlain('会议指出，过去一年，我省基层医疗卫生服务能力明显提升，群众就医更加便捷。');
      expectPlain('该院积极推进分级诊疗。');
      expectPlain('守、安全生产、党风廉政建设、帮扶慰');
      expectPlain('为了持续改进患者体验，线上线下一体化成为当前互联网医疗建设的');
    });
  });

  describe('bylines and datelines', () => {
    it('本报讯（…）: roles and names inside the parentheses', () => {
      const line = '本报讯（实习记者王小明 记者李华）3月2日，某市召开卫生健康工作会议。';
      expectScope(line, '本报讯', 'keyword.other.byline');
      expectScope(line, '实习记者', 'keyword.other.role');
      expectScope(line, '王小明', 'entity.name.person');
      expectScope(line, '李华', 'meta.byline');
      assert.ok(!scopesOf(line, '某市').some((s) => s.startsWith('meta.byline')), 'the story body is not part of the byline');
    });

    it('□本报记者 with several names, and a bare byline line', () => {
      expectScope('□本报记者 张三 李四', '□', 'punctuation.definition.byline');
      expectScope('□本报记者 张三 李四', '本报记者', 'keyword.other.role');
      expectScope('□本报记者 张三 李四', '李四', 'entity.name.person');
      expectScope('本报记者 赵六', '赵六', 'entity.name.person');
      expectScope('□本报评论员', '本报评论员', 'meta.byline');
    });

    it('datelines: agency, place, date', () => {
      const line = '据新华社昆明3月5日电 记者从云南省获悉，全省基层医疗机构……';
      expectScope(line, '据', 'keyword.other.dateline');
      expectScope(line, '新华社', 'entity.name.organization.agency');
      expectScope(line, '昆明', 'entity.name.place');
      expectScope(line, '3月5日', 'constant.other.date');
      expectScope('本报北京4月1日电（记者周某）国家卫生健康委今天发布……', '北京', 'entity.name.place');
      expectScope('本报北京4月1日电（记者周某）国家卫生健康委今天发布……', '周某', 'entity.name.person');
    });
  });

  describe('page furniture', () => {
    it('jump lines are comments', () => {
      expectScope('（下转第5版）', '下转第5版', 'comment.line.jump');
      expectScope('(上接第1版)', '上接第1版', 'keyword.other.jump');
      expectScope('……推动改革落地见效。（下转第2版）', '下转', 'comment.line.jump');
    });

    it('photo captions end with the credit', () => {
      const line = '3月1日，某县卫生院医生为村民测量血压。 通讯员刘某某摄';
      expectScope(line, '通讯员', 'keyword.other.role');
      expectScope(line, '刘某某', 'entity.name.person');
      expectScope(line, '摄', 'meta.caption.credit');
      expectScope('本报记者王某 陈某摄影报道', '陈某', 'entity.name.person');
      expectScope('本报记者王某 陈某摄影报道', '摄影报道', 'keyword.other.credit');
      expectScope('（新华社记者 黄某 摄）', '黄某', 'entity.name.person');
    });

    it('“拍摄” at the end of a sentence is not a credit', () => {
      expectPlain('摄制组深入十家医疗机构进行拍摄。');
    });

    it('editor lines', () => {
      expectScope('编辑 张 喆', '编辑', 'keyword.other.role');
      expectScope('编辑 张 喆', '喆', 'entity.name.person');
      expectScope('责任编辑：王某 美编 李某', '美编', 'keyword.other.role');
      expectScope('责任编辑：王某 美编 李某', '李某', 'meta.editor-line');
    });

    it('【提要】 labels', () => {
      const line = '【提要】基层医疗卫生机构是服务体系的网底。';
      expectScope(line, '【', 'punctuation.definition.label.begin');
      expectScope(line, '提要', 'keyword.other.label');
      assert.ok(!scopesOf(line, '基层').some((s) => s.startsWith('meta.label')));
    });

    it('masthead lines', () => {
      expectScope('2026年3月2日 星期一', '2026年3月2日', 'constant.other.date');
      expectScope('2026年3月2日 星期一', '星期一', 'constant.other.date.weekday');
      expectScope('农历丙午年 正月十四', '正月十四', 'constant.other.date.lunar');
      expectScope('第12701期 今日8版', '第12701期', 'constant.other.issue');
      expectScope('今日12版', '今日12版', 'meta.masthead');
      expectScope('国内统一连续出版物号 CN 11-0000', 'CN 11-0000', 'constant.other.masthead');
      expectScope('某某省卫生健康委员会主办', '主办', 'keyword.other.masthead');
      expectScope('HEALTH NEWS', 'HEALTH', 'meta.masthead.title');
    });

    it('page numbers, navigation and table-of-contents pointers', () => {
      expectScope('12 / 88', '12', 'comment.line.page-number');
      expectScope('返回目录', '返回目录', 'comment.line.navigation');
      expectScope('——第 13页', '第', 'comment.line.page-reference');
    });

    it('disable markers are comments', () => {
      expectScope('jiaodui-disable-next-line duplicate-word', 'jiaodui', 'comment.line.directive');
      expectScope('<!-- jiaodui-disable stray-digits -->', 'jiaodui', 'comment.line.directive');
    });
  });

  it('tokenises every seed line without error and marks the seeds’ headings', () => {
    const seeds = fs.readdirSync(path.join(root, 'seeds')).filter((f) => f.endsWith('.txt'));
    let headings = 0;
    for (const seed of seeds) {
      let state = vsctm.INITIAL;
      for (const line of fs.readFileSync(path.join(root, 'seeds', seed), 'utf8').split(/\r?\n/)) {
        const result = grammar.tokenizeLine(line, state);
        state = result.ruleStack;
        if (result.tokens.some((t) => t.scopes.some((s) => s.startsWith('markup.heading')))) headings++;
      }
    }
    assert.ok(headings > 50, `headings found in the seeds: ${headings}`);
  });
});
