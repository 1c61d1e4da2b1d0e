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
  /** zones a chosen task or indicator is about */
  highlight: { line: '#0b5cad' },
  /**
   * zones coloured by an indicator's status ("show on map"): the hues of the status words (styles/zone.css:
   * green, blue, amber, red, grey) taken from the Okabe–Ito palette, so they stay apart with colour-blind vision
   */
  status: {
    achieved: '#009e73',
    'on-track': '#0072b2',
    'at-risk': '#e69f00',
    'off-track': '#d55e00',
    'no-data': '#bbbbbb',
  },
  overlay: {
    project: '#d35400',
    original: '#555555',
    overlap: '#c0392b',
    buffer: '#7f5a9e',
    walk: '#0b6e99',
    /** a shared layer from the workspace server */
    shared: '#0f7b5f',
  },
  /** Thematic layers (layers/thematic-layers.ts): one fill/line pair per theme; all are schematic. */
  thematic: {
    battle: { fill: '#e9b48a', line: '#b5561f' },
    sand: { fill: '#f0d28c', line: '#b38431' },
    treatment: { fill: '#d9b8e6', line: '#8a4fa6' },
    basin: { fill: '#cfe0ee', line: '#7fa3c4' },
    lake: { fill: '#9cc3e0', line: '#3f7fb5' },
    river: { fill: '#3f7fb5', line: '#3f7fb5' },
    works: { fill: '#1d5f96', line: '#1d5f96' },
    reservoir: { fill: '#2f78b5', line: '#ffffff' },
    mountain: { fill: '#d3bfa3', line: '#8b6b4a' },
    plain: { fill: '#e3ebb4', line: '#8fa43a' },
    farmland: { fill: '#c7d99a', line: '#5f7f2a' },
    park: { fill: '#9fd3a8', line: '#2e7d4f' },
    eco: { fill: '#b9e0c6', line: '#3c8a5a' },
    layout: { fill: '#e2c9ec', line: '#7b3f96' },
    wind: { fill: '#bfe6e1', line: '#23857a' },
    industry: { fill: '#cbc5f2', line: '#5a4bc2' },
    pilot: { fill: '#f6c9b8', line: '#c8552f' },
    place: { fill: '#4b4b4b', line: '#ffffff' },
    redline: { fill: '#f2a49b', line: '#c62828' },
    /** 三区三线 layers the user loads (layers/three-zones-layers.ts) */
    farmlandPermanent: { fill: '#f1df7a', line: '#9c7f00' },
    urbanBoundary: { fill: '#d8cdea', line: '#5e3c99' },
    selected: '#e0a846',
    selectedLine: '#9a5b12',
    text: '#3e372d',
    halo: '#ffffff',
    /** Fill opacity of schematic areas: lighter than surveyed fills. */
    fillOpacity: 0.28,
  },
} as const;

export type Theme = typeof THEME;
