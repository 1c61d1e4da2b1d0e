/** One theme: every colour, width and font the map uses. */
export const THEME = {
  fonts: [
    'Noto Sans CJK SC',
    'Noto Sans SC',
    'Source Han Sans SC',
    'Microsoft YaHei',
    'PingFang SC',
    'sans-serif',
  ],
  background: '#dfe3e6',
  foreign: { fill: '#e9e7e1', line: '#b8b2a7', text: '#8d867a' },
  province: { fill: '#efede7', line: '#c2bcb0', text: '#8d867a' },
  region: { fill: '#fbfaf5', line: '#6f6352' },
  league: {
    line: '#a79b86',
    hover: '#f1d9a6',
    selected: '#e0a846',
    selectedLine: '#9a5b12',
    text: '#3e372d',
    halo: '#ffffff',
  },
  water: { fill: '#b4d0e6', line: '#6f9fc8', text: '#2f5f8a' },
  schematic: { dash: [3, 2] as number[] },
  overlay: { project: '#d35400', original: '#555555', overlap: '#c0392b', buffer: '#7f5a9e' },
} as const;

export type Theme = typeof THEME;
