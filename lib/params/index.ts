/**
 * Query parameters: find `{{name}}` placeholders in SQL, and bind values to
 * them as safe literals.
 */
export type { DateRange, DateRangeField, ParamDefinition, ParamType, ParamValue, ParamValues } from './types';
export { PARAM_TYPES } from './types';
export type { ParamError, ParamErrorCode } from './errors';
export { isParamError, paramError } from './errors';
export type { ParameterReference, Placeholder } from './placeholders';
export { findPlaceholders, parameterReferences } from './placeholders';
export type { CheckResult, ParamLiteral } from './validate';
export { checkValue } from './validate';
export { dateLiteral, listLiteral, numberLiteral, textLiteral } from './literals';
export type { BindResult } from './bind';
export { bindParameters, describeParamErrors } from './bind';
export { definitionsFor } from './definitions';
export { addDays, isCalendarDate, todayUtc } from './dates';
