import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { ImportAbort, loc, makeMessage, type Reporter } from './messages.ts';
import type { ImportLimits } from './types.ts';

export const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5);

/** Entries the importers read; other entries (images, readme, .xml metadata) may be skipped. */
export const isNeededEntry = (name: string): boolean => /\.(shp|shx|dbf|prj|cpg|kml)$/i.test(name);

const METHOD_NAMES: Record<number, string> = {
  1: 'Shrink',
  6: 'Implode',
  9: 'Deflate64',
  12: 'bzip2',
  14: 'LZMA',
  19: 'IBM LZ77',
  93: 'Zstandard',
  95: 'XZ',
  96: 'JPEG',
  97: 'WavPack',
  98: 'PPMd',
  99: 'AES encryption',
};

interface CentralEntry {
  name: string;
  method: number;
  encrypted: boolean;
}

/**
 * Names, compression methods and the encryption flag from the central directory. Names are decoded as fflate
 * decodes them (UTF-8 when flagged, else Latin-1), so they match its entry names. Undefined when unreadable
 * (fflate then reports the archive itself).
 */
function centralDirectory(b: Uint8Array): CentralEntry[] | undefined {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = dv.getUint16(eocd + 10, true);
  let off = dv.getUint32(eocd + 16, true);
  const out: CentralEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (off + 46 > b.length || dv.getUint32(off, true) !== 0x02014b50) return undefined;
    const flags = dv.getUint16(off + 8, true);
    const method = dv.getUint16(off + 10, true);
    const nameLen = dv.getUint16(off + 28, true);
    const extraLen = dv.getUint16(off + 30, true);
    const commentLen = dv.getUint16(off + 32, true);
    const raw = b.subarray(off + 46, off + 46 + nameLen);
    const name = flags & 0x800 ? new TextDecoder().decode(raw) : String.fromCharCode(...raw);
    out.push({ name, method, encrypted: (flags & 1) === 1 || method === 99 });
    off += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const ignored = (name: string): boolean =>
  name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)\._/.test(name);

/**
 * Refuse what cannot be read, in plain words: duplicate names (also differing only in case, which is one file on
 * Windows), encrypted entries and compression methods other than stored/Deflate. Unreadable entries that the
 * importers do not need are skipped with a warning. Returns the names to skip.
 */
function screenEntries(entries: CentralEntry[], file: string, rep?: Reporter): Set<string> {
  const seen = new Map<string, string>();
  for (const e of entries) {
    if (ignored(e.name)) continue;
    const key = e.name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined)
      throw new ImportAbort(makeMessage(file, 'zip-duplicate-entry', loc.entries(first, e.name)));
    seen.set(key, e.name);
  }
  const skip = new Set<string>();
  for (const e of entries) {
    if (ignored(e.name)) continue;
    const unreadable = e.encrypted || (e.method !== 0 && e.method !== 8);
    if (!unreadable) continue;
    const method = METHOD_NAMES[e.method] ?? `method ${e.method}`;
    if (isNeededEntry(e.name)) {
      throw new ImportAbort(
        e.encrypted
          ? makeMessage(file, 'zip-encrypted', loc.entry(e.name))
          : makeMessage(file, 'zip-method-unsupported', loc.entry(e.name), { method }),
      );
    }
    skip.add(e.name);
    rep?.warn('zip-entry-skipped', loc.entry(e.name), {
      reason: e.encrypted ? 'password-protected' : `compressed with ${method}`,
      reasonZh: e.encrypted ? '设有密码' : `使用 ${method} 压缩`,
    });
  }
  return skip;
}

/**
 * Unzip with zip-bomb guards: entry count and declared sizes from the central directory first,
 * then the actual inflated bytes are counted while streaming and inflation stops at the limit.
 * Directories and macOS resource forks are dropped.
 */
