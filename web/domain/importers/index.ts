import type { FeatureCollection } from 'geojson';
import { shapefileImporter } from './formats/shapefile-zip.ts';
import { BOUNDARY_LIMITS, LAYER_LIMITS } from './limits.ts';
import { ImportAbort, makeMessage, Reporter } from './messages.ts';
import { failure, runImport } from './pipeline.ts';
import { type Detected, detectFormat, importerFor, zipImporterFor } from './registry.ts';
import { decodeText } from './text-decode.ts';
import type {
  BoundaryFeature,
  ImportFormat,
  ImportInput,
  ImportLimits,
  ImportMessage,
  ImportOptions,
  ImportResult,
} from './types.ts';
import { safeUnzip } from './zip.ts';

export { BOUNDARY_LIMITS, LAYER_LIMITS } from './limits.ts';
export { REGION_BBOX } from './normalize/index.ts';
export { IMPORTERS } from './registry.ts';
export * from './types.ts';

type InMemory = { name: string; bytes: Uint8Array } | { name: string; text: string };

/** Browser Files also have text() and (newer) bytes() methods, so tell inputs apart by value types. */
function inMemory(input: ImportInput): InMemory | undefined {
  const i = input as { name: string; bytes?: unknown; text?: unknown };
  if (i.bytes instanceof Uint8Array) return { name: String(i.name ?? ''), bytes: i.bytes };
  if (typeof i.text === 'string') return { name: String(i.name ?? ''), text: i.text };
  return undefined;
}

function sizeOf(input: ImportInput): number {
  const m = inMemory(input);
  if (!m) return (input as { size: number }).size;
  return 'bytes' in m ? m.bytes.length : m.text.length;
}

async function readBytes(input: ImportInput): Promise<Uint8Array> {
  const m = inMemory(input);
  if (m) return 'bytes' in m ? m.bytes : new TextEncoder().encode(m.text);
  return new Uint8Array(await (input as { arrayBuffer(): Promise<ArrayBuffer> }).arrayBuffer());
}

export function resolveLimits(options: Pick<ImportOptions, 'purpose' | 'limits'>): ImportLimits {
  const base = options.purpose === 'layer' ? LAYER_LIMITS : BOUNDARY_LIMITS;
  return { ...base, ...(options.limits ?? {}) };
}

/** Byte length of a string as UTF-8, without allocating for obviously small or large inputs. */
function textBytes(text: string, limit: number): number {
  if (text.length > limit) return text.length;
  if (text.length * 3 <= limit) return text.length;
  return new TextEncoder().encode(text).length;
}

/**
 * Import a project boundary (or, with purpose 'layer', an authoritative layer) from a file or pasted text.
 * Never throws for bad input: every problem is a message naming the file, where, and what is wrong.
 * File-like inputs (browser File) are refused by size before they are read.
 */
export async function importBoundary(input: ImportInput, options: ImportOptions): Promise<ImportResult> {
  const limits = resolveLimits(options);
  const mem = inMemory(input);
  if (mem) return importBoundarySync(mem, options);
  const name = String(input.name ?? '');
  const size = sizeOf(input);
  if (!(size <= limits.maxBytes)) {
    return failure([makeMessage(name, 'file-too-large', undefined, { size, limit: limits.maxBytes })]);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(input);
  } catch (e) {
    return failure([
      makeMessage(name, 'read-failed', undefined, { detail: e instanceof Error ? e.message : String(e) }),
    ]);
  }
  return importBoundarySync({ name, bytes }, options);
}

/** Synchronous variant for bytes or text already in memory (workers, CLI, tests). */
export function importBoundarySync(input0: InMemory, options: ImportOptions): ImportResult {
  const input = inMemory(input0);
  const file = String(input0?.name ?? '');
  if (!input)
    return failure([makeMessage(file, 'read-failed', undefined, { detail: 'no bytes or text given' })]);
  const limits = resolveLimits(options);
  const size = 'bytes' in input ? input.bytes.length : textBytes(input.text, limits.maxBytes);
  if (size > limits.maxBytes) {
    return failure([makeMessage(file, 'file-too-large', undefined, { size, limit: limits.maxBytes })]);
  }
  const isEmpty = 'bytes' in input ? input.bytes.length === 0 : input.text.trim() === '';
  if (isEmpty) return failure([makeMessage(file, 'file-empty')]);

  const rep = new Reporter(file);
  let text: string | undefined;
  let encoding: string | undefined;
  const decode = (): string => {
    if (text === undefined) {
      if ('text' in input) {
        text = input.text;
      } else {
        const d = decodeText(input.bytes);
        text = d.text;
        encoding = d.encoding;
        if (d.encoding === 'gb18030') rep.info('encoding-gb18030');
      }
    }
    return text;
  };
  let detected: Detected = options.format ?? 'unknown';
  if (!options.format) {
    const bytes = 'bytes' in input ? input.bytes : undefined;
    const isBinaryZip = bytes && bytes[0] === 0x50 && bytes[1] === 0x4b;
    try {
      detected = detectFormat(file, bytes, isBinaryZip ? undefined : decode().slice(0, 4000));
    } catch (e) {
      return failure([makeMessage(file, 'read-failed', undefined, { detail: String(e).slice(0, 120) })]);
    }
  }
  if (typeof detected === 'object') {
    return failure([makeMessage(file, 'format-unsupported', undefined, { what: detected.unsupported })]);
  }
  if (detected === 'unknown') return failure([makeMessage(file, 'format-unknown')]);
  const ctx = { rep, options, limits };
  const kind = detected === 'zip' ? 'zip' : importerFor(detected).kind;
  if (kind === 'zip') {
    const zipKind = detected === 'kmz' ? 'kmz' : 'zip';
    return runImport({
      ...ctx,
      ...(zipKind === 'kmz' ? { format: 'kmz' as const } : {}),
      parse: () => {
        if (!('bytes' in input))
          throw new ImportAbort(
            makeMessage(file, 'zip-invalid', undefined, { detail: 'text given, bytes expected' }),
          );
        const entries = safeUnzip(input.bytes, file, limits, rep);
        const importer = zipImporterFor(zipKind, [...entries.keys()]);
        return { format: importer.format, parsed: importer.parse(entries, ctx) };
      },
    });
  }
  const importer = importerFor(detected as ImportFormat);
  return runImport({
    ...ctx,
    format: importer.format,
    encoding: () => encoding,
    parse: () => {
      if (importer.kind !== 'text') throw new Error('unreachable');
      const text = decode();
      const utf8 = 'bytes' in input && encoding === 'utf-8' ? { utf8: input.bytes } : {};
      return { format: importer.format, parsed: importer.parse(text, { ...ctx, ...utf8 }) };
    },
  });
}

