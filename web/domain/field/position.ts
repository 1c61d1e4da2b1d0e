/**
 * A position written as the office writes it: WGS84 / CGCS2000 longitude and latitude (the two agree to a few
 * centimetres, far below a phone's accuracy), and CGCS2000 Gauss–Krüger plane coordinates with their zone —
 * X the northing, Y the easting with the zone number in front, as 国土 界址点 files carry them.
 */
import { centralMeridian, lonLatToGaussKruger } from '../importers/crs.ts';

export interface GaussKrugerPosition {
  zoneWidth: 3 | 6;
  zone: number;
  centralMeridian: number;
  /** northing, metres */
  x: number;
  /** easting with the zone prefix (zone × 1,000,000 + 500,000 ± offset), metres */
  y: number;
}

/** The zone a longitude falls in: 3° zones are centred on multiples of 3°, 6° zones start at 0°. */
export function zoneOf(lon: number, zoneWidth: 3 | 6): number {
  return zoneWidth === 3 ? Math.round(lon / 3) : Math.floor(lon / 6) + 1;
}

export function gaussKrugerOf(
  lon: number,
  lat: number,
  zoneWidth: 3 | 6 = 3,
  zone = zoneOf(lon, zoneWidth),
): GaussKrugerPosition {
  const [y, x] = lonLatToGaussKruger(lon, lat, zone, zoneWidth);
  return { zoneWidth, zone, centralMeridian: centralMeridian(zone, zoneWidth), x, y };
}

/** “41.234567, 111.234567” (latitude first, as phones and 国土 forms give it), six decimals ≈ 0.1 m. */
export const latLonText = (lon: number, lat: number): string => `${lat.toFixed(6)}, ${lon.toFixed(6)}`;

/** “X=4567890.12 Y=37512345.67” in metres to the centimetre. */
export const gaussKrugerText = (p: GaussKrugerPosition): string => `X=${p.x.toFixed(2)} Y=${p.y.toFixed(2)}`;
