import { ellipse } from './geometry.ts';
import type { Pt, ThematicLayerSpec, ThematicSpec } from './types.ts';

/**
 * 生态保护红线 — ILLUSTRATIVE ONLY. The official red-line boundaries are not public. This layer shows where red lines
 * plausibly lie (the Greater Khingan forests, the mountain ranges, the lakes and wetlands, the cores of the deserts
 * and sandy lands, a few national nature reserves) so the screening engine and the map have something to work with.
 * Every part is schematic in its data (`schematic`, `illustrative`, `source`, `accuracy`) and must never be read as
 * the legal boundary; names stay plain, the app shows the 示意 badge beside them (layers/badge.ts).
 */

const ACC =
  '示意 Illustrative only: official red-line boundaries are not public. Drawn where red lines plausibly lie; not the legal boundary.';

let n = 0;
/**
 * One part. Its gazetteer entry (seeds/gazetteer.json, same names and leagues) is a member of
 * redline-ecological-protection, so the tasks naming 生态保护红线 link to every part through it.
 */
function part(
  zoneType: 'redline' | 'nature-reserve-core',
  zh: string,
  en: string,
  _leagues: string[],
  shape: ThematicSpec['shape'],
  drawnFrom: string,
  clip: 'region' | 'none' = 'region',
): ThematicSpec {
  n += 1;
  const zoneId = `redline-illustrative-${String(n).padStart(2, '0')}`;
  const label = zoneType === 'redline' ? '生态保护红线' : '自然保护地核心区';
  const labelEn = zoneType === 'redline' ? 'Ecological red line' : 'Nature reserve core';
  return {
    zoneId,
    names: { zh: `${label}·${zh}`, en: `${labelEn} · ${en}` },
    shape,
    clip,
    drawnFrom,
    accuracy: ACC,
    props: { zoneType, illustrative: true },
  };
}

const e = (c: Pt, rx: number, ry: number, rot = 0): ThematicSpec['shape'] => ({
  type: 'area',
  outline: ellipse(c, rx, ry, rot, 12),
  smooth: 2,
});

