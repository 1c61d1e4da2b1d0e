/**
 * How the screening worker reads parts of a stored layer (a Blob in IndexedDB) that a check needs: which byte ranges
 * go in one read. A FileReaderSync read of a slice of a stored Blob, measured in Debian Chromium on the 2-core
 * machine: ~1 ms a read plus ~4.6 ms a MB (3,000 reads of 130 B: 2.7–3.1 s; 600 of 64 kB: 1.15–1.24 s; 60 of
 * 640 kB: 0.34–0.35 s; one of 38 MB: 170–184 ms). A read's own cost is worth ~220 kB of bytes read.
 */

/** A read's own cost, in bytes' worth (a little under the ~220 kB measured). */
export const READ_FIXED_BYTES = 192 * 1024;

/** One read: bytes [from, to), holding the wanted ranges [first, end) of the list it was planned for. */
export interface ReadPiece {
  from: number;
  to: number;
  first: number;
  end: number;
}

/**
 * The reads of `n` byte ranges sorted by start (range i is [start(i), end(i))) at the least cost: two neighbours
 * whose gap costs less than a read of its own (`fixedBytes`) are read in one piece, the bytes between with them.
 */
export function planReads(
  n: number,
  start: (i: number) => number,
  end: (i: number) => number,
  fixedBytes = READ_FIXED_BYTES,
): ReadPiece[] {
  const pieces: ReadPiece[] = [];
  let i = 0;
  while (i < n) {
    let j = i + 1;
    let to = end(i);
    while (j < n && start(j) - to <= fixedBytes) {
      to = Math.max(to, end(j));
      j++;
    }
    pieces.push({ from: start(i), to, first: i, end: j });
    i = j;
  }
  return pieces;
}

/** What the reads cost, in bytes' worth: the bytes read and each read's own cost. */
export function readCost(pieces: readonly ReadPiece[], fixedBytes = READ_FIXED_BYTES): number {
  let bytes = 0;
  for (const p of pieces) bytes += p.to - p.from + fixedBytes;
  return bytes;
}
