import { describe, expect, it } from 'vitest';
import { ApiError, isProblem, type Problem, parseProblemPath, toApiError, toFormProblem } from './problem.ts';

const problem = (over: Partial<Problem>): Problem => ({
  type: 'urn:puhui:error:validation_failed',
  title: 'The request does not match the schema',
  status: 400,
  code: 'validation_failed',
  ...over,
});

describe('parseProblemPath', () => {
  it('drops the request part and reads dots and [i] indexes', () => {
    expect(parseProblemPath('body.username')).toEqual(['username']);
    expect(parseProblemPath('body.fees[0].rate')).toEqual(['fees', 0, 'rate']);
    expect(parseProblemPath('body.roles.1')).toEqual(['roles', 1]);
    expect(parseProblemPath('querystring.limit')).toEqual(['limit']);
    expect(parseProblemPath('password')).toEqual(['password']);
    expect(parseProblemPath('body')).toEqual([]);
  });
});

describe('toFormProblem', () => {
  it('puts each field error on its field and nothing in the banner', () => {
    const p = problem({
      errors: [
        { path: 'body.username', message: 'Too small' },
        { path: 'body.roles.0', message: 'Invalid option' },
      ],
    });
    expect(toFormProblem(p, { fields: ['username', 'roles'] })).toEqual({
      fields: [
        { name: ['username'], errors: ['Too small'] },
        { name: ['roles'], errors: ['Invalid option'] },
      ],
      general: false,
    });
  });

  it('sends errors on fields the form lacks to the banner', () => {
    const p = problem({ errors: [{ path: 'body.isAdmin', message: 'Unrecognized key' }] });
    expect(toFormProblem(p, { fields: ['username'] })).toEqual({ fields: [], general: true });
  });

  it('follows aliases for services that name a field differently', () => {
    const p = problem({
      code: 'password_too_weak',
      errors: [{ path: 'password', message: 'needs a digit' }],
    });
    expect(
      toFormProblem(p, { fields: ['newPassword'], aliases: { password: 'newPassword' } }).fields,
    ).toEqual([{ name: ['newPassword'], errors: ['needs a digit'] }]);
  });

  it('marks the field a field-less code concerns, with the given message', () => {
    const p = problem({
      code: 'user_exists',
      status: 409,
      title: 'A user with this user name already exists',
    });
    expect(toFormProblem(p, { fields: ['username'], codes: { user_exists: 'username' } }, 'Taken')).toEqual({
      fields: [{ name: ['username'], errors: ['Taken'] }],
      general: false,
    });
  });

  it('puts nested paths on the deepest field the form names, list indexes included', () => {
    const p = problem({
      errors: [
        { path: 'body.config.annualRate', message: 'Invalid string' },
        { path: 'body.config.fees[1].rate', message: 'Invalid rate' },
        { path: 'body.config.limits.minPrincipalMinor', message: 'Too small' },
        { path: 'config.limits', message: 'min ≤ max' },
        { path: 'body.config.provisioning.loss', message: 'a rate from 0 to 1' },
      ],
    });
    const laid = toFormProblem(p, {
      fields: [
        'config.annualRate',
        'config.fees.*.rate',
        'config.limits.minPrincipal',
        'config.limits.maxPrincipal',
        'config.provisioning',
      ],
      aliases: {
        'config.limits.minPrincipalMinor': 'config.limits.minPrincipal',
        'config.limits': 'config.limits.maxPrincipal',
      },
    });
    expect(laid).toEqual({
      fields: [
        { name: ['config', 'annualRate'], errors: ['Invalid string'] },
        { name: ['config', 'fees', 1, 'rate'], errors: ['Invalid rate'] },
        { name: ['config', 'limits', 'minPrincipal'], errors: ['Too small'] },
        { name: ['config', 'limits', 'maxPrincipal'], errors: ['min ≤ max'] },
        { name: ['config', 'provisioning'], errors: ['a rate from 0 to 1'] },
      ],
      general: false,
    });
    // A nested path the form does not show still goes to the banner.
    const other = problem({ errors: [{ path: 'body.config.penalty.base', message: 'Invalid option' }] });
    expect(toFormProblem(other, { fields: ['config.annualRate'] }).general).toBe(true);
  });

  it('shows a field-less problem with no matching code in the banner', () => {
    const p = problem({ code: 'forbidden', status: 403, title: 'Your role does not allow this action' });
    expect(toFormProblem(p, { fields: ['username'], codes: { user_exists: 'username' } })).toEqual({
      fields: [],
      general: true,
    });
  });
});

describe('toApiError', () => {
  it('keeps a problem document', () => {
    const err = toApiError(409, problem({ code: 'user_exists', status: 409 }));
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('user_exists');
    expect(err.status).toBe(409);
  });

  it('synthesises a problem for bodies that are none', () => {
    expect(toApiError(502, '<html>Bad gateway</html>').code).toBe('internal_error');
    expect(toApiError(404, '').code).toBe('not_found');
    expect(toApiError(0, undefined).code).toBe('network_error');
    expect(isProblem(toApiError(502, 'x').problem)).toBe(true);
  });
});
