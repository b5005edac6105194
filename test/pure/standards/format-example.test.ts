import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateOffice } from '../../../src/domain/standards/validate.js';
import { formatExample } from '../../support/format-example.js';

describe('docs/STANDARDS-FORMAT.md', () => {
  it('its complete small example is a valid standard', () => {
    const { office, service } = formatExample();
    const { result, problems } = validateOffice('kota-contoh', { path: 'office.yaml', text: office }, [{ path: 'services/01.yaml', text: service }]);
    assert.deepEqual(problems, []);
    assert.equal(result?.office.name, 'Dinas Sosial Kota Contoh');
    assert.equal(result?.services[0]?.procedure?.steps.length, 2);
  });
});