export const REDLINE: ThematicLayerSpec = {
  id: 'redline-illustrative',
  disjoint: true,
  method:
    'ILLUSTRATIVE (示意): official ecological red lines are not public. Parts drawn where red lines plausibly lie — nature reserve cores first, then forests, ranges, lakes and wetlands, and the cores of the sands (their outlines scaled down) — each minus the parts before it so none overlap; clipped to the region.',
  specs: [
    part(
      'nature-reserve-core',
      '汗马',
      'Hanma',
      ['league-hulunbuir'],
      e([122.6, 51.55], 15, 25),
      'ellipse at the Hanma national nature reserve (Genhe), published extent ~51.3–51.8N 122.4–122.9E',
    ),
    part(
      'nature-reserve-core',
      '额济纳胡杨林',
      'Ejina poplar forest',
      ['league-alxa'],
      e([101.2, 42.0], 8, 10),
      'ellipse at the Ejina Populus euphratica national nature reserve near Dalaihob',
    ),
    part(
      'nature-reserve-core',
      '锡林郭勒草原',
      'Xilin Gol grassland',
      ['league-xilingol'],
      e([116.6, 43.9], 40, 25),
      'ellipse at the Xilin Gol grassland national nature reserve south-east of Xilinhot',
    ),
    part(
      'nature-reserve-core',
      '达里诺尔',
      'Dali Nur',
      ['league-chifeng'],
      e([116.6, 43.3], 22, 17),
      'ellipse around Dali Nur (base lakes layer) for the Dali Nur national nature reserve',
    ),
    part(
      'nature-reserve-core',
      '科尔沁',
      'Horqin reserve',
      ['league-hinggan'],
      e([121.9, 44.95], 20, 15),
      'ellipse at the Horqin national nature reserve, Horqin Right Middle Banner',
    ),
    part(
      'nature-reserve-core',
      '辉河',
      'Huihe wetlands',
      ['league-hulunbuir'],
      e([119.5, 48.6], 25, 30),
      'ellipse at the Huihe wetland national nature reserve, Evenk Banner',
    ),
    part(
      'redline',
      '大兴安岭林区',
      'Greater Khingan forests',
      ['league-hulunbuir', 'league-hinggan'],
      { type: 'scaled', of: 'mountain-greater-khingan', factor: 0.8 },
      'the Greater Khingan outline of the land layer scaled by 0.8',
    ),
    part(
      'redline',
      '阴山',
      'Yinshan',
      ['league-bayannur', 'league-baotou', 'league-hohhot', 'league-ulanqab'],
      { type: 'scaled', of: 'mountain-yinshan', factor: 0.85 },
      'the Yinshan outline of the land layer scaled by 0.85',
    ),
    part(
      'redline',
      '贺兰山',
      'Helan Mountains',
      ['league-alxa'],
      { type: 'scaled', of: 'mountain-helan', factor: 0.8 },
      'the Helan outline of the land layer scaled by 0.8',
    ),
    part(
      'redline',
      '燕山北部',
      'Northern Yanshan',
      ['league-chifeng'],
      { type: 'scaled', of: 'mountain-yanshan', factor: 0.6 },
      'the northern Yanshan outline of the land layer scaled by 0.6',
    ),
    part(
      'redline',
      '呼伦湖',
      'Hulun Lake and wetlands',
      ['league-hulunbuir'],
      e([117.5, 48.95], 40, 52, 30),
      'ellipse around Hulun Lake (base lakes layer) and its shore wetlands',
    ),
    part(
      'redline',
      '贝尔湖—乌尔逊河',
      'Buir Lake and Orshun River',
      ['league-hulunbuir'],
      e([117.72, 48.15], 14, 42),
      'ellipse along the Orshun River from Buir Lake to Hulun Lake, region side only',
    ),
    part(
      'redline',
      '乌梁素海',
      'Ulansuhai',
      ['league-bayannur'],
      e([108.85, 40.84], 10, 28),
      'ellipse around the Ulansuhai outline of the water layer',
    ),
    part(
      'redline',
      '岱海',
      'Daihai',
      ['league-ulanqab'],
      e([112.69, 40.57], 12, 8),
      'ellipse around Daihai (base lakes layer)',
    ),
    part(
      'redline',
      '居延海',
      'Juyan lakes',
      ['league-alxa'],
      e([101.1, 42.28], 32, 12),
      'ellipse over Sogo Nur and Gaxun Nur, the Heihe terminal lakes',
    ),
    part(
      'redline',
      '巴丹吉林沙漠核心',
      'Badain Jaran core',
      ['league-alxa'],
      { type: 'scaled', of: 'desert-badain-jaran', factor: 0.55 },
      'the Badain Jaran outline of the sands layer scaled by 0.55',
    ),
    part(
      'redline',
      '腾格里沙漠核心',
      'Tengger core',
      ['league-alxa'],
      { type: 'scaled', of: 'desert-tengger', factor: 0.55 },
      'the Tengger outline of the sands layer scaled by 0.55, region part',
    ),
    part(
      'redline',
      '乌兰布和沙漠核心',
      'Ulan Buh core',
      ['league-alxa', 'league-bayannur'],
      { type: 'scaled', of: 'desert-ulan-buh', factor: 0.5 },
      'the Ulan Buh outline of the sands layer scaled by 0.5',
    ),
    part(
      'redline',
      '库布其沙漠核心',
      'Kubuqi core',
      ['league-ordos'],
      { type: 'scaled', of: 'desert-kubuqi', factor: 0.5 },
      'the Kubuqi outline of the sands layer scaled by 0.5',
    ),
    part(
      'redline',
      '毛乌素沙地核心',
      'Mu Us core',
      ['league-ordos'],
      { type: 'scaled', of: 'sandland-mu-us', factor: 0.5 },
      'the Mu Us outline of the sands layer scaled by 0.5, region part',
    ),
    part(
      'redline',
      '科尔沁沙地核心',
      'Horqin core',
      ['league-tongliao', 'league-chifeng'],
      { type: 'scaled', of: 'sandland-horqin', factor: 0.45 },
      'the Horqin outline of the sands layer scaled by 0.45',
    ),
    part(
      'redline',
      '浑善达克沙地核心',
      'Otindag core',
      ['league-xilingol'],
      { type: 'scaled', of: 'sandland-otindag', factor: 0.55 },
      'the Otindag outline of the sands layer scaled by 0.55',
    ),
  ],
};
