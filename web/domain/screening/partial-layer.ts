/**
 * A stored layer whose coordinates are read in as they are needed. After a reload the screening worker holds a
 * layer's offsets and kept index at once; a feature's coordinates (and, when where they lie is kept, its properties:
 * layer-props.ts) are read from the stored buffer when a search of the index first finds the feature (every check
 * reaches features that way); the rest of the coordinates come in the background until all are in, then the
 * properties' JSON block in one piece. Each feature's coordinates are checked as they come in, as validateLayer checks
 * a whole layer: a feature that fails is never used, and a check that reaches it is refused with the check's words.
 */
import type Flatbush from 'flatbush';
import { HEADER_BYTES, type LayerIndex, type ReadBytes } from './layer.ts';
import { badCoordinate, issueLine } from './layer-check.ts';
import type { LayerIssue, LayerLabel } from './layer-issues.ts';
import { StoredProps } from './layer-props.ts';
import { planReads } from './read-plan.ts';

/** A run of features not read in yet, and the bytes of the EBL1 buffer that hold their coordinates. */
export interface CoordsGap {
  f0: number;
  f1: number;
  from: number;
  to: number;
}

export class CoordsIn {
  private readonly present: Uint8Array;
  /** features neither in nor damaged */
  private missing: number;
  /** features whose stored coordinates are not lon/lat, with the issue that says so: never used */
  private readonly damaged = new Map<number, LayerIssue>();

  constructor(
    private readonly index: LayerIndex,
    private readonly label: LayerLabel,
  ) {
    this.present = new Uint8Array(index.featureCount);
    this.missing = index.featureCount;
  }

  /** All coordinates are in, and none is damaged. */
  get complete(): boolean {
    return this.missing === 0 && this.damaged.size === 0;
  }

  /** Byte offset in the EBL1 buffer of the first vertex of feature f (f = featureCount: the coordinates' end). */
  private byteOf(f: number): number {
    const d = this.index.data;
    const ring = d.partRingStarts[d.featurePartStarts[f] as number] as number;
    return HEADER_BYTES + 16 * (d.ringStarts[ring] as number);
  }

  private waiting(f: number): boolean {
    return !this.present[f] && !this.damaged.has(f);
  }

  /**
   * Reads in, at once, the coordinates of those of `features` not in yet, in the reads planReads finds cheapest
   * (features between them too, when close); throws the layer check's issue when one of `features` is damaged.
   */
  bring(features: readonly number[], read: ReadBytes): void {
    const want = features.filter((f) => f < this.index.featureCount && !this.present[f]);
    if (want.length === 0) return;
    want.sort((a, b) => a - b);
    const toRead = want.filter((f) => !this.damaged.has(f));
    const nth = (k: number) => toRead[k] as number;
    for (const p of planReads(
      toRead.length,
      (k) => this.byteOf(nth(k)),
      (k) => this.byteOf(nth(k) + 1),
    )) {
      const f0 = nth(p.first);
      const f1 = nth(p.end - 1) + 1;
      this.put({ f0, f1, from: p.from, to: p.to }, read(p.from, p.to));
    }
    for (const f of want) {
      const bad = this.damaged.get(f);
      if (bad) throw new Error(issueLine(bad));
    }
  }

  /**
   * Where the layer's JSON block lies in its EBL1 buffer of `byteLength` bytes, while its features' properties are
   * still read as they are asked for (after the coordinates and the three offset arrays); null when they are not.
   */
  propsToRead(byteLength: number): { from: number; to: number } | null {
    const d = this.index.data;
    if (!(d.props instanceof StoredProps) || !d.props.readLater) return null;
    const offsets = 4 * (d.ringStarts.length + d.partRingStarts.length + d.featurePartStarts.length);
    return { from: this.byteOf(this.index.featureCount) + offsets, to: byteLength };
  }

  /** Takes the JSON block (propsToRead's bytes) in: properties are no longer read from storage. */
  putProps(bytes: ArrayBuffer): void {
    const props = this.index.data.props;
    if (props instanceof StoredProps) props.takeBlock(new Uint8Array(bytes));
  }

  /** The next run of features not in yet, of at most `maxBytes` bytes (or one feature); null when none is left. */
  nextGap(maxBytes: number): CoordsGap | null {
    if (this.missing === 0) return null;
    const n = this.index.featureCount;
    let f0 = 0;
    while (f0 < n && !this.waiting(f0)) f0++;
    if (f0 === n) return null;
    const from = this.byteOf(f0);
    let f1 = f0 + 1;
    while (f1 < n && this.waiting(f1) && this.byteOf(f1 + 1) - from <= maxBytes) f1++;
    return { f0, f1, from, to: this.byteOf(f1) };
  }

  /**
   * Puts in the coordinates of features [gap.f0, gap.f1) from `bytes`, the EBL1 buffer's bytes [gap.from, gap.to).
   * A feature with a coordinate that is not a longitude/latitude pair stays out, as damaged.
   */
  put(gap: CoordsGap, bytes: ArrayBuffer): void {
    const d = this.index.data;
    if (
      gap.from !== this.byteOf(gap.f0) ||
      gap.to !== this.byteOf(gap.f1) ||
      bytes.byteLength !== gap.to - gap.from
    )
      throw new Error(`stored layer ${d.meta.id}: coordinates read short (${bytes.byteLength} bytes)`);
    d.coords.set(new Float64Array(bytes), 2 * ((gap.from - HEADER_BYTES) / 16));
    for (let f = gap.f0; f < gap.f1; f++) {
      if (!this.waiting(f)) continue;
      const bad = badCoordinate(
        d,
        (this.byteOf(f) - HEADER_BYTES) / 16,
        (this.byteOf(f + 1) - HEADER_BYTES) / 16,
        this.label,
      );
      if (bad) this.damaged.set(f, bad);
      else this.present[f] = 1;
      this.missing--;
    }
  }
}

/**
 * Makes `index` (of a layer decoded without its coordinates: decodeLayerPartsChecked) read its features'
 * coordinates in with `read` as its tree's searches find them; the returned CoordsIn takes the rest in pieces.
 */
export function readCoordsIn(index: LayerIndex, read: ReadBytes, label: LayerLabel): CoordsIn {
  const coordsIn = new CoordsIn(index, label);
  const tree = index.tree;
  const searching = Object.create(tree) as Flatbush;
  searching.search = (minX, minY, maxX, maxY, filterFn) => {
    const found = tree.search(minX, minY, maxX, maxY, filterFn);
    coordsIn.bring(found, read);
    if (index.data.props instanceof StoredProps) index.data.props.bring(found);
    return found;
  };
  index.tree = searching;
  index.coordsComplete = () => coordsIn.complete;
  return coordsIn;
}
