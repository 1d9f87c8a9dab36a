import { type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode, useId } from 'react';

/**
 * The portal's small, hand-written components: native elements with labels, hints and errors
 * wired for screen readers (`aria-describedby`, `aria-invalid`), styled by portal.css.
 */

/**
 * A button; `variant="secondary"` for the less important action of a screen.
 *
 * @example <Button type="submit" busy={pending}>Sign in</Button>
 */
export function Button({
  variant = 'primary',
  busy = false,
  children,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'link'; busy?: boolean }) {
  return (
    <button
      type="button"
      className={`btn btn-${variant}`}
      aria-busy={busy || undefined}
      disabled={busy || rest.disabled}
      {...rest}
    >
      {children}
    </button>
  );
}

/**
 * A labelled text input with an optional hint and an error shown in place.
 *
 * @example <TextField label="Phone number" name="phone" error={errors.phone} inputMode="tel" />
 */
export function TextField({
  label,
  hint,
  error,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; error?: string | undefined }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {error && (
        <p id={errorId} className="error" data-testid={`error-${input.name ?? id}`}>
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * A group of radio buttons in a fieldset with a legend.
 *
 * @example <RadioGroup legend="How you repay" name="method" value={m} onChange={setM} options={[…]} />
 */
export function RadioGroup<T extends string>(props: {
  legend: string;
  name: string;
  value: T;
  onChange: (value: T) => void;
  options: readonly { value: T; label: string }[];
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <fieldset
      className={`field radio-group${props.error ? ' field-invalid' : ''}`}
      aria-describedby={props.error ? `${id}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value} className="radio">
          <input
            type="radio"
            name={props.name}
            value={o.value}
            checked={props.value === o.value}
            onChange={() => props.onChange(o.value)}
          />
          <span>{o.label}</span>
        </label>
      ))}
      {props.error && (
        <p id={`${id}-error`} className="error">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * A message box: `error` is announced at once (role=alert), `info` politely (role=status).
 *
 * @example <Notice kind="error">The code is wrong</Notice>
 */
export function Notice({ kind, children }: { kind: 'error' | 'info' | 'warning'; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
