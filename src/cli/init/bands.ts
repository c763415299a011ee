/** The ARR bands the wizard asks about: one per segment, bounded by the default policy. */
import type { SegmentId } from '../../core/model.js';
import { SEGMENT_IDS } from '../../core/model.js';
import { formatMoney } from '../../core/money.js';
import { DEFAULT_POLICY } from '../../core/policy.js';

export interface Band {
  segment: SegmentId;
  /** Lowest ARR in the band (inclusive), whole dollars. */
  min: number;
  /** ARR the band stops below; undefined for the top band. */
  max?: number;
  /** "$25k to $100k": how the band reads in a question. */
  range: string;
  /** Group name written to the file, e.g. "Mid-market customers". */
  groupName: string;
  /** Default answer for "what does a typical one pay": a round figure inside the band. */
  typicalArr: number;
}

/**
 * Typical ARR per band: round figures near the middle of each band (csplan defaults, not
 * benchmarks); a test keeps each one inside its band.
 */
const TYPICAL_ARR: Record<SegmentId, number> = {
  strategic: 750_000,
  enterprise: 200_000,
  'mid-market': 50_000,
  smb: 12_000,
  'self-serve': 2_000,
};

const GROUP_NAME: Record<SegmentId, string> = {
  strategic: 'Strategic customers',
  enterprise: 'Enterprise customers',
  'mid-market': 'Mid-market customers',
  smb: 'SMB customers',
  'self-serve': 'Self-serve customers',
};

/** Bands from the largest accounts down, as the segments are ordered. */
export const BANDS: readonly Band[] = SEGMENT_IDS.map((segment, index): Band => {
  const min = DEFAULT_POLICY.segments[segment].minArr;
  const above = SEGMENT_IDS[index - 1];
  const max = above === undefined ? undefined : DEFAULT_POLICY.segments[above].minArr;
  const range =
    max === undefined
      ? `${formatMoney(min)} or more`
      : min === 0
        ? `under ${formatMoney(max)}`
        : `${formatMoney(min)} to ${formatMoney(max)}`;
  return {
    segment,
    min,
    max,
    range,
    groupName: GROUP_NAME[segment],
    typicalArr: TYPICAL_ARR[segment],
  };
});

export function bandOf(segment: SegmentId): Band {
  const band = BANDS.find((b) => b.segment === segment);
  if (!band) throw new Error(`no ARR band for segment ${segment}`);
  return band;
}

/** The band an ARR figure falls in. */
export function bandForArr(arr: number): Band {
  return BANDS.find((b) => arr >= b.min) ?? (BANDS[BANDS.length - 1] as Band);
}
