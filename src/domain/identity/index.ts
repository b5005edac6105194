export { PROVINCES, isProvinceCode, provinceName, type Province } from './provinces.js';
export {
  ageOn,
  checkNikAgainst,
  parseNik,
  type Nik,
  type ParseNikOptions,
  type Sex,
  type TypedIdentity,
} from './nik.js';
export { parseKk, type Kk, type ParseKkOptions } from './kk.js';
export { maskKk, maskNik } from './mask.js';
