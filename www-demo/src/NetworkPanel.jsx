// Counts every network request the page has made since it loaded (the browser's Resource Timing entries: the
// app's own files, whether served by the network or the offline cache). A child's data is never in any of them.
import { useEffect, useState } from 'react';

export function NetworkPanel() {
  const [entries, setEntries] = useState(() => performance.getEntriesByType('resource'));
  useEffect(() => {
    const observer = new PerformanceObserver(() => setEntries(performance.getEntriesByType('resource')));
    observer.observe({ type: 'resource', buffered: true });
    return () => observer.disconnect();
  }, []);
  const origin = location.origin;
  const elsewhere = entries.filter((e) => !e.name.startsWith(origin) && !/^(data|blob):/.test(e.name));
  return (
    <details className="network">
      <summary>Network requests since this page loaded: <strong id="network-count" data-count={entries.length} data-elsewhere={elsewhere.length}>{entries.length}</strong>
        {' '}({elsewhere.length} to other sites)</summary>
      <ul>{entries.map((e, i) => <li key={i}>{e.name.startsWith(origin) ? e.name.slice(origin.length) : e.name}</li>)}</ul>
    </details>
  );
}
