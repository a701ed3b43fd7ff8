import { useEffect, useState } from 'react';

/** "just now", "3 min ago", "2 h ago", "4 days ago": how long ago `iso` was, seen from `now`. */
export function ago(iso: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - new Date(iso).getTime()) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

/** The exact local time, to the second, as the admin reads it (e.g. "27 Nov 2026, 12:03:14"). */
export function exactTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** A clock that ticks every 20 s, so "3 min ago" stays true while the screen is open. */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 20_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** "3 min ago (27 Nov 2026, 12:03:14)": relative for a glance, exact in the text and on hover. */
export function When({ iso, now }: { iso: string; now: Date }) {
  return (
    <time dateTime={iso} title={exactTime(iso)}>
      {ago(iso, now)} ({exactTime(iso)})
    </time>
  );
}
