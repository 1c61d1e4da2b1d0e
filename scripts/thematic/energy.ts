import { ellipse } from './geometry.ts';
import type { Pt, ThematicLayerSpec, ThematicSpec } from './types.ts';

/** Energy and industry (plan 3.1–3.3, 5.3.2, 6.1.2, 7.1.2): wind power bases, industrial zones, pilot cities and zones. */

const WIND =
  'Illustrative: the base is a programme of many wind farms whose sites are not published as one area; drawn over the part of the league the descriptions name.';

function wind(
  zoneId: string,
  centre: Pt,
  rx: number,
  ry: number,
  rot: number,
  drawnFrom: string,
): ThematicSpec {
  return {
    zoneId,
    shape: { type: 'area', outline: ellipse(centre, rx, ry, rot, 10), smooth: 2 },
    drawnFrom,
    accuracy: WIND,
  };
}

export const WIND_BASES: ThematicLayerSpec = {
  id: 'thematic-wind-bases',
  method:
    'The 10-GW-class wind power bases of task 3.2.2, as illustrative ellipses over the parts of each league the descriptions name; clipped to the region.',
  specs: [
    wind(
      'wind-base-baotou',
      [110.3, 41.8],
      70,
      40,
      0,
      'northern Baotou plateau (Darhan Muminggan, Guyang), ~109.5–111.1E 41.4–42.2N',
    ),
    wind(
      'wind-base-tongliao',
      [121.6, 44.4],
      110,
      45,
      10,
      'Horqin steppe of Tongliao (Jarud, Horqin Left Middle), ~120.3–123E 44–44.8N',
    ),
    wind(
      'wind-base-xilingol',
      [115.0, 44.0],
      170,
      60,
      5,
      'Xilingol steppe (Sonid, Abag, Xilinhot), ~113–117E 43.5–44.6N',
    ),
    wind(
      'wind-base-ulanqab',
      [112.5, 42.1],
      80,
      45,
      15,
      'northern Ulanqab plateau (Siziwang, Chahar Right Rear), ~111.5–113.5E 41.7–42.5N',
    ),
    wind(
      'wind-base-ordos',
      [108.3, 39.2],
      85,
      70,
      30,
      'western Ordos deserts and mining areas (Hangjin, Otog, Uxin), ~107.3–109.3E 38.6–39.8N',
    ),
    wind(
      'wind-base-bayannur',
      [108.0, 41.9],
      120,
      35,
      15,
      'Urad banners north of the Langshan, ~106.7–109.3E 41.6–42.2N',
    ),
    wind(
      'wind-base-alxa',
      [105.1, 40.0],
      80,
      60,
      40,
      'Alxa Left Banner between the Tengger and Ulan Buh deserts, ~104.3–105.9E 39.5–40.5N',
    ),
  ],
};

const AT_PLACE = 'Point at the published seat or park location, ±10 km; the zone’s boundary is not drawn.';

