export { type FieldError, formatFieldErrors } from './field-error.ts';
export {
  type AnnualizedRate,
  type AnnualizedRateResult,
  actuarialNpv,
  annualizedRate,
  compoundNpv,
  type DatedCashFlow,
  inferUnitPeriod,
  RATE_METHODS,
  type RateMethod,
  solveAnnualized,
  type UnitPeriod,
  unitPeriodTime,
} from './rate/annualized-rate.ts';
export { type AprRequest, type ParseAprResult, parseAprRequest } from './rate/apr-request.ts';
export { scheduleAnnualizedRate, scheduleCashFlows } from './rate/schedule-rate.ts';
export {
  type RateErrorCode,
  type RateFunction,
  type RateResult,
  signProblem,
  solveRate,
} from './rate/solve-rate.ts';
export {
  fv,
  ipmt,
  irr,
  nper,
  npv,
  type PaymentTiming,
  pmt,
  ppmt,
  pv,
  rate,
  xirr,
} from './rate/spreadsheet.ts';
export { annuityMinor, exactAnnuityMinor } from './schedule/annuity.ts';
export {
  generateSchedule,
  periodsPerYear,
  type Schedule,
  type SchedulePeriod,
  ScheduleSpecError,
  type ScheduleTotals,
} from './schedule/generate-schedule.ts';
export {
  formatRate,
  RATE_DECIMALS,
  type ScheduleJson,
  type SchedulePeriodJson,
  scheduleToJson,
} from './schedule/schedule-json.ts';
export {
  AMORTIZATIONS,
  type Amortization,
  type DaysInMonth,
  type DaysInYear,
  type FeeSpec,
  type FeeTiming,
  FREQUENCIES,
  type Frequency,
  INTEREST_METHODS,
  INTEREST_PERIODS,
  type InterestMethod,
  type InterestPeriod,
  type ParseSpecResult,
  parseScheduleSpec,
  type ScheduleSpec,
  validateScheduleSpec,
} from './schedule/schedule-spec.ts';
export {
  type AdvancePayment,
  ALLOCATION_RULES,
  type AllocationRule,
  type AllocationRuleName,
  type AllocationStep,
  allocatePayment,
  type InstallmentAllocation,
  type PaymentAllocation,
} from './servicing/allocation.ts';
export {
  type ClassificationThresholds,
  CREDIT_CARD_CLASSIFICATION_THRESHOLDS,
  classificationFloor,
  classifyLoan,
  DEFAULT_CLASSIFICATION_THRESHOLDS,
  LOAN_CATEGORIES,
  type LoanCategory,
  thresholdsProblem,
  worseCategory,
} from './servicing/classification.ts';
export { COMPONENTS, type Component, type Components, componentsTotal } from './servicing/components.ts';
export {
  type Arrears,
  type ArrearsBucket,
  arrears,
  arrearsBucket,
  DEFAULT_ARREARS_BUCKETS,
  daysPastDue,
} from './servicing/delinquency.ts';
export {
  copyInstallments,
  type InstallmentState,
  installmentsFromSchedule,
  outstanding,
  outstandingTotal,
  type WorkingInstallment,
} from './servicing/installment.ts';
export {
  applyLoanEvent,
  createLoan,
  type LoanErrorCode,
  type LoanEvent,
  type LoanResult,
  type LoanState,
  type LoanStatus,
  type LoanTransaction,
  outstandingBalances,
  payoffQuote,
  replayLoan,
  type ServicingConfig,
} from './servicing/loan-state.ts';
export { type PayoffQuote, payoffQuoteOf } from './servicing/payoff.ts';
export { accruePenalties, forgivePendingPenalties, type PenaltyConfig } from './servicing/penalty.ts';
