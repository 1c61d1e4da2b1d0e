/** Overlay ids of the screening (drawn above every layer, see layers/overlays.ts). */
export const OVERLAY = {
  project: 'screening-project',
  original: 'screening-original',
  overlap: 'screening-overlap',
  buffers: 'screening-buffers',
} as const;
