'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

export interface CopyFeedback {
  /** The confirmation (or failure) to show, briefly. */
  message: string | null;
  copy: (text: string, confirmation: string) => void;
}

const SHOW_MS = 2_500;

/** Clipboard writing with the execCommand fallback for browsers that refuse the async API. */
async function writeClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch (error) {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    active?.focus({ preventScroll: true });
    if (!copied) throw error;
  }
}

/** Copies text and shows a short confirmation. */
export function useCopyFeedback(): CopyFeedback {
  const [message, setMessage] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = useCallback((text: string, confirmation: string) => {
    const show = (next: string): void => {
      setMessage(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setMessage(null), SHOW_MS);
    };
    writeClipboard(text).then(
      () => show(confirmation),
      (error: unknown) => show(`Copy failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }, []);

  return { message, copy };
}
