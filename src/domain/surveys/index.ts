/** The satisfaction survey's rules: the nine elements, the IKM and its grade, the minimum sample. */
export {
  ELEMENTS,
  ELEMENT_CODES,
  type AnswerOption,
  type ElementCode,
  type Score,
  type SurveyElement,
} from './elements.js';
export {
  GRADE_TABLE,
  computeIkm,
  computeIkmFromTotals,
  gradeFor,
  type ElementResult,
  type Grade,
  type GradeInfo,
  type GradeLabel,
  type IkmResult,
  type IkmSuccess,
  type IkmTotals,
  type SurveyResponse,
} from './ikm.js';
export { minimumSample, sampleAdequacy, type SampleAdequacy, type SampleOptions, type SampleRounding } from './sample-size.js';
