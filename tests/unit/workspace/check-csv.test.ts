import { describe, expect, it } from 'vitest';
import type { ServerCheck } from '../../../web/domain/workspace/api-types.ts';
import { serverCheckCsv } from '../../../web/domain/workspace/check-csv.ts';
import { parseCsv } from '../report/rfc4180.ts';

const check: ServerCheck = {
  id: 42,
  at: '2026-12-01T10:00:05.123Z',
  layerId: 'redline',
  version: 3,
  projectAreaM2: 200_000,
  overlapM2: 15_000,
  overlaps: [
    {
      featureId: 'f-1',
      name: '红线图斑 1',
      zoneType: 'redline',
      areaM2: 10_000,
      share: 0.05,
      verdict: 'needs-justification',
    },
    { featureId: 'f-2', name: '=HYPERLINK("x")', zoneType: 'redline', areaM2: 5_000, share: 0.025 },
  ],
  engine: { server: 'screening-engine/1', postgis: '3.3.2 / GEOS 3.11.1', method: 'PostGIS: …' },
  reportSha256: 'a'.repeat(64),
};

describe('a server check as CSV', () => {
  const rows = parseCsv(
    serverCheckCsv(check, '生态保护红线', { name: '输水管线', type: 'linear-infrastructure' }),
  );

  it('has a row per overlapped feature and a total, figures as every export writes them', () => {
    expect(rows[1]).toEqual([
      '生态保护红线',
      '3',
      'f-1',
      '红线图斑 1',
      '10000.0',
      '1.00',
      '15.00',
      '5.00%',
      '须开展不可避让论证',
    ]);
    expect(rows[3]).toEqual([
      '生态保护红线',
      '3',
      '合计 total',
      '2',
      '15000.0',
      '1.50',
      '22.50',
      '7.50%',
      '',
    ]);
  });

  it('quotes a name that a spreadsheet would run as a formula', () => {
    expect(rows[2]?.[3]).toBe('\'=HYPERLINK("x")');
  });

  it('ends with the record: check number, Beijing time, hash, engine', () => {
    const flat = rows.map((r) => r.join('|')).join('\n');
    expect(flat).toContain('审查编号 check|42|时间 time|2026-12-01 18:00:05 北京时间 (UTC+8)');
    expect(flat).toContain(`报告哈希 report SHA-256|${'a'.repeat(64)}`);
    expect(flat).toContain('项目 project|输水管线|类型 type|linear-infrastructure');
  });
});
