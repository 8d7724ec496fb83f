/**
 * Reads a model from JSON, checking its schema and version, and filling any section
 * an older model lacks with an empty one so rules can rely on the shape.
 */
import { MODEL_SCHEMA, MODEL_VERSION, READABLE_MODEL_VERSIONS, type LearnedModel } from './types';
import { emptyRepeats } from './sections/repeats';
import { emptyStyle } from './sections/style';
import { emptyDigits } from './sections/digits';
import {
  archivePairsFrom,
  emptyPhrases,
  isUnitList,
  loadStoredPhrases,
  phraseColumns,
  phrasesFromColumns,
  storePhrases,
  type StoredPhrases,
} from './sections/phrases';
import { attachTables, type SectionTables, type Table } from './tables';
import { emptyNames } from './sections/names';
import { emptyCharacters } from './sections/characters';
import { emptyCorrections, type CorrectionsSection } from './sections/corrections';
import { CountColumns, type Counts } from './count-columns';

export class ModelError extends Error {}

export function emptyModel(): LearnedModel {
  return {
    schema: MODEL_SCHEMA,
    version: MODEL_VERSION,
    corpus: { documents: 0, characters: 0, files: [] },
    repeats: emptyRepeats(),
    style: emptyStyle(),
    digits: emptyDigits(),
    phrases: emptyPhrases(),
    names: emptyNames(),
    characters: emptyCharacters(),
    corrections: emptyCorrections(),
  };
}

export function parseModel(json: string, source = 'model'): LearnedModel {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new ModelError(`${source}: 不是有效的 JSON（${(error as Error).message}）`);
  }
  return modelFromData(data, source);
}

/** A model from its parsed JSON, checked and completed. */
function modelFromData(data: unknown, source: string): LearnedModel {
  if (typeof data !== 'object' || data === null || (data as { schema?: unknown }).schema !== MODEL_SCHEMA) {
    throw new ModelError(`${source}: 不是 jiaodui 模型（缺少 "schema": "${MODEL_SCHEMA}"）`);
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version !== 'number' || !READABLE_MODEL_VERSIONS.includes(version)) {
    throw new ModelError(`${source}: 模型版本 ${String(version)} 与本程序（${MODEL_VERSION}）不符，请用 jiaodui learn 重新生成`);
  }
  const sections = data as Partial<LearnedModel> & { phrases?: unknown };
  const stored = sections.phrases as StoredPhrases | undefined;
  if (stored && (stored as { format?: unknown }).format === 'columns') {
    const phrases = loadStoredPhrases(stored);
    if (!phrases) throw new ModelError(`${source}: 模型的 phrases 部分已损坏，请用 jiaodui learn 重新生成`);
    sections.phrases = phrases;
  }
  return { ...emptyModel(), ...sections, version: MODEL_VERSION } as LearnedModel;
}

/** A model as its file stores it: JSON, the large phrases section as columns. */
export function serializeModel(model: LearnedModel): string {
  return JSON.stringify({ ...model, version: MODEL_VERSION, phrases: storePhrases(model.phrases) });
}

// ---------------------------------------------------------------------------
// The binary container, for models too large to parse at every start: a text line
// naming the format, the length of a JSON head, the head (every section but the
// phrases' columns, and where each array lies), then the arrays themselves, each at
// a multiple of 8 bytes so the loader views them in place instead of copying.

/**
 * 3: the corrections section's counts (attested, context) are columns (count-columns.ts)
 * among the arrays. Version 2 containers (those counts in the JSON head) still load.
 */
const CONTAINER_MAGIC = 'JIAODUI-MODEL binary 3\n';
const READABLE_CONTAINER_MAGICS = [CONTAINER_MAGIC, 'JIAODUI-MODEL binary 2\n'];
const ALIGN = 8;
type TableType = 'u8' | 'u16' | 'i32' | 'u32';

interface BlobRef {
  type: TableType;
  offset: number;
  length: number;
}

interface ContainerHead {
  model: Omit<LearnedModel, 'phrases'> & { phrases: { format: 'columns-binary'; sources: Record<string, string>; units?: string } };
  phrases: { text: BlobRef; starts: BlobRef; counts: BlobRef; docs: BlobRef; pairs?: { keys: BlobRef; counts: BlobRef } };
  /** Tables precomputed for the phrases section (see tables.ts), by key. */
  tables: Array<{ key: string; arrays: Record<string, BlobRef> }>;
  /** The corrections section's large counts as columns (absent before version 3: they are in model). */
  corrections?: { attested: CountRefs; context?: CountRefs };
}

