import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../../layers/registry.ts';
import { initialStyleState } from '../../../layers/style.ts';
import {
  applyLayerDiff,
  isNewStep,
  layerDiff,
  parseCamera,
  parseUrlState,
  type UrlState,
  type UrlWrite,
  writeCamera,
  writeUrlState,
} from '../../../web/domain/ui/url-state.ts';

const read = (q: string) => parseUrlState(new URLSearchParams(q));
const write = (q: string, state: UrlWrite) => {
  const p = new URLSearchParams(q);
  writeUrlState(p, state);
  return p.toString();
};
const EMPTY: UrlState = {
  zone: null,
  lang: null,
  view: null,
  task: null,
  indicator: null,
  paint: null,
  camera: null,
  show: [],
  hide: [],
};

describe('URL state', () => {
  it('reads a zone id and the language', () => {
    expect(read('?zone=league-ordos&lang=en')).toEqual({ ...EMPTY, zone: 'league-ordos', lang: 'en' });
    expect(read('lang=zh')).toEqual({ ...EMPTY, lang: 'zh' });
    expect(read('')).toEqual(EMPTY);
  });

  it('reads view, task, indicator, zone colours, camera and layers', () => {
    expect(
      read(
        'view=tasks&task=2.3.3&indicator=forest-cover&paint=indicator:forest-cover&map=6.5/41.2/106.75/-20/30&show=counties,wind-bases&hide=rivers',
      ),
    ).toEqual({
      ...EMPTY,
      view: 'tasks',
      task: '2.3.3',
      indicator: 'forest-cover',
      paint: 'indicator:forest-cover',
      camera: { center: [106.75, 41.2], zoom: 6.5, bearing: -20, pitch: 30 },
      show: ['counties', 'wind-bases'],
      hide: ['rivers'],
    });
  });

  it('ignores values the app never writes', () => {
    for (const zone of [
      '<img src=x onerror=alert(1)>',
      'League-Ordos',
      '鄂尔多斯',
      'a'.repeat(81),
      '',
      '../../etc/passwd',
      'zone id',
      'x\ny',
    ]) {
      expect(read(`zone=${encodeURIComponent(zone)}`).zone, zone).toBeNull();
      expect(read(`indicator=${encodeURIComponent(zone)}`).indicator, zone).toBeNull();
    }
    for (const lang of ['EN', 'fr', 'en-US', '', 'zh ']) {
      expect(read(`lang=${encodeURIComponent(lang)}`).lang, lang).toBeNull();
    }
    for (const task of ['2', '2.3.3.1.1', 'a.b', '2.3.3;', '<b>', '2..3', '999.1']) {
      expect(read(`task=${encodeURIComponent(task)}`).task, task).toBeNull();
    }
    for (const view of ['dashboard', 'Tasks', '']) expect(read(`view=${view}`).view, view).toBeNull();
    for (const paint of ['indicator', 'x:<b>', ':forest', 'javascript:alert(1)x()']) {
      expect(read(`paint=${encodeURIComponent(paint)}`).paint, paint).toBeNull();
    }
    for (const map of [
      '6/41',
      '6/41/106/0/0/0',
      '30/41/106',
      '6/91/106',
      '6/41/181',
      '6/41/106/0/90',
      'a/b/c',
      '6e1/4/5',
    ]) {
      expect(read(`map=${encodeURIComponent(map)}`).camera, map).toBeNull();
    }
    expect(read('show=counties,<b>').show).toEqual([]);
    expect(read(`show=${Array.from({ length: 61 }, (_, i) => `l${i}`).join(',')}`).show).toEqual([]);
    expect(read(`zone=${'a'.repeat(80)}`).zone).toHaveLength(80);
  });

  it('takes the first of repeated parameters', () => {
    expect(read('zone=league-alxa&zone=league-ordos').zone).toBe('league-alxa');
    expect(read('zone=%3Cb%3E&zone=league-ordos').zone).toBeNull();
  });

  it('writes zone and English, leaves Chinese and the map view implicit, keeps other parameters in place', () => {
    expect(write('', { zone: 'league-ordos', lang: 'zh' })).toBe('zone=league-ordos');
    expect(write('zone=league-alxa&lang=en', { zone: null, lang: 'zh' })).toBe('');
    expect(write('debug=1&zone=league-alxa', { zone: 'lake-hulun', lang: 'en' })).toBe(
      'debug=1&zone=lake-hulun&lang=en',
    );
    expect(write('view=tasks&task=2.3.3', { zone: null, lang: 'zh', view: 'map', task: null })).toBe('');
  });

  it('round-trips every state it writes', () => {
    const cameras = [
      null,
      { center: [111.6708, 40.8183], zoom: 5.25, bearing: 0, pitch: 0 },
      { center: [-0.5, 0], zoom: 0, bearing: -179.5, pitch: 0 },
      { center: [106.1, 38.9], zoom: 9, bearing: 12.5, pitch: 45 },
    ] as const;
    for (const zone of [null, 'league-ordos', 'wind-base-ordos', '0-9']) {
      for (const lang of ['zh', 'en'] as const) {
        for (const camera of cameras) {
          const state: UrlWrite = {
            zone,
            lang,
            view: zone ? 'tasks' : 'indicators',
            task: zone ? '2.3.3' : null,
            indicator: zone ? null : 'forest-cover',
            paint: zone ? 'coverage:leagues' : null,
            camera: camera ? { ...camera, center: [...camera.center] } : null,
            show: zone ? ['wind-bases', 'counties'] : [],
            hide: zone ? ['rivers'] : [],
          };
          const q = write('other=%E4%B8%AD', state);
          const back = read(q);
          expect(back).toEqual({
            zone,
            lang: lang === 'en' ? 'en' : null,
            view: state.view,
            task: state.task,
            indicator: state.indicator,
            paint: state.paint,
            camera: state.camera,
            show: [...(state.show ?? [])].sort(),
            hide: [...(state.hide ?? [])],
          });
          expect(new URLSearchParams(q).get('other')).toBe('中');
        }
      }
    }
  });

  it('writes the camera short, in the order OpenStreetMap links use', () => {
    expect(writeCamera({ center: [111.67081, 40.81834], zoom: 5.254, bearing: 0, pitch: 0 })).toBe(
      '5.25/40.8183/111.6708',
    );
    expect(writeCamera({ center: [111, 40], zoom: 5, bearing: 0, pitch: 30 })).toBe('5/40/111/0/30');
    expect(parseCamera('5/40/111')).toEqual({ center: [111, 40], zoom: 5, bearing: 0, pitch: 0 });
  });

  it('names only the layers whose visibility differs from the default, and restores them', () => {
    const defaults = initialStyleState(LAYERS).visible;
    const off = LAYERS.find((l) => !l.defaultVisible);
    const on = LAYERS.find((l) => l.defaultVisible);
    if (!off || !on) throw new Error('the registry has layers on and off by default');
    expect(layerDiff(defaults, defaults)).toEqual({ show: [], hide: [] });
    const visible = { ...defaults, [off.id]: true, [on.id]: false };
    const diff = layerDiff(visible, defaults);
    expect(diff).toEqual({ show: [off.id], hide: [on.id] });
    expect(applyLayerDiff(defaults, diff.show, diff.hide)).toEqual(visible);
    expect(applyLayerDiff(defaults, ['not-a-layer'], [])).toEqual(defaults);
  });

  it('makes a history step of a new selection, view or colouring, not of camera, layers or language', () => {
    const base: UrlState = { ...EMPTY, zone: 'league-alxa' };
    expect(isNewStep(base, { ...base, zone: 'league-ordos' })).toBe(true);
    expect(isNewStep(base, { ...base, view: 'tasks' })).toBe(true);
    expect(isNewStep(base, { ...base, view: 'map' })).toBe(false);
    expect(isNewStep(base, { ...base, task: '2.3.3' })).toBe(true);
    expect(isNewStep(base, { ...base, indicator: 'forest-cover' })).toBe(true);
    expect(isNewStep(base, { ...base, paint: 'coverage:leagues' })).toBe(true);
    expect(isNewStep(base, { ...base, lang: 'en', show: ['counties'], hide: ['rivers'] })).toBe(false);
    expect(isNewStep(base, { ...base, camera: { center: [1, 2], zoom: 3, bearing: 0, pitch: 0 } })).toBe(
      false,
    );
  });
});
