/**
 * Finds the places a text names, with their positions for highlighting.
 *
 * 1. Names and aliases, leftmost-longest: 大兴安岭沿麓 wins over 大兴安岭, 科尔沁沙地 over 科尔沁. Quotation marks are
 *    ignored, so 黄河“几字弯”攻坚战 matches the alias 黄河几字弯攻坚战.
 * 2. Lists with a head noun: in 海勃湾、尼尔基、红山…等大中型水库 each member is completed with the head's suffix
 *    (海勃湾水库) and looked up among `listForms`. A list mention replaces an overlapping name mention
 *    (贺兰山 → 贺兰山国家公园), except a league's, which stays: 包头市 in a list of wind bases is still 包头.
 *    Members are separated by 、; the last may be joined by 和 or 及 (呼和浩特市、包头市、鄂尔多斯市和赤峰…等建设国家碳达峰试点).
 *    A league or county named as a list member stays linked too: the list form is a zone inside it.
 * 3. A league or group named inside the name of a zone, pilot, eco-area or battle counts too (赤峰 in
 *    赤峰高新技术产业开发区, 包头 in 林草碳汇(包头)试验区, 几字弯 in 黄河“几字弯”攻坚战). The inside is read with the
 *    same rules, so 兴安 in 大兴安岭生态安全屏障带 is not 兴安盟. Proper names of counties, mountains, rivers… are
 *    not read inside (阿拉善右旗 is not a mention of 阿拉善盟, 兴安岭 not one of 兴安盟).
 * 4. Brands and slogans (`notPlaces`: 赤峰小米, 兴安岭上兴安盟) name no place: nothing inside them is linked.
 */
import type { GazetteerSource, Mention } from './types.ts';

const IGNORED = new Set(['“', '”', '‘', '’', '"', '「', '」', '『', '』']);
/** Kinds whose names embed the name of a league or group they belong to. */
const READ_INSIDE = new Set(['industry', 'pilot', 'eco-area', 'battle']);
/** Kinds whose name stays linked when it is a list member (the list form is a zone inside it). */
const STAYS_IN_LIST = new Set(['league', 'county']);
const LIST_STOP = new Set([',', ',', '。', ';', ';', ':', ':', '(', ')', '!', '?']);

interface Normalized {
  text: string;
  /** Index in the original text of each character of `text`. */
  map: number[];
}

export function normalizeForMatching(original: string): Normalized {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const c = original.charAt(i);
    if (IGNORED.has(c)) continue;
    text += c;
    map.push(i);
  }
  return { text, map };
}

function stripQuotes(s: string): string {
  return normalizeForMatching(s).text;
}

interface Span {
  zoneId: string;
  start: number;
  end: number;
  via: Mention['via'];
  /** For a list member: where the list head is (等大中型水库), which made the member a link too. */
  head?: { start: number; end: number };
}

export interface PlaceMatcher {
  match(text: string): Mention[];
  /** Zone ids of the mentions in order of first appearance; a group is followed by its members. */
  zonesOf(mentions: readonly Mention[]): string[];
}

export class GazetteerError extends Error {}

