/** The 12 league-level divisions of Inner Mongolia. Their ids are shared by data, layers, store and URL. */
export interface LeagueDef {
  id: string;
  adcode: number;
  zh: string;
  short: string;
  en: string;
}

export const LEAGUES: readonly LeagueDef[] = [
  { id: 'league-hohhot', adcode: 150100, zh: '呼和浩特市', short: '呼和浩特', en: 'Hohhot' },
  { id: 'league-baotou', adcode: 150200, zh: '包头市', short: '包头', en: 'Baotou' },
  { id: 'league-wuhai', adcode: 150300, zh: '乌海市', short: '乌海', en: 'Wuhai' },
  { id: 'league-chifeng', adcode: 150400, zh: '赤峰市', short: '赤峰', en: 'Chifeng' },
  { id: 'league-tongliao', adcode: 150500, zh: '通辽市', short: '通辽', en: 'Tongliao' },
  { id: 'league-ordos', adcode: 150600, zh: '鄂尔多斯市', short: '鄂尔多斯', en: 'Ordos' },
  { id: 'league-hulunbuir', adcode: 150700, zh: '呼伦贝尔市', short: '呼伦贝尔', en: 'Hulunbuir' },
  { id: 'league-bayannur', adcode: 150800, zh: '巴彦淖尔市', short: '巴彦淖尔', en: 'Bayannur' },
  { id: 'league-ulanqab', adcode: 150900, zh: '乌兰察布市', short: '乌兰察布', en: 'Ulanqab' },
  { id: 'league-hinggan', adcode: 152200, zh: '兴安盟', short: '兴安', en: 'Hinggan League' },
  { id: 'league-xilingol', adcode: 152500, zh: '锡林郭勒盟', short: '锡林郭勒', en: 'Xilingol League' },
  { id: 'league-alxa', adcode: 152900, zh: '阿拉善盟', short: '阿拉善', en: 'Alxa League' },
];
