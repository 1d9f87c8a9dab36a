import { useSyncExternalStore } from 'react';

/** localStorage key of elder mode (适老化) on this device. */
export const ELDER_KEY = 'puhui.elder';

const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return window.localStorage.getItem(ELDER_KEY) === 'on';
  } catch {
    return false;
  }
}

let elder = typeof window === 'undefined' ? false : read();

/**
 * Puts the page in elder mode or out of it: `<html data-elder="on">` switches the stylesheet to
 * large type (base 22 px), stronger contrast and bigger touch targets; pages then show one task
 * per screen. The choice is remembered on this device.
 *
 * @example setElderMode(true); document.documentElement.dataset.elder; // 'on'
 */
export function setElderMode(on: boolean): void {
  elder = on;
  document.documentElement.dataset.elder = on ? 'on' : 'off';
  try {
    window.localStorage.setItem(ELDER_KEY, on ? 'on' : 'off');
  } catch {
    // No storage (private mode): the choice lasts for this page only.
  }
  for (const l of listeners) l();
}

/** Applies the stored choice before the first render, so the page never flashes small type. */
export function applyStoredElderMode(): void {
  document.documentElement.dataset.elder = elder ? 'on' : 'off';
}

/**
 * Whether elder mode is on, re-rendering when it is switched.
 *
 * @example const elder = useElderMode(); return elder ? <OneTask /> : <Overview />;
 */
export function useElderMode(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => elder,
    () => false,
  );
}
