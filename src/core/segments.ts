/** Display names of the segments, shared by the planner's reasons and every renderer. */
import type { SegmentId } from './model.js';

const SEGMENT_TITLES: Record<SegmentId, string> = {
  strategic: 'Strategic',
  enterprise: 'Enterprise',
  'mid-market': 'Mid-Market',
  smb: 'SMB',
  'self-serve': 'Self-serve',
};

export function segmentTitle(id: SegmentId): string {
  return SEGMENT_TITLES[id];
}