/**
 * Several files dropped together. Loose Shapefile parts (.shp with its .dbf, .shx, .prj, .cpg) are read as one
 * Shapefile; every other file is imported on its own. One result per Shapefile or file, in input order.
 */
export async function importFiles(
  inputs: ImportInput[],
  options: ImportOptions,
): Promise<{ name: string; result: ImportResult }[]> {
  const limits = resolveLimits(options);
  const isPart = (n: string) => /\.(shp|shx|dbf|prj|cpg|sbn|sbx|qix|xml)$/i.test(n);
  const hasShp = inputs.some((i) => /\.shp$/i.test(i.name));
  const parts = hasShp ? inputs.filter((i) => isPart(i.name)) : [];
  const out: { name: string; result: ImportResult }[] = [];
  if (parts.length > 0) {
    const shpName = parts.find((i) => /\.shp$/i.test(i.name))?.name ?? 'shapefile';
    const total = parts.reduce((s, i) => s + sizeOf(i), 0);
    if (total > limits.maxBytes) {
      out.push({
        name: shpName,
        result: failure([
          makeMessage(shpName, 'file-too-large', undefined, { size: total, limit: limits.maxBytes }),
        ]),
      });
    } else {
      const entries = new Map<string, Uint8Array>();
      for (const p of parts) entries.set(p.name, await readBytes(p));
      const rep = new Reporter(shpName);
      const ctx = { rep, options, limits };
      out.push({
        name: shpName,
        result: runImport({
          ...ctx,
          format: 'shapefile-zip',
          parse: () => ({ format: 'shapefile-zip', parsed: shapefileImporter.parse(entries, ctx) }),
        }),
      });
    }
  }
  for (const i of inputs) {
    if (parts.includes(i)) continue;
    out.push({ name: i.name, result: await importBoundary(i, options) });
  }
  return out;
}

/** A user-supplied authoritative layer, e.g. the official red-line dataset replacing an illustrative one. */
export interface UserLayer {
  /** The id of the layer it serves (e.g. an illustrative layer it replaces). */
  id: string;
  name: string;
  /** The features; absent when they are kept as `geojson` bytes instead. */
  data?: FeatureCollection<BoundaryFeature['geometry'], Record<string, unknown>>;
  /**
   * The same features as UTF-8 GeoJSON. The browser keeps large layers this way: bytes move between workers,
   * IndexedDB and maplibre without being rebuilt object by object on the main thread.
   */
  geojson?: ArrayBuffer;
  provenance: {
    note: string;
    fileName: string;
    format: ImportFormat;
    crs: string;
    source: ImportOptions['source'];
    importedAt: string;
    featureCount: number;
  };
}

export type UserLayerResult =
  | { ok: true; layer: UserLayer; warnings: ImportMessage[] }
  | { ok: false; errors: ImportMessage[]; warnings: ImportMessage[] };

/** Import an authoritative layer with the layer limits; the region check only warns. */
export async function importUserLayer(
  input: ImportInput,
  options: Omit<ImportOptions, 'purpose'> & {
    layerId: string;
    name?: string;
    provenanceNote: string;
    now?: () => Date;
  },
): Promise<UserLayerResult> {
  const { layerId, name, provenanceNote, now, ...rest } = options;
  const r = await importBoundary(input, { ...rest, purpose: 'layer' });
  if (!r.ok) return { ok: false, errors: r.errors, warnings: r.warnings };
  return {
    ok: true,
    warnings: r.warnings,
    layer: {
      id: layerId,
      name: name ?? input.name,
      data: { type: 'FeatureCollection', features: r.features },
      provenance: userLayerProvenance(input.name, options, r.format, r.crs, r.features.length),
    },
  };
}

/** A user layer's provenance as importUserLayer gives it (also for a layer read in two halves at once). */
export function userLayerProvenance(
  fileName: string,
  options: { source: ImportOptions['source']; provenanceNote: string; now?: () => Date },
  format: ImportFormat,
  crs: string,
  featureCount: number,
): UserLayer['provenance'] {
  return {
    note: options.provenanceNote,
    fileName,
    format,
    crs,
    source: options.source,
    importedAt: (options.now ? options.now() : new Date()).toISOString(),
    featureCount,
  };
}
