/** Why a repeat is legitimate: the reasons, the learned evidence, their plain-language names. */

/** Why a repeat is legitimate, or null when nothing explains it. */
export type RepeatReason =
  | 'word'
  | 'inside-word'
  | 'aabb'
  | 'measure'
  | 'one-measure'
  | 'distributive'
  | 'verb-abab'
  | 'given-name'
  | 'coined-name'
  | 'adjective'
  | 'reduplication'
  | 'boundary'
  | 'number'
  | 'learned';

export interface RepeatEvidence {
  /** Learned legitimate contexts: a char + the doubled span, or the span + a char → count. */
  legitimate: Record<string, number>;
}

/** Plain-language names of the reasons, for docs and the learn summary. */
export const REPEAT_REASONS: Record<RepeatReason, string> = {
  word: '词典中的叠词（常常、看看）',
  'inside-word': '属于更长的词（实实在在、一项项、吉尔吉斯斯坦、手把手）',
  aabb: 'AABB 式重叠（认认真真）',
  measure: '量词重叠（个个、层层）',
  'one-measure': '“一”加量词重叠（一件件、一个一个）',
  distributive: '单音名词重叠表“每一”（村村通、户户）',
  'verb-abab': '动词重叠（研究研究）',
  'given-name': '姓名中的叠字（王芳芳、外国人名的译名）',
  'coined-name': '引号中的专名（“冰墩墩”）',
  adjective: '单音形容词重叠（稳稳、高高）',
  reduplication: '词典收录、独立成词的叠字（节节攀升、喜气腾腾）',
  boundary: '两个词的交界（卫生院|院长、工作|作为、机会|会）',
  number: '汉字书写的数字（二零零零年）',
  learned: '语料库中反复出现的写法',
};
