import { describe, expect, it } from 'vitest';
import { BANDS, bandForArr } from '../../../src/cli/init/bands.js';
import { SEGMENT_IDS } from '../../../src/core/model.js';

describe('ARR bands', () => {
  it('has one band per segment, from the largest down', () => {
    expect(BANDS.map((b) => b.segment)).toEqual([...SEGMENT_IDS]);
    expect(BANDS.map((b) => b.range)).toEqual([
      '$500k or more',
      '$100k to $500k',
      '$25k to $100k',
      '$5k to $25k',
      'under $5k',
    ]);
  });

  it('keeps every typical ARR inside its band, so the default lands in that segment', () => {
    for (const band of BANDS) {
      expect(band.typicalArr).toBeGreaterThanOrEqual(band.min);
      if (band.max !== undefined) expect(band.typicalArr).toBeLessThan(band.max);
      expect(bandForArr(band.typicalArr).segment).toBe(band.segment);
    }
  });

  it('finds the band of an amount at the boundaries', () => {
    expect(bandForArr(500_000).segment).toBe('strategic');
    expect(bandForArr(499_999).segment).toBe('enterprise');
    expect(bandForArr(0).segment).toBe('self-serve');
  });
});
