/*
 * The browser's storage, for what a page keeps across reloads (the talk clock, the notes size, a
 * dev page's place). Storage can be switched off, and then even reading `localStorage` throws:
 * what would be kept is then not kept, and the page carries on.
 */

export type StorageName = 'localStorage' | 'sessionStorage';

export function readStored(storage: StorageName, key: string): string | null {
  try {
    return window[storage].getItem(key);
  } catch {
    return null;
  }
}

/** True when the value was stored. */
export function writeStored(storage: StorageName, key: string, value: string): boolean {
  try {
    window[storage].setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export function removeStored(storage: StorageName, key: string): void {
  try {
    window[storage].removeItem(key);
  } catch {
    // Nothing to remove where nothing could be stored.
  }
}