interface CountRefs {
  codes: BlobRef;
  starts: BlobRef;
  counts: BlobRef;
}

function typeOf(array: Table): TableType {
  if (array instanceof Uint8Array) return 'u8';
  if (array instanceof Uint16Array) return 'u16';
  if (array instanceof Int32Array) return 'i32';
  return 'u32';
}

/**
 * The array in the narrowest unsigned type that holds its values (counts of a few
 * thousand need two bytes, not four): the reader gets the same numbers in a smaller
 * view, and only reads them. Arrays with a negative value keep their type.
 */
function narrowest(array: Table): Table {
  if (array instanceof Uint8Array) return array;
  let max = 0;
  for (let i = 0; i < array.length; i++) {
    const value = array[i];
    if (value < 0) return array;
    if (value > max) max = value;
  }
  if (max <= 0xff) return Uint8Array.from(array);
  if (max <= 0xffff && !(array instanceof Uint16Array)) return Uint16Array.from(array);
  return array;
}

/**
 * A model as a binary container, with tables precomputed for its phrases section
 * (fixed-phrase's trie and pair index): what learn writes for a large archive.
 */
export function serializeModelBinary(model: LearnedModel, phraseTables: readonly SectionTables[] = []): Uint8Array {
  const columns = phraseColumns(model.phrases);
  const blobs: Table[] = [];
  let offset = 0;
  const place = (wide: Table, narrow = true): BlobRef => {
    const array = narrow ? narrowest(wide) : wide;
    const ref = { type: typeOf(array), offset, length: array.length };
    blobs.push(array);
    offset += Math.ceil(array.byteLength / ALIGN) * ALIGN;
    return ref;
  };
  const text = new Uint16Array(columns.text.length);
  for (let i = 0; i < text.length; i++) text[i] = columns.text.charCodeAt(i);
  const sources: Record<string, string> = {};
  for (const [id, source] of columns.sources) sources[id] = source;
  const placeCounts = (counts: Counts): CountRefs => {
    const c = CountColumns.from(counts instanceof CountColumns ? counts.toJSON() : counts);
    return { codes: place(c.codes, false), starts: place(c.starts), counts: place(c.counts) };
  };
  const corrections: CorrectionsSection = { ...model.corrections, attested: {} };
  if (model.corrections.context) corrections.context = {};
  const head: ContainerHead = {
    model: {
      ...model,
      corrections,
      version: MODEL_VERSION,
      phrases: { format: 'columns-binary', sources, ...(model.phrases.units !== undefined && { units: model.phrases.units }) },
    },
    phrases: {
      text: place(text, false),
      starts: place(columns.starts),
      counts: place(columns.counts),
      docs: place(columns.docs),
      ...(model.phrases.pairs && { pairs: { keys: place(model.phrases.pairs.keys, false), counts: place(model.phrases.pairs.counts) } }),
    },
    tables: phraseTables.map((t) => ({ key: t.key, arrays: Object.fromEntries(Object.entries(t.arrays).map(([name, array]) => [name, place(array)])) })),
    corrections: {
      attested: placeCounts(model.corrections.attested),
      ...(model.corrections.context ? { context: placeCounts(model.corrections.context) } : {}),
    },
  };
  const encoder = new TextEncoder();
  const headBytes = encoder.encode(JSON.stringify(head));
  const prefix = encoder.encode(`${CONTAINER_MAGIC}${headBytes.length}\n`);
  const blobStart = Math.ceil((prefix.length + headBytes.length) / ALIGN) * ALIGN;
  const out = new Uint8Array(blobStart + offset);
  out.set(prefix, 0);
  out.set(headBytes, prefix.length);
  let at = blobStart;
  for (const blob of blobs) {
    out.set(new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength), at);
    at += Math.ceil(blob.byteLength / ALIGN) * ALIGN;
  }
  return out;
}

/** True when the bytes are a binary container rather than JSON. */
export function isModelContainer(bytes: Uint8Array): boolean {
  return READABLE_CONTAINER_MAGICS.some((magic) => bytes.length >= magic.length && [...magic].every((ch, i) => bytes[i] === ch.charCodeAt(0)));
}

