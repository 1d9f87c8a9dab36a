/**
 * What each problem `code` (docs/errors.md) means to a person, in both languages. Pages show
 * these instead of the server's English `title`; the server's `detail` and field messages are
 * shown as they come.
 */
export const errorsZh = {
  malformed_json: '请求格式有误。',
  validation_failed: '有内容填写不正确，请检查标出的项目。',
  unsupported_media_type: '请求格式不受支持。',
  payload_too_large: '提交的内容太大。',
  idempotency_key_required: '请求缺少幂等键。',
  idempotency_key_conflict: '这次提交与之前的提交冲突，请刷新后重试。',
  not_found: '没有找到这条记录。',
  method_not_allowed: '不支持这个操作。',
  rate_limited: '操作太频繁，请稍后再试。',
  conflict: '与当前状态冲突，请刷新后重试。',
  unauthenticated: '请先登录。',
  invalid_credentials: '用户名或密码不正确。',
  account_locked: '多次输错密码，账号已暂时锁定，请 15 分钟后再试。',
  account_disabled: '账号已停用。',
  token_invalid: '登录已失效，请重新登录。',
  token_expired: '登录已过期，请重新登录。',
  token_revoked: '您已退出登录，请重新登录。',
  forbidden: '您的角色无权进行此操作。',
  password_too_weak:
    '新密码不符合要求：10 到 128 个字符，至少包含一个字母和一个数字，不能包含用户名，且不能与当前密码相同。',
  otp_invalid: '验证码不正确或已过期。',
  otp_too_many_requests: '这个号码申请验证码的次数太多，请一小时后再试。',
  signature_missing: '缺少合作方签名。',
  signature_invalid: '合作方签名不正确。',
  signature_stale: '签名时间已过期。',
  nonce_replayed: '这个请求已经处理过。',
  unknown_api_key: '合作方密钥无效。',
  user_exists: '这个用户名已被使用。',
  unknown_role: '角色不存在。',
  rate_not_found: '无法根据这些数字算出年化利率，请检查输入。',
  unknown_id: '输入中引用了不存在的编号。',
  missing_cost: '成本数据缺少某个需求点与站点的组合。',
  infeasible: '没有满足全部条件的方案。',
  solver_failed: '求解器没有得出可用的结果。',
  no_champion: '还没有启用的正式风险模型。',
  model_invalid: '模型文件无法使用。',
  dataset_invalid: '这份数据不能用于这个模型。',
  applicant_unusable: '申请人缺少模型需要的全部信息。',
  maker_checker: '审批人不能是发起人本人。',
  product_not_active: '这个贷款产品还没有启用。',
  outside_product_limits: '贷款条件超出了产品允许的范围。',
  loan_state_conflict: '贷款当前的状态不允许这个操作。',
  classification_below_floor: '五级分类不能好于逾期天数对应的最低分类。',
  eod_date_invalid: '这个营业日已经结束或尚未开始。',
  reconciliation_failed: '贷款分户账与总账控制科目不一致，请联系运营人员。',
  service_unavailable: '服务暂时不可用，请稍后再试。',
  internal_error: '系统出错了，请稍后再试。',
  network_error: '网络连接失败，请检查网络后重试。',
  unknown: '出错了，请稍后再试。',
};

export type ErrorStrings = typeof errorsZh;

export const errorsEn: ErrorStrings = {
  malformed_json: 'The request was not well formed.',
  validation_failed: 'Some entries are not right; please check the marked fields.',
  unsupported_media_type: 'This kind of request is not supported.',
  payload_too_large: 'What you sent is too large.',
  idempotency_key_required: 'The request lacks an idempotency key.',
  idempotency_key_conflict: 'This submission conflicts with an earlier one; reload and try again.',
  not_found: 'Not found.',
  method_not_allowed: 'This action is not supported.',
  rate_limited: 'Too many requests; please wait a moment and try again.',
  conflict: 'This conflicts with the current state; reload and try again.',
  unauthenticated: 'Please sign in first.',
  invalid_credentials: 'Wrong user name or password.',
  account_locked: 'Too many wrong passwords: the account is locked for 15 minutes.',
  account_disabled: 'This account is disabled.',
  token_invalid: 'Your sign-in is no longer valid; please sign in again.',
  token_expired: 'Your sign-in has expired; please sign in again.',
  token_revoked: 'You were signed out; please sign in again.',
  forbidden: 'Your role does not allow this action.',
  password_too_weak:
    'The new password does not meet the policy: 10–128 characters, at least one letter and one digit, not containing the user name, and different from the current one.',
  otp_invalid: 'The code is wrong or has expired.',
  otp_too_many_requests: 'Too many codes were requested for this number; try again in an hour.',
  signature_missing: 'The partner signature is missing.',
  signature_invalid: 'The partner signature is wrong.',
  signature_stale: 'The signature’s time is outside the allowed window.',
  nonce_replayed: 'This request was already handled.',
  unknown_api_key: 'Unknown partner key.',
  user_exists: 'This user name is already taken.',
  unknown_role: 'Unknown role.',
  rate_not_found: 'These numbers give no annualised rate; please check them.',
  unknown_id: 'The input refers to an id that does not exist in it.',
  missing_cost: 'The cost data lacks a pair of demand point and site.',
  infeasible: 'No plan satisfies every condition.',
  solver_failed: 'The solver stopped without a usable answer.',
  no_champion: 'No risk model is promoted to champion yet.',
  model_invalid: 'The model file cannot be used.',
  dataset_invalid: 'This data cannot be used for this model.',
  applicant_unusable: 'The applicant has none of the information the model needs.',
  maker_checker: 'The approver must not be the person who made the change.',
  product_not_active: 'This loan product is not active.',
  outside_product_limits: 'The loan terms are outside what the product allows.',
  loan_state_conflict: 'The loan’s current state does not allow this.',
  classification_below_floor: 'A classification may not be better than its arrears floor.',
  eod_date_invalid: 'This business date is already closed or not yet open.',
  reconciliation_failed: 'The loan sub-ledger does not equal the control accounts; contact operations.',
  service_unavailable: 'The service is unavailable for a moment; please try again shortly.',
  internal_error: 'Something went wrong on our side; please try again later.',
  network_error: 'Could not reach the server; check the connection and try again.',
  unknown: 'Something went wrong; please try again later.',
};

/**
 * The translation key of a problem code (codes without their own text fall back to `unknown`).
 *
 * @example errorKey('user_exists'); // 'user_exists'
 * @example errorKey('something_new'); // 'unknown'
 */
export function errorKey(code: string): keyof ErrorStrings {
  return (Object.hasOwn(errorsZh, code) ? code : 'unknown') as keyof ErrorStrings;
}
