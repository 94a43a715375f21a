/**
 * The rubric as the workbook layer holds it: the domain's rubric (src/domain/rubric.ts) and the
 * shipped example, loaded here from `rubric/default.json` because the domain reads no files.
 */
import defaultRubricJson from '../../../rubric/default.json';
import { loadRubric, type Rubric } from '../../domain/rubric';

export * from '../../domain/rubric';

/** The shipped example rubric (`rubric/default.json`): 100 points per category, to be replaced by the official one. */
export const DEFAULT_RUBRIC: Rubric = loadRubric(defaultRubricJson);