/** A matcher over the gazetteer's entries and list heads (seeds/gazetteer.json). */
export function createMatcher(
  gazetteer: Pick<GazetteerSource, 'entries' | 'listHeads' | 'notPlaces'>,
): PlaceMatcher {
  const { entries, listHeads } = gazetteer;
  const notPlaces = (gazetteer.notPlaces ?? []).map((n) => stripQuotes(n.text));
  const byId = new Map(entries.map((e) => [e.id, e]));
  const aliasToId = new Map<string, string>();
  const listFormToId = new Map<string, string>();
  for (const e of entries) {
    if (e.match === false) continue;
    for (const a of e.aliases) {
      const key = stripQuotes(a);
      const prev = aliasToId.get(key);
      if (prev && prev !== e.id)
        throw new GazetteerError(`alias ${key} of ${e.id} is also an alias of ${prev}`);
      aliasToId.set(key, e.id);
    }
    for (const f of e.listForms ?? []) {
      const key = stripQuotes(f);
      const prev = listFormToId.get(key);
      if (prev && prev !== e.id)
        throw new GazetteerError(`list form ${key} of ${e.id} is also one of ${prev}`);
      listFormToId.set(key, e.id);
    }
  }
  const byFirstChar = new Map<string, string[]>();
  for (const alias of aliasToId.keys()) {
    const c = alias.charAt(0);
    const list = byFirstChar.get(c) ?? [];
    list.push(alias);
    byFirstChar.set(c, list);
  }
  for (const list of byFirstChar.values()) list.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

  const kindOf = (id: string) => byId.get(id)?.kind;

  /** Leftmost-longest scan of `text` from `from` to `to`; aliases of `skipId` are not taken. */
  function scan(text: string, from: number, to: number, skipId?: string): Span[] {
    const out: Span[] = [];
    let i = from;
    while (i < to) {
      let hit: string | undefined;
      for (const alias of byFirstChar.get(text.charAt(i)) ?? []) {
        if (i + alias.length > to || (skipId && aliasToId.get(alias) === skipId)) continue;
        if (text.startsWith(alias, i)) {
          hit = alias;
          break;
        }
      }
      const id = hit ? aliasToId.get(hit) : undefined;
      if (hit && id) {
        out.push({ zoneId: id, start: i, end: i + hit.length, via: 'name' });
        i += hit.length;
      } else {
        i += 1;
      }
    }
    return out;
  }

  function listFormOf(member: string, suffix: string): string | undefined {
    return listFormToId.get(member + suffix) ?? listFormToId.get(member.replace(/[市盟]$/, '') + suffix);
  }

  /**
   * The members of one 、-separated list segment: the whole segment, or, when it holds 和/及 and the part before
   * ends in a list member (鄂尔多斯市和赤峰…), that part and the part after. 呼和浩特 is not split: 呼 is no member.
   */
  function memberRanges(seg: string, suffix: string): Array<[number, number]> {
    for (let j = 1; j < seg.length - 1; j++) {
      const c = seg.charAt(j);
      if (c !== '和' && c !== '及') continue;
      for (let k = 0; k < j - 1; k++) {
        if (listFormOf(seg.slice(k, j), suffix))
          return [
            [0, j],
            [j + 1, seg.length],
          ];
      }
    }
    return [[0, seg.length]];
  }

  /** Spans of brands and slogans (quotes ignored), inside which nothing is a place. */
  function notPlaceSpans(text: string): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (const n of notPlaces) {
      for (let at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + n.length))
        out.push([at, at + n.length]);
    }
    return out;
  }

  function listSpans(text: string): Span[] {
    const out: Span[] = [];
    for (const { head, suffix } of listHeads) {
      let at = text.indexOf(head);
      while (at >= 0) {
        let begin = at;
        while (begin > 0 && !LIST_STOP.has(text.charAt(begin - 1))) begin -= 1;
        let segStart = begin;
        for (const seg of text.slice(begin, at).split('、')) {
          for (const [from, to] of memberRanges(seg, suffix)) {
            const member = seg.slice(from, to);
            for (let k = 0; k < member.length - 1; k++) {
              const id = listFormOf(member.slice(k), suffix);
              if (id) {
                out.push({
                  zoneId: id,
                  start: segStart + from + k,
                  end: segStart + to,
                  via: 'list',
                  head: { start: at, end: at + head.length },
                });
                break;
              }
            }
          }
          segStart += seg.length + 1;
        }
        at = text.indexOf(head, at + head.length);
      }
    }
    return out;
  }

  function match(original: string): Mention[] {
    const { text, map } = normalizeForMatching(original);
    const blocked = notPlaceSpans(text);
    const free = (s: Span) => !blocked.some(([a, b]) => a < s.end && s.start < b);
    const names = scan(text, 0, text.length).filter(free);
    const lists = listSpans(text).filter(free);
    const kept = names.filter(
      (n) =>
        STAYS_IN_LIST.has(kindOf(n.zoneId) ?? '') || !lists.some((l) => l.start < n.end && n.start < l.end),
    );
    const nested: Span[] = [];
    for (const n of kept) {
      if (!READ_INSIDE.has(kindOf(n.zoneId) ?? '')) continue;
      for (const inner of scan(text, n.start, n.end, n.zoneId)) {
        const kind = kindOf(inner.zoneId);
        if (kind === 'league' || kind === 'group') nested.push({ ...inner, via: 'nested' });
      }
    }
    const spans = [...kept, ...lists, ...nested];
    const seen = new Set<string>();
    const mentions: Mention[] = [];
    for (const s of spans) {
      let start = map[s.start];
      const last = map[s.end - 1];
      if (start === undefined || last === undefined) continue;
      let end = last + 1;
      // Keep a quoted part whole: “三北”工程攻坚战, 黄河“几字弯”.
      const inner = original.slice(start, end);
      const opens = inner.split('“').length - 1;
      const closes = inner.split('”').length - 1;
      if (closes > opens && original.charAt(start - 1) === '“') start -= 1;
      if (opens > closes && original.charAt(end) === '”') end += 1;
      const key = `${s.zoneId}@${start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const headStart = s.head ? map[s.head.start] : undefined;
      const headLast = s.head ? map[s.head.end - 1] : undefined;
      const head =
        headStart !== undefined && headLast !== undefined
          ? { head: { text: original.slice(headStart, headLast + 1), start: headStart, end: headLast + 1 } }
          : {};
      mentions.push({ zoneId: s.zoneId, text: original.slice(start, end), start, end, via: s.via, ...head });
    }
    return mentions.sort((a, b) => a.start - b.start || a.end - b.end || (a.zoneId < b.zoneId ? -1 : 1));
  }

  function zonesOf(mentions: readonly Mention[]): string[] {
    const out: string[] = [];
    const add = (id: string) => {
      if (!out.includes(id)) out.push(id);
    };
    for (const m of mentions) {
      add(m.zoneId);
      for (const member of byId.get(m.zoneId)?.groupOf ?? []) add(member);
    }
    return out;
  }

  return { match, zonesOf };
}
