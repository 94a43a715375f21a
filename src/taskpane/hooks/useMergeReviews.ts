/**
 * 合并评审's state and action: busy while the copies are read, merged and written, then the
 * notice or the error. The component only shows them.
 */
import { useCallback, useState } from 'react';
import { messageOf, type PickedFile, type ReviewPort } from '../review/ports';
import type { Notice } from './useReview';

export function useMergeReviews(port: ReviewPort | null) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [error, setError] = useState<string | null>(null);

  const merge = useCallback(
    async (pick: () => Promise<PickedFile[]>) => {
      if (!port?.mergeReviews) return;
      setError(null);
      setNotice(null);
      setBusy(true);
      try {
        const files = await pick();
        if (files.length === 0) return;
        setNotice({ intent: 'success', text: await port.mergeReviews(files) });
      } catch (e) {
        setError(messageOf(e));
      } finally {
        setBusy(false);
      }
    },
    [port],
  );

  return { busy, notice, error, merge, dismissError: () => setError(null) };
}