/** Reads a model file's bytes: a binary container, or JSON (any readable version). */
export function parseModelBytes(bytes: Uint8Array, source = 'model'): LearnedModel {
  if (!isModelContainer(bytes)) return parseModel(new TextDecoder().decode(bytes), source);
  const broken = (why: string) => new ModelError(`${source}: 模型文件已损坏（${why}），请用 jiaodui learn 重新生成`);
  const lengthEnd = bytes.indexOf(0x0a, CONTAINER_MAGIC.length);
  const headLength = Number(new TextDecoder().decode(bytes.subarray(CONTAINER_MAGIC.length, lengthEnd)));
  if (lengthEnd < 0 || !Number.isSafeInteger(headLength) || lengthEnd + 1 + headLength > bytes.length) throw broken('head');
  let head: ContainerHead;
  try {
    head = JSON.parse(new TextDecoder().decode(bytes.subarray(lengthEnd + 1, lengthEnd + 1 + headLength))) as ContainerHead;
  } catch (error) {
    throw broken((error as Error).message);
  }
  const blobStart = Math.ceil((lengthEnd + 1 + headLength) / ALIGN) * ALIGN;
  // Views need the buffer aligned for their element size; a pooled buffer may not be.
  const aligned = bytes.byteOffset % ALIGN === 0 ? bytes : bytes.slice();
  const view = (ref: BlobRef): Table => {
    const size = ref.type === 'u8' ? 1 : ref.type === 'u16' ? 2 : 4;
    const from = aligned.byteOffset + blobStart + ref.offset;
    if (!Number.isSafeInteger(ref.length) || ref.length < 0 || blobStart + ref.offset + ref.length * size > aligned.length) throw broken('array');
    if (ref.type === 'u8') return new Uint8Array(aligned.buffer, from, ref.length);
    if (ref.type === 'u16') return new Uint16Array(aligned.buffer, from, ref.length);
    if (ref.type === 'i32') return new Int32Array(aligned.buffer, from, ref.length);
    return new Uint32Array(aligned.buffer, from, ref.length);
  };
  const model = modelFromData({ ...head.model, phrases: undefined }, source);
  const refs = head.phrases;
  if (!refs || !head.model.phrases) throw broken('phrases');
  const codes = view(refs.text);
  if (!(codes instanceof Uint16Array)) throw broken('phrases');
  let text: string | undefined;
  const phrases = phrasesFromColumns({
    codes,
    get text() {
      return (text ??= new TextDecoder('utf-16le').decode(codes));
    },
    starts: view(refs.starts) as Uint32Array,
    counts: view(refs.counts) as Uint32Array,
    docs: view(refs.docs) as Uint32Array,
    sources: new Map(Object.entries(head.model.phrases.sources ?? {}).map(([id, s]) => [Number(id), String(s)])),
  });
  if (!phrases) throw broken('phrases');
  const units = head.model.phrases.units;
  if (units !== undefined) {
    if (!isUnitList(units)) throw broken('phrases');
    phrases.units = units;
  }
  if (refs.pairs) {
    const keys = view(refs.pairs.keys);
    const counts = view(refs.pairs.counts);
    const pairs = keys instanceof Uint32Array && !(counts instanceof Int32Array) ? archivePairsFrom(keys, counts) : undefined;
    if (!pairs) throw broken('phrases');
    phrases.pairs = pairs;
  }
  for (const t of head.tables ?? [])
    attachTables(phrases, { key: t.key, arrays: Object.fromEntries(Object.entries(t.arrays).map(([name, ref]) => [name, view(ref)])) });
  const counts = (refs: CountRefs): CountColumns => {
    const codes = view(refs.codes);
    const starts = view(refs.starts);
    const values = view(refs.counts);
    if (!(codes instanceof Uint16Array) || !CountColumns.check(codes, starts, values)) throw broken('corrections');
    return new CountColumns(codes, starts, values);
  };
  if (head.corrections) {
    const corrections: CorrectionsSection = { ...model.corrections, attested: counts(head.corrections.attested) };
    if (head.corrections.context) corrections.context = counts(head.corrections.context);
    return { ...model, phrases, corrections };
  }
  return { ...model, phrases };
}
