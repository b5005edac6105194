import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ELEMENTS,
  ELEMENT_CODES,
  computeIkm,
  gradeFor,
  minimumSample,
  sampleAdequacy,
  type ElementCode,
  type IkmSuccess,
  type Score,
  type SurveyResponse,
} from '../../../src/domain/surveys/index.js';

/** A questionnaire written as nine digits U1…U9; '-' means the element was not answered. */
function q(row: string): SurveyResponse {
  assert.equal(row.length, 9, row);
  const answers: Partial<Record<ElementCode, Score>> = {};
  ELEMENT_CODES.forEach((code, i) => {
    const ch = row[i];
    if (ch !== '-') answers[code] = Number(ch) as Score;
  });
  return { answers };
}

function success(responses: SurveyResponse[]): IkmSuccess {
  const r = computeIkm(responses);
  if (!r.ok) assert.fail(`expected an IKM, got ${r.error.code}: ${r.error.messageEn}`);
  return r;
}

const close = (actual: number | null, expected: number, tol = 1e-9) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < tol, `${actual} ≉ ${expected}`);

/** The reference case of REFERENCE §2: 29 questionnaires (realistic rows, a few 2s). */
const REFERENCE_ROWS = [
  '434444444', '333443444', '444444334', '443443434', '433434444', '344434344', '444444434', '243434334',
  '443444334', '443444333', '443444444', '433434344', '344444444', '434443444', '434433444', '433434434',
  '333444444', '343433344', '433434434', '443433444', '344444434', '443433434', '344434444', '334432344',
  '434434444', '434444344', '333434334', '433443444', '434443444',
];
const REFERENCE_TOTALS = [105, 101, 100, 116, 102, 105, 106, 105, 115];

/**
 * n questionnaires where element j totals exactly totals[j], each answer `low` or `low + 1`
 * (the first totals[j] − low·n questionnaires answer low + 1).
 */
function fromTotals(totals: number[], n: number, low: 1 | 2 | 3): SurveyResponse[] {
  return Array.from({ length: n }, (_, i) => {
    const answers: Partial<Record<ElementCode, Score>> = {};
    ELEMENT_CODES.forEach((code, j) => {
      answers[code] = (i < totals[j]! - low * n ? low + 1 : low) as Score;
    });
    return { answers };
  });
}

function columnTotals(responses: SurveyResponse[]): number[] {
  return ELEMENT_CODES.map((c) => responses.reduce((s, r) => s + (r.answers[c] ?? 0), 0));
}

describe('elements (PermenPANRB 14/2017)', () => {
  it('lists the nine elements U1–U9 in order', () => {
    assert.deepEqual(
      ELEMENTS.map((e) => [e.code, e.name]),
      [
        ['U1', 'Persyaratan'],
        ['U2', 'Sistem, mekanisme dan prosedur'],
        ['U3', 'Waktu penyelesaian'],
        ['U4', 'Biaya/tarif'],
        ['U5', 'Produk spesifikasi jenis pelayanan'],
        ['U6', 'Kompetensi pelaksana'],
        ['U7', 'Perilaku pelaksana'],
        ['U8', 'Penanganan pengaduan, saran dan masukan'],
        ['U9', 'Sarana dan prasarana'],
      ],
    );
    assert.ok(ELEMENTS.every((e) => e.nameEn.length > 0));
  });

  it('has the questionnaire wording for each answer, scored 1 to 4', () => {
    assert.deepEqual(
      ELEMENTS.map((e) => e.options.map((o) => o.label)),
      [
        ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
        ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
        ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
        ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
        ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
        ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
        ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
        ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
        ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
      ],
    );
    for (const e of ELEMENTS) assert.deepEqual(e.options.map((o) => o.score), [1, 2, 3, 4], e.code);
    assert.equal(ELEMENTS[3]?.options[3].labelEn, 'Free');
  });
});

