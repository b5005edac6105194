export {
  ELEMENTS,
  ELEMENT_CODES,
  elementByCode,
  isElementCode,
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
