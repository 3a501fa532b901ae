import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, type ApiResponse } from '../api/client.ts';

/** The version each added entry moved a history to, by the history and the version the page had loaded of it. */
type Moved = Readonly<Record<string, string>>;

const movedKey = (subject: string, loaded: string) => JSON.stringify([subject, loaded]);

/**
 * The version to send with the next entry: the one the 201 of this page's last entry named, while the page
 * still shows what it had loaded before it; once the page loads anew, what it loaded.
 */
export function versionToSend(moved: Moved, subject: string, loaded: string): string {
  return moved[movedKey(subject, loaded)] ?? loaded;
}

export function afterEntry(moved: Moved, subject: string, loaded: string, etag: string | null): Moved {
  return etag === null ? moved : { ...moved, [movedKey(subject, loaded)]: etag };
}

/**
 * Adds an entry to a history (a commitment's stages, a claim's assessments, a delivery's valuations…) on the
 * version the page shows: sent as If-Match, so that the API refuses it (412) when someone else added to the
 * history since, rather than adding it to a history the user has not seen. Then the page loads the latest
 * (`reload`) while the form keeps what was typed, and `conflictText` says so. A 201 names the history's
 * new version, which the next entry from the same page sends.
 */
export function useHistoryEntry(reload: () => void) {
  const { t } = useTranslation();
  const [moved, setMoved] = useState<Moved>({});

  /** `subject` names the history, `loaded` is the ETag of it the page shows. */
  async function add<T>(subject: string, loaded: string, send: (ifMatch: string) => Promise<ApiResponse<T>>): Promise<ApiResponse<T>> {
    try {
      const response = await send(versionToSend(moved, subject, loaded));
      setMoved((previous) => afterEntry(previous, subject, loaded, response.etag));
      return response;
    } catch (error) {
      if (isApiError(error, 412)) reload();
      throw error;
    }
  }

  return { add, conflictText: t('form.conflict.entryAdded') };
}

export type HistoryEntry = ReturnType<typeof useHistoryEntry>;

/** A history as a page shows it: the ETag of the version loaded, and how its forms add to it. */
export interface ShownHistory {
  etag: string;
  entry: HistoryEntry;
}
