import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { ImportAbort, loc, makeMessage } from './messages.ts';
import type { ImportLimits } from './types.ts';

export const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5);

/**
 * Unzip with zip-bomb guards: entry count and declared sizes from the central directory first,
 * then the actual inflated bytes are counted while streaming and inflation stops at the limit.
 * Directories and macOS resource forks are dropped.
 */
export function safeUnzip(bytes: Uint8Array, file: string, limits: ImportLimits): Map<string, Uint8Array> {
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
  } catch (e) {
    throw new ImportAbort(
      makeMessage(file, 'zip-invalid', undefined, { detail: e instanceof Error ? e.message : String(e) }),
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
  const out = new Map<string, Uint8Array>();
  let total = 0;
  let failure: ReturnType<typeof makeMessage> | undefined;
  const uz = new Unzip();
  uz.register(UnzipInflate);
  uz.onfile = (f) => {
    if (failure) return;
    const name = f.name;
    const skip = name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)\._/.test(name);
    const chunks: Uint8Array[] = [];
    let size = 0;
    f.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = makeMessage(file, 'zip-invalid', loc.entry(name), { detail: err.message });
        return;
      }
      size += data.length;
      total += data.length;
      // An entry that inflates beyond the size its directory declares is a zip bomb: stop at once.
      if (size > (declaredByName.get(name) ?? 0)) {
        failure = makeMessage(file, 'zip-invalid', loc.entry(name), {
          detail: 'the entry expands beyond its declared size (a zip bomb?)',
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
    } catch (e) {
      failure = makeMessage(file, 'zip-invalid', loc.entry(name), {
        detail: e instanceof Error ? e.message : String(e),
      });
    }
  };
  try {
    // Small slices bound how much one push can inflate (deflate expands at most ~1032×).
    const SLICE = 8192;
    for (let i = 0; i < bytes.length && !failure; i += SLICE) {
      uz.push(bytes.subarray(i, Math.min(bytes.length, i + SLICE)), i + SLICE >= bytes.length);
    }
  } catch (e) {
    failure ??= makeMessage(file, 'zip-invalid', undefined, {
      detail: e instanceof Error ? e.message : String(e),
    });
  }
  if (failure) throw new ImportAbort(failure);
  return out;
}
