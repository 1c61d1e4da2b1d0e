/**
 * A user layer's version: changes on every import. The stored layer, the screening worker's cache and the tile
 * URLs all use it; it lives in a file of its own so the map reads it without loading the import code.
 */
export const layerVersion = (p: { importedAt: string; fileName: string }): string =>
  `${p.importedAt}|${p.fileName}`;