export function safeUnzip(
  bytes: Uint8Array,
  file: string,
  limits: ImportLimits,
  rep?: Reporter,
): Map<string, Uint8Array> {
  let count = 0;
  let declared = 0;
  const declaredByName = new Map<string, number>();
  try {
    unzipSync(bytes, {
      filter: (f) => {
        count++;
        declared += f.originalSize;
        declaredByName.set(f.name, f.originalSize);
        return false;
      },
    });
  } catch {
    throw new ImportAbort(
      makeMessage(file, 'zip-invalid', undefined, {
        detail: 'its table of contents is damaged or missing (the file may be truncated)',
        detailZh: '目录已损坏或缺失（文件可能不完整）',
      }),
    );
  }
  if (count === 0) throw new ImportAbort(makeMessage(file, 'zip-no-content'));
  if (count > limits.maxZipEntries) {
    throw new ImportAbort(
      makeMessage(file, 'zip-too-many-entries', undefined, { count, limit: limits.maxZipEntries }),
    );
  }
  if (declared > limits.maxUncompressedBytes) {
    throw new ImportAbort(
      makeMessage(file, 'zip-too-large', undefined, { limit: limits.maxUncompressedBytes }),
    );
  }
  const central = centralDirectory(bytes);
  const skipped = central ? screenEntries(central, file, rep) : new Set<string>();
  const out = new Map<string, Uint8Array>();
  let total = 0;
  let failure: ReturnType<typeof makeMessage> | undefined;
  const damaged = (name: string) =>
    makeMessage(file, 'zip-invalid', loc.entry(name), {
      detail: 'the entry is damaged',
      detailZh: '该条目已损坏',
    });
  const uz = new Unzip();
  uz.register(UnzipInflate);
  uz.onfile = (f) => {
    if (failure) return;
    const name = f.name;
    if (skipped.has(name)) return;
    if (f.compression !== 0 && f.compression !== 8) {
      // Not in the central directory (damaged archive): still say it plainly.
      const method = METHOD_NAMES[f.compression] ?? `method ${f.compression}`;
      if (isNeededEntry(name))
        failure = makeMessage(file, 'zip-method-unsupported', loc.entry(name), { method });
      return;
    }
    const skip = ignored(name);
    const chunks: Uint8Array[] = [];
    let size = 0;
    f.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = damaged(name);
        return;
      }
      size += data.length;
      total += data.length;
      // An entry that inflates beyond the size its directory declares is a zip bomb: stop at once.
      if (size > (declaredByName.get(name) ?? 0)) {
        failure = makeMessage(file, 'zip-invalid', loc.entry(name), {
          detail: 'the entry expands beyond its declared size (a zip bomb?)',
          detailZh: '该条目解压后超过其声明的大小（可能是压缩炸弹）',
        });
        f.terminate();
        return;
      }
      if (total > limits.maxUncompressedBytes) {
        failure = makeMessage(file, 'zip-too-large', undefined, { limit: limits.maxUncompressedBytes });
        f.terminate();
        return;
      }
      if (!skip) chunks.push(data);
      if (final && !skip) {
        const buf = new Uint8Array(size);
        let o = 0;
        for (const c of chunks) {
          buf.set(c, o);
          o += c.length;
        }
        out.set(name, buf);
      }
    };
    try {
      f.start();
    } catch {
      failure = damaged(name);
    }
  };
  try {
    // Small slices bound how much one push can inflate (deflate expands at most ~1032×).
    const SLICE = 8192;
    for (let i = 0; i < bytes.length && !failure; i += SLICE) {
      uz.push(bytes.subarray(i, Math.min(bytes.length, i + SLICE)), i + SLICE >= bytes.length);
    }
  } catch {
    failure ??= makeMessage(file, 'zip-invalid', undefined, {
      detail: 'the archive data is damaged',
      detailZh: '压缩数据已损坏',
    });
  }
  if (failure) throw new ImportAbort(failure);
  return out;
}
