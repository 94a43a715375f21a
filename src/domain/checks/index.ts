/** Every check the review runs, in the order their findings are listed. */
import activityOrder from './activityOrder';
import activityTopic from './activityTopic';
import categoryMismatch from './categoryMismatch';
import type { Check, CrossCheck } from './check';
import creditCodeInvalid from './creditCodeInvalid';
import crossPlatformActivity from './crossPlatformActivity';
import crossPlatformOrder from './crossPlatformOrder';
import crossPlatformStaff from './crossPlatformStaff';
import dateOutOfYear from './dateOutOfYear';
import declaredInconsistent from './declaredInconsistent';
import declaredMismatch from './declaredMismatch';
import duplicateEnterprise from './duplicateEnterprise';
import fileUnreadable from './fileUnreadable';
import headerUnrecognized from './headerUnrecognized';
import institutionDate from './institutionDate';
import notInServiceList from './notInServiceList';
import platformNameInvalid from './platformNameInvalid';
import possibleDuplicateEnterprise from './possibleDuplicateEnterprise';
import qualificationUnrecognized from './qualificationUnrecognized';
import regionOrder from './regionOrder';
import regionOutside from './regionOutside';
import regionUnknown from './regionUnknown';
import sizeClassConflict from './sizeClassConflict';
import sizeClassInvalid from './sizeClassInvalid';
import sizeClassMismatch from './sizeClassMismatch';
import staffTitleUnrecognized from './staffTitleUnrecognized';
import tableMissing from './tableMissing';
import totalMismatch from './totalMismatch';
import valueUnreadable from './valueUnreadable';

export const CHECKS: readonly Check[] = [
  fileUnreadable,
  tableMissing,
  headerUnrecognized,
  valueUnreadable,
  duplicateEnterprise,
  possibleDuplicateEnterprise,
  regionOrder,
  regionOutside,
  regionUnknown,
  creditCodeInvalid,
  sizeClassInvalid,
  sizeClassMismatch,
  sizeClassConflict,
  dateOutOfYear,
  notInServiceList,
  institutionDate,
  qualificationUnrecognized,
  staffTitleUnrecognized,
  activityOrder,
  activityTopic,
  totalMismatch,
  categoryMismatch,
  platformNameInvalid,
  declaredMismatch,
  declaredInconsistent,
];

/** The checks across the platforms of a batch (crossCheck.ts), run once all are reviewed; their findings follow each platform's own. */
export const CROSS_CHECKS: readonly CrossCheck[] = [crossPlatformOrder, crossPlatformActivity, crossPlatformStaff];

export type { Check, CheckContext, CheckMeta, CrossCheck, CrossCheckContext, CrossPlatform, SharedItem } from './check';

/** A check's Chinese title and guide clause by its id (the id itself, and no clause, for one not known). */
export function checkInfo(id: string): { title: string; clause: string } {
  const meta = CHECKS.find((c) => c.meta.id === id)?.meta ?? CROSS_CHECKS.find((c) => c.meta.id === id)?.meta;
  return meta ? { title: meta.title, clause: meta.clause } : { title: id, clause: '' };
}
