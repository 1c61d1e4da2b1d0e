/**
 * Uniform grid over the edges of a set of rings (flat coords + ring starts). Answers "which edges may
 * touch this box" and exact point-in-polygon by walking only the cells right of the point.
 */
import { flatBBox } from './bbox.ts';
import type { RingSet } from './planar.ts';
import { crossing } from './segments.ts';

export type { RingSet } from './planar.ts';

export class SegmentGrid {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  readonly nx: number;
  readonly ny: number;
  private readonly cw: number;
  private readonly ch: number;
  /** CSR: cellStart[c] .. cellStart[c+1] index into cellEdges */
  private readonly cellStart: Uint32Array;
  private readonly cellEdges: Uint32Array;
  /** edge e goes from vertex e to edgeNext[e] */
  readonly edgeNext: Uint32Array;
  readonly edgeRing: Uint32Array;
  private readonly stamp: Uint32Array;
  private stampValue = 0;

  constructor(
    readonly rings: RingSet,
    cellsPerEdge = 1,
  ) {
    const { coords, ringStarts } = rings;
    const ringCount = ringStarts.length - 1;
    const n = ringStarts[ringCount] as number;
    const [minX, minY, maxX, maxY] = flatBBox(coords, 0, n);
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;
    const w = Math.max(maxX - minX, 1e-12);
    const h = Math.max(maxY - minY, 1e-12);
    const target = Math.max(1, n * cellsPerEdge);
    this.nx = Math.max(1, Math.min(2048, Math.round(Math.sqrt((target * w) / h))));
    this.ny = Math.max(1, Math.min(2048, Math.round(Math.sqrt((target * h) / w))));
    this.cw = w / this.nx;
    this.ch = h / this.ny;
    this.edgeNext = new Uint32Array(n);
    this.edgeRing = new Uint32Array(n);
    for (let r = 0; r < ringCount; r++) {
      const s = ringStarts[r] as number;
      const e = ringStarts[r + 1] as number;
      for (let i = s; i < e; i++) {
        this.edgeNext[i] = i + 1 < e ? i + 1 : s;
        this.edgeRing[i] = r;
      }
    }
    const cells = this.nx * this.ny;
    const counts = new Uint32Array(cells + 1);
    for (let e = 0; e < n; e++) {
      this.forEdgeCells(e, (c) => {
        counts[c + 1] = (counts[c + 1] as number) + 1;
      });
    }
    for (let c = 0; c < cells; c++) counts[c + 1] = (counts[c + 1] as number) + (counts[c] as number);
    this.cellStart = counts;
    this.cellEdges = new Uint32Array(counts[cells] as number);
    const fill = counts.slice(0, cells);
    for (let e = 0; e < n; e++) {
      this.forEdgeCells(e, (c) => {
        this.cellEdges[fill[c] as number] = e;
        fill[c] = (fill[c] as number) + 1;
      });
    }
    this.stamp = new Uint32Array(n);
  }

  /** Calls fn(cell) for every cell that edge e's box covers. */
  private forEdgeCells(e: number, fn: (cell: number) => void): void {
    const coords = this.rings.coords;
    const j = this.edgeNext[e] as number;
    const x0 = coords[2 * e] as number;
    const y0 = coords[2 * e + 1] as number;
    const x1 = coords[2 * j] as number;
    const y1 = coords[2 * j + 1] as number;
    const cx0 = this.cellX(Math.min(x0, x1));
    const cx1 = this.cellX(Math.max(x0, x1));
    const cy0 = this.cellY(Math.min(y0, y1));
    const cy1 = this.cellY(Math.max(y0, y1));
    for (let cy = cy0; cy <= cy1; cy++) for (let cx = cx0; cx <= cx1; cx++) fn(cy * this.nx + cx);
  }

  cellX(x: number): number {
    const c = Math.floor((x - this.minX) / this.cw);
    return c < 0 ? 0 : c >= this.nx ? this.nx - 1 : c;
  }

  cellY(y: number): number {
    const c = Math.floor((y - this.minY) / this.ch);
    return c < 0 ? 0 : c >= this.ny ? this.ny - 1 : c;
  }

  private nextStamp(): number {
    this.stampValue++;
    if (this.stampValue === 0xffffffff) {
      this.stamp.fill(0);
      this.stampValue = 1;
    }
    return this.stampValue;
  }

  /** Calls fn(edge) once for every edge registered in a cell that the box touches. */
  queryBox(minX: number, minY: number, maxX: number, maxY: number, fn: (edge: number) => void): void {
    if (maxX < this.minX || minX > this.maxX || maxY < this.minY || minY > this.maxY) return;
    const s = this.nextStamp();
    const cx0 = this.cellX(minX);
    const cx1 = this.cellX(maxX);
    const cy0 = this.cellY(minY);
    const cy1 = this.cellY(maxY);
    for (let cy = cy0; cy <= cy1; cy++) {
      for (let cx = cx0; cx <= cx1; cx++) {
        const c = cy * this.nx + cx;
        const end = this.cellStart[c + 1] as number;
        for (let k = this.cellStart[c] as number; k < end; k++) {
          const e = this.cellEdges[k] as number;
          if (this.stamp[e] === s) continue;
          this.stamp[e] = s;
          fn(e);
        }
      }
    }
  }

  /** True if any edge is registered in a cell the box touches (cheap pre-test). */
  boxHasEdges(minX: number, minY: number, maxX: number, maxY: number): boolean {
    if (maxX < this.minX || minX > this.maxX || maxY < this.minY || minY > this.maxY) return false;
    const cx0 = this.cellX(minX);
    const cx1 = this.cellX(maxX);
    const cy0 = this.cellY(minY);
    const cy1 = this.cellY(maxY);
    for (let cy = cy0; cy <= cy1; cy++) {
      const row = cy * this.nx;
      for (let cx = cx0; cx <= cx1; cx++) {
        if ((this.cellStart[row + cx + 1] as number) > (this.cellStart[row + cx] as number)) return true;
      }
    }
    return false;
  }

  /** Exact even-odd point-in-polygon over all rings: 1 inside, 0 outside, -1 on the boundary. */
  pointInPolygon(px: number, py: number): number {
    if (px < this.minX || px > this.maxX || py < this.minY || py > this.maxY) return 0;
    const coords = this.rings.coords;
    let inside = false;
    // the ray from p towards +x: the edges of p's row from p's cell rightwards (as queryBox would list them, with
    // no closure made per point)
    const s = this.nextStamp();
    const row = this.cellY(py) * this.nx;
    for (let cx = this.cellX(px); cx < this.nx; cx++) {
      const end = this.cellStart[row + cx + 1] as number;
      for (let k = this.cellStart[row + cx] as number; k < end; k++) {
        const e = this.cellEdges[k] as number;
        if (this.stamp[e] === s) continue;
        this.stamp[e] = s;
        const j = this.edgeNext[e] as number;
        const r = crossing(
          coords[2 * e] as number,
          coords[2 * e + 1] as number,
          coords[2 * j] as number,
          coords[2 * j + 1] as number,
          px,
          py,
        );
        if (r === -1) return -1;
        if (r === 1) inside = !inside;
      }
    }
    return inside ? 1 : 0;
  }
}