describe('computeIkm: the reference case (29 questionnaires)', () => {
  const responses = REFERENCE_ROWS.map(q);

  it('the fixture really has the element totals 105, 101, 100, 116, 102, 105, 106, 105, 115', () => {
    assert.equal(responses.length, 29);
    assert.deepEqual(columnTotals(responses), REFERENCE_TOTALS);
  });

  it('gives IKM 91.48, grade A (Sangat baik), with the exact weight 1/9', () => {
    const r = success(responses);
    assert.equal(r.ikm, 91.48);
    assert.equal(r.grade, 'A');
    assert.equal(r.gradeLabel, 'Sangat baik');
    assert.equal(r.gradeLabelEn, 'Very good');
    assert.equal(r.respondents, 29);
    assert.deepEqual(r.warnings, []);
  });

  it('keeps the index and the NRR unrounded', () => {
    const r = success(responses);
    close(r.index, 3.659003831417625); // 955 / 261
    assert.deepEqual(
      r.elements.map((e) => [e.code, e.answered, e.total]),
      [
        ['U1', 29, 105],
        ['U2', 29, 101],
        ['U3', 29, 100],
        ['U4', 29, 116],
        ['U5', 29, 102],
        ['U6', 29, 105],
        ['U7', 29, 106],
        ['U8', 29, 105],
        ['U9', 29, 115],
      ],
    );
    close(r.elements[0]!.nrr, 3.6206896551724137); // 105 / 29
    close(r.elements[2]!.nrr, 3.4482758620689653); // 100 / 29
    close(r.elements[3]!.nrr, 4); // 116 / 29
    close(r.elements[0]!.weighted, 0.4022988505747126); // 105 / 261
    close(r.elements[8]!.weighted, 0.4406130268199234); // 115 / 261
  });

  it('shows why the weight must be exactly 1/9: 0.111 gives 91.38 and 0.11 gives 90.56', () => {
    const r = success(responses);
    const withWeight = (w: number) => Math.round(r.elements.reduce((s, e) => s + (e.nrr ?? 0) * w, 0) * 25 * 100) / 100;
    assert.equal(withWeight(0.111), 91.38);
    assert.equal(withWeight(0.11), 90.56);
    assert.equal(r.ikm, 91.48);
  });
});

describe('gradeFor', () => {
  const g = (x: number) => gradeFor(x).grade;

  it('applies the boundaries of the table', () => {
    assert.equal(g(100), 'A');
    assert.equal(g(88.31), 'A');
    assert.equal(g(88.3), 'B');
    assert.equal(g(76.61), 'B');
    assert.equal(g(76.6), 'C');
    assert.equal(g(65.0), 'C');
    assert.equal(g(64.99), 'D');
    assert.equal(g(25), 'D');
  });

  it('gives the labels in both languages', () => {
    assert.deepEqual(gradeFor(91.48), { grade: 'A', label: 'Sangat baik', labelEn: 'Very good' });
    assert.deepEqual(gradeFor(80), { grade: 'B', label: 'Baik', labelEn: 'Good' });
    assert.deepEqual(gradeFor(70), { grade: 'C', label: 'Kurang baik', labelEn: 'Less than good' });
    assert.deepEqual(gradeFor(50), { grade: 'D', label: 'Tidak baik', labelEn: 'Not good' });
  });

  it('rounds a value with more decimals first (88.305 → 88.31 → A; 88.304 → B)', () => {
    assert.equal(g(88.305), 'A');
    assert.equal(g(88.304), 'B');
  });

  it('refuses values outside 25–100', () => {
    assert.throws(() => gradeFor(24.99), RangeError);
    assert.throws(() => gradeFor(100.01), RangeError);
    assert.throws(() => gradeFor(Number.NaN), RangeError);
  });
});

