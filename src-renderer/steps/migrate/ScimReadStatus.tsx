import { useEffect, useState } from 'react';
import type { ScimReadProgress } from '../../../src-main/api/channels-migrate';
import { api, callFailed } from '../../api/client';

/**
 * While the vendor's accounts are read over SCIM: accounts read so far of the vendor's own count
 * (the ListResponse's totalResults), polled from main, and Cancel, which stops after the page in flight.
 */
export function ScimReadStatus({ integrationId, vendorName }: { integrationId: string; vendorName: string }) {
  const [progress, setProgress] = useState<ScimReadProgress | undefined>(undefined);
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => {
    let current = true;
    const poll = async () => {
      const r = await api.migrate.readProgress({ integrationId }).catch(callFailed);
      if (current && r.ok) setProgress(r.value);
    };
    void poll();
    const timer = setInterval(() => void poll(), 400);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [integrationId]);

  const read = progress?.read ?? 0;
  const total = progress?.total ?? null;
  const stopping = cancelling || progress?.cancelling === true;
  return (
    <div className="migrate-scim-progress" data-scim-read={read} data-scim-total={total ?? ''}>
      <progress
        aria-label={`Accounts read from ${vendorName}`}
        value={read}
        {...(total !== null ? { max: Math.max(total, 1) } : {})}
      />
      <p role="status" aria-live="polite">
        {stopping
          ? `Cancelling after the page in flight (${read.toLocaleString('en')} read)…`
          : total === null
            ? `Reading ${vendorName}'s first page of accounts…`
            : `Read ${read.toLocaleString('en')} of ${total.toLocaleString('en')} accounts from ${vendorName}`}{' '}
        <button
          type="button"
          disabled={stopping}
          onClick={() => {
            setCancelling(true);
            void api.migrate.cancelRead({ integrationId }).catch(callFailed);
          }}
        >
          Cancel the read
        </button>
      </p>
    </div>
  );
}
