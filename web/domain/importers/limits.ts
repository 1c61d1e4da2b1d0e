import type { ImportLimits } from './types.ts';

const MB = 1024 * 1024;

/** Project boundaries: generous for a parcel file, small enough to answer at once. */
export const BOUNDARY_LIMITS: Readonly<ImportLimits> = {
  maxBytes: 20 * MB,
  maxUncompressedBytes: 100 * MB,
  maxZipEntries: 200,
  maxFeatures: 2_000,
  maxVertices: 500_000,
  maxVerticesForSelfIntersectionCheck: 500_000,
};

/**
 * User-supplied authoritative layers: a provincial red-line dataset runs to tens of thousands of polygons and
 * millions of vertices (~110 MB as GeoJSON); a 永久基本农田 layer to hundreds of thousands of small parcels
 * (the bench's 300,000 parcels: 90 MB). Read in a worker, so the page stays responsive.
 */
export const LAYER_LIMITS: Readonly<ImportLimits> = {
  maxBytes: 256 * MB,
  maxUncompressedBytes: 300 * MB,
  maxZipEntries: 500,
  maxFeatures: 1_000_000,
  maxVertices: 10_000_000,
  maxVerticesForSelfIntersectionCheck: 200_000,
};