describe('computeIkm: exact half-up rounding at grade boundaries', () => {
  it('builds 5000 questionnaires with IKM exactly 76.605 → 76.61, grade B (not 76.60, C)', () => {
    // Σ totals = 15432 + 7·15321 + 15210 = 137889; IKM = 25 · 137889 / (9 · 5000) = 76.605 exactly.
    const totals = [15432, 15321, 15321, 15321, 15321, 15321, 15321, 15321, 15210];
    const responses = fromTotals(totals, 5000, 3);
    assert.deepEqual(columnTotals(responses), totals);
    const r = success(responses);
    assert.equal(r.ikm, 76.61);
    assert.equal(r.grade, 'B');
  });

  it('IKM exactly 64.995 → 65.00, grade C (not 64.99, D)', () => {
    // Σ totals = 13776 + 7·12999 + 12222 = 116991; IKM = 25 · 116991 / 45000 = 64.995 exactly.
    const totals = [13776, 12999, 12999, 12999, 12999, 12999, 12999, 12999, 12222];
    const responses = fromTotals(totals, 5000, 2);
    assert.deepEqual(columnTotals(responses), totals);
    const r = success(responses);
    assert.equal(r.ikm, 65);
    assert.equal(r.grade, 'C');
  });

  it('IKM exactly 88.305 → 88.31, grade A', () => {
    // every element totals 17661 over 5000: NRR 3.5322, IKM 88.305 exactly.
    const r = success(fromTotals(Array(9).fill(17661), 5000, 3));
    assert.equal(r.ikm, 88.31);
    assert.equal(r.grade, 'A');
  });

  it('all 1s give 25, all 4s give 100', () => {
    assert.equal(success([q('111111111')]).ikm, 25);
    assert.equal(success([q('111111111')]).grade, 'D');
    assert.equal(success([q('444444444'), q('444444444')]).ikm, 100);
  });
});

describe('computeIkm: missing answers', () => {
  it('divides each element by the questionnaires that answered it', () => {
    // U4 answered by 2 of 4: NRR U4 = 8/2 = 4; the others 14/4 = 3.5.
    // index = (8 · 3.5 + 4) / 9 = 32/9; IKM = 800/9 = 88.888… → 88.89 (A).
    // (Counting the two blanks as 0 would give U4 = 2, IKM 83.33, grade B.)
    const r = success([q('444-44444'), q('333-33333'), q('444444444'), q('333433333')]);
    assert.equal(r.ikm, 88.89);
    assert.equal(r.grade, 'A');
    assert.equal(r.respondents, 4);
    close(r.index, 3.5555555555555554);
    assert.deepEqual([r.elements[3]!.answered, r.elements[3]!.nrr], [2, 4]);
    assert.deepEqual([r.elements[0]!.answered, r.elements[0]!.nrr], [4, 3.5]);
    assert.deepEqual(r.warnings, []);
  });

  it('treats null like a missing answer (untyped input)', () => {
    const r = success([{ answers: { U1: null, U2: 4 } } as unknown as SurveyResponse, q('333333333')]);
    assert.deepEqual([r.elements[0]!.answered, r.elements[1]!.answered], [1, 2]);
  });

  it('excludes an element nobody answered, averages the other eight and warns', () => {
    // U4 never asked (a free service). NRR U1–U3, U5–U8 = 10/3; U9 = 9/3 = 3.
    // index = (7 · 10/3 + 3) / 8 = 79/24; IKM = 1975/24 = 82.291… → 82.29 (B).
    const r = success([q('444-44444'), q('333-33333'), q('333-33332')]);
    assert.equal(r.ikm, 82.29);
    assert.equal(r.grade, 'B');
    close(r.index, 3.2916666666666665);
    assert.equal(r.elements[3]!.nrr, null);
    assert.equal(r.elements[3]!.weighted, null);
    assert.equal(r.elements[3]!.answered, 0);
    close(r.elements[0]!.weighted, 0.4166666666666667); // (10/3) / 8
    assert.deepEqual(r.warnings, [
      {
        code: 'ikm-element-unanswered',
        message: 'Unsur U4 (Biaya/tarif) tidak dijawab oleh satu pun responden; IKM dihitung dari 8 unsur lainnya.',
        messageEn: 'Element U4 (Cost/tariff) was not answered by any respondent; the IKM is computed from the other 8 elements.',
      },
    ]);
  });

  it('does not count a blank questionnaire as a respondent', () => {
    const r = success([{ answers: {} }, q('443344434'), q('---------')]);
    assert.equal(r.respondents, 1);
    // 4+4+3+3+4+4+4+3+4 = 33; IKM = 33/9 · 25 = 91.666… → 91.67
    assert.equal(r.ikm, 91.67);
  });
});

