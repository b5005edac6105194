/** The SKM questionnaire as data, for forms built elsewhere: the elements with their question and options, the respondent profile and the grade table. */
import { ELEMENTS, GRADE_TABLE } from '../../domain/surveys/index.js';
import { PROFILE_FIELDS, QUESTIONS } from '../../domain/surveys/questionnaire.js';

export function describeQuestionnaire() {
  return {
    elements: ELEMENTS.map((e) => ({ code: e.code, name: e.name, nameEn: e.nameEn, question: QUESTIONS[e.code][0], questionEn: QUESTIONS[e.code][1], options: [...e.options] })),
    respondent: PROFILE_FIELDS.map((f) => ({ key: f.key, label: f.label, labelEn: f.labelEn, options: [...f.options] })),
    grades: [...GRADE_TABLE],
  };
}
