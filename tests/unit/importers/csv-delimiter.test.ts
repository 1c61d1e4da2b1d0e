import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../web/domain/importers/formats/csv.ts';

describe('CSV delimiter: the one that splits every line alike', () => {
  it.each([
    ['lon;lat\n111,7;40,8\n111,8;40,8', ';'],
    ['name\twkt\nA\tPOLYGON((1 2, 3 4, 5 6, 1 2))', '\t'],
    ['name,wkt\nA,"POLYGON((1 2, 3 4, 5 6, 1 2))"', ','],
    ['lon|lat\n111.7|40.8', '|'],
    ['lon,lat\n111.7,40.8\n111.8,40.8', ','],
  ])('%j → %j', (text, d) => {
    expect(detectDelimiter(text)).toBe(d);
  });
});