describe('computeIkm: errors', () => {
  const noData = {
    ok: false,
    error: {
      code: 'no-data',
      message: 'Belum ada kuesioner yang dijawab, sehingga IKM tidak dapat dihitung.',
      messageEn: 'No questionnaire has been answered, so the IKM cannot be computed.',
    },
  };

  it('an empty set is no-data, never a division by zero', () => {
    assert.deepEqual(computeIkm([]), noData);
  });

  it('only blank questionnaires is no-data too', () => {
    assert.deepEqual(computeIkm([{ answers: {} }, q('---------')]), noData);
  });

  it('an answer outside 1–4 is an error naming the questionnaire and element', () => {
    const bad = { answers: { U1: 4, U2: 5 } } as unknown as SurveyResponse;
    assert.deepEqual(computeIkm([q('444444444'), bad]), {
      ok: false,
      error: {
        code: 'invalid-answer',
        message: 'Kuesioner ke-2, unsur U2 (Sistem, mekanisme dan prosedur): jawaban 5 tidak sah; nilai harus 1, 2, 3 atau 4.',
        messageEn: 'Questionnaire 2, element U2 (Systems, mechanisms and procedures): answer 5 is not valid; it must be 1, 2, 3 or 4.',
      },
    });
    const text = { answers: { U3: '4' } } as unknown as SurveyResponse;
    assert.equal(computeIkm([text]).ok, false);
  });
});

describe('minimum sample (Krejcie & Morgan)', () => {
  it('matches every published row', () => {
    const rows: [number, number][] = [
      [100, 80],
      [200, 132],
      [300, 169],
      [500, 217],
      [1000, 278],
      [2000, 322],
      [5000, 357],
      [10000, 370],
      [20000, 377],
      [50000, 381],
      [1000000, 384],
    ];
    assert.deepEqual(
      rows.map(([n]) => [n, minimumSample(n)]),
      rows,
    );
  });

  it('small populations: 0 → 0, 1 → 1, 10 → 10', () => {
    assert.equal(minimumSample(0), 0);
    assert.equal(minimumSample(1), 1);
    assert.equal(minimumSample(10), 10);
  });

  it("rounding 'up' is stricter where the table rounds down (500 → 218, 2000 → 323, 50000 → 382)", () => {
    assert.equal(minimumSample(500, { rounding: 'up' }), 218); // s = 217.47
    assert.equal(minimumSample(2000, { rounding: 'up' }), 323); // s = 322.35
    assert.equal(minimumSample(50000, { rounding: 'up' }), 382); // s = 381.17
    assert.equal(minimumSample(100, { rounding: 'up' }), 80); // s = 79.51
  });

  it('refuses a population that is not a whole number ≥ 0', () => {
    assert.throws(() => minimumSample(-1), RangeError);
    assert.throws(() => minimumSample(12.5), RangeError);
  });

  it('sampleAdequacy says whether a period reaches the minimum', () => {
    assert.deepEqual(sampleAdequacy(80, 100), { minimumSample: 80, sufficient: true, shortfall: 0 });
    assert.deepEqual(sampleAdequacy(79, 100), { minimumSample: 80, sufficient: false, shortfall: 1 });
    assert.deepEqual(sampleAdequacy(29, 500), { minimumSample: 217, sufficient: false, shortfall: 188 });
    assert.deepEqual(sampleAdequacy(0, 0), { minimumSample: 0, sufficient: true, shortfall: 0 });
  });
});
