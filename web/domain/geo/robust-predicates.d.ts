declare module 'robust-predicates' {
  /** Note: despite the README, this port returns a NEGATIVE value when a, b, c turn counter-clockwise. */
  export function orient2d(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number;
}