export const INDUSTRY: ThematicLayerSpec = {
  id: 'thematic-industry',
  method:
    'Industrial zones and bases the outline names: parks as small illustrative ellipses at their published places, single zones as points.',
  specs: [
    {
      zoneId: 'industry-ordos-coal-chemical',
      shape: {
        type: 'areas',
        outlines: [
          ellipse([106.95, 38.35], 14, 12, 0, 10),
          ellipse([109.1, 38.85], 16, 12, 0, 10),
          ellipse([110.0, 40.25], 14, 9, 0, 10),
          ellipse([111.1, 40.0], 12, 10, 0, 10),
        ],
        smooth: 2,
      },
      drawnFrom:
        'four park clusters: Shanghaimiao (Otog Front, facing Ningdong), Tuke (Uxin), Dalad and Dalu (Jungar); ~15 km ellipses at their published places',
      accuracy: 'Illustrative: the parks are real places, their extents are not drawn from plans.',
    },
    {
      zoneId: 'industry-ordos-coal-to-oil-gas-base',
      shape: {
        type: 'areas',
        outlines: [
          ellipse([110.05, 39.45], 12, 10, 0, 10),
          ellipse([109.3, 38.6], 12, 10, 0, 10),
          ellipse([110.7, 39.9], 10, 8, 0, 10),
        ],
        smooth: 2,
      },
      drawnFrom:
        'coal-to-liquids and coal-to-gas plants of Ejin Horo (direct liquefaction), Uxin and Jungar–Dalad; ~12 km ellipses at their published places',
      accuracy: 'Illustrative: plant locations approximate (±15 km), extents not from plans.',
    },
    {
      zoneId: 'industry-otog-high-tech-zone',
      shape: { type: 'point', at: [107.05, 39.35] },
      drawnFrom: 'Qipanjing (Mengxi) industrial area of Otog Banner, east of Wuhai, ~107.05E 39.35N',
      accuracy: AT_PLACE,
    },
    {
      zoneId: 'industry-sulige-economic-zone',
      shape: { type: 'point', at: [108.8, 38.9] },
      drawnFrom:
        'Sulige economic development zone in Uxin Banner at the Sulige gas field, ~108.8E 38.9N (gazetteer hint)',
      accuracy: AT_PLACE,
    },
    {
      zoneId: 'industry-chifeng-high-tech-zone',
      shape: { type: 'point', at: [118.95, 42.28] },
      drawnFrom: 'Chifeng high-tech zone in the city area (Hongshan/Songshan), ~118.95E 42.28N',
      accuracy: AT_PLACE,
    },
    {
      zoneId: 'industry-baotou-rare-earth',
      shape: { type: 'point', at: [109.83, 40.65] },
      drawnFrom:
        'Baotou Rare Earth High-tech Zone in the city (the ores come from Bayan Obo, ~150 km north), ~109.83E 40.65N',
      accuracy: AT_PLACE,
    },
  ],
};

function cityPilot(zoneId: string, taskId: string, at: Pt, city: string): ThematicSpec {
  return {
    zoneId,
    shape: { type: 'point', at },
    drawnFrom: `pilot city named in task ${taskId}; point at ${city}`,
    accuracy: 'The pilot covers the city; the point marks its centre.',
  };
}

export const PILOTS: ThematicLayerSpec = {
  id: 'thematic-pilots',
  method:
    'Pilot zones and pilot cities the outline names: zones without a published extent drawn as their whole league (marked so), pilot cities as points at the city centre (several pilots in one city are offset a little so each can be clicked).',
  specs: [
    {
      zoneId: 'pilot-baotou-forest-carbon-sink',
      shape: { type: 'leagues', leagues: ['league-baotou'] },
      drawnFrom:
        'the pilot zone’s own extent is not public; the whole of Baotou stands in for it (gazetteer hint)',
      accuracy: 'Illustrative: the whole municipality, not the pilot zone’s own boundary.',
    },
    {
      zoneId: 'pilot-chifeng-agro-pastoral-culture',
      shape: { type: 'leagues', leagues: ['league-chifeng'] },
      drawnFrom:
        'the conservation zone’s own extent is not public; the whole of Chifeng stands in for it (gazetteer hint)',
      accuracy: 'Illustrative: the whole municipality, not the zone’s own boundary.',
    },
    cityPilot('pilot-carbon-peak-hohhot', '3.1.1', [111.75, 40.84], 'Hohhot city centre'),
    cityPilot(
      'pilot-carbon-peak-baotou',
      '3.1.1',
      [109.9, 40.6],
      'Baotou city centre (offset from the rare-earth base point)',
    ),
    cityPilot('pilot-carbon-peak-ordos', '3.1.1', [109.99, 39.82], 'Ordos (Dongsheng)'),
    cityPilot('pilot-pollution-carbon-ordos', '3.1.3', [109.78, 39.6], 'Ordos (Kangbashi)'),
    cityPilot('pilot-low-carbon-hulunbuir', '6.1.2', [119.77, 49.21], 'Hulunbuir (Hailar)'),
    cityPilot('pilot-low-carbon-wuhai', '6.1.2', [106.82, 39.67], 'Wuhai (Haibowan District)'),
    cityPilot(
      'pilot-climate-adaptive-hohhot',
      '6.1.2',
      [111.66, 40.8],
      'Hohhot (offset from the carbon-peak point)',
    ),
  ],
};
