import type { LayerSpecification } from 'maplibre-gl';
import type { DataSource } from './provenance.ts';
import type { Theme } from './theme.ts';

export type Lang = 'zh' | 'en';

export interface GroupDef {
  id: string;
  name: { zh: string; en: string };
}

export interface StyleContext {
  theme: Theme;
  lang: Lang;
  /** 0–1, from the legend's slider. */
  opacity: number;
  visible: boolean;
  /** Draw as schematic (dashed, lighter): the layer's badge (layers/badge.ts) is 示意. */
  schematic: boolean;
  /** Source ids: the layer's own data and, if it has one, its label points. */
  source: string;
  labelSource: string;
}

export interface LegendSwatch {
  kind: 'fill' | 'line' | 'point';
  color: string;
  outline?: string;
}

export interface LayerDef {
  id: string;
  /** Plain names: the badge (示意 / 用户数据) is shown next to them, never written into them. */
  name: { zh: string; en: string };
  group: string;
  /** File name under data/layers/. */
  data: string;
  labels?: string;
  sources: DataSource[];
  /** How the geometry was made. */
  method: string;
  accuracy: { zh: string; en: string };
  /** Not from a surveyed dataset: drawn from public knowledge. Badged 示意 by layers/badge.ts until replaced. */
  schematic: boolean;
  /**
   * No built-in geometry: an official dataset only the user can load (layer info → their file). Until loaded the
   * legend, the info view, the check and the report say 未加载 / not loaded, and the check does not read it
   * (layers/screening.ts). `data` is then only the name its source is keyed by; no such file ships.
   */
  userDataOnly?: boolean;
  /** Zone type the screening rules apply to this layer's features when they carry none (e.g. 'redline'). */
  zoneType?: string;
  /** Features carry `zoneId` and can be selected. */
  interactive: boolean;
  defaultVisible: boolean;
  /** Symbol layers with a higher rank are placed first and win label collisions. Default 0. */
  labelRank?: number;
  legend: LegendSwatch;
  style(ctx: StyleContext): LayerSpecification[];
}
