// What one browser tab keeps for the person using it (sessionStorage): the private link shown
// after raising a concern, so a reload does not lose it, and the words of a form being written,
// so a reload mid-form does not lose them. Nothing here leaves the browser, and it is gone when
// the tab is closed. A browser that refuses storage (private mode, a full quota) keeps nothing.
export function readKept<T>(key: string): T | null {
  try {
    const raw = window.sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function keep(key: string, value: unknown): void {
  try {
    window.sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* nothing kept */
  }
}

export function forget(key: string): void {
  try {
    window.sessionStorage.removeItem(key);
  } catch {
    /* nothing was kept */
  }
}
