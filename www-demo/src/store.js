// "Remember on this device": the children in IndexedDB, only while the user has it turned on. Forgetting deletes
// the whole database. Nothing is stored anywhere else (no cookies, no localStorage).
const DB = 'centile-demo';
const STORE = 'state';

const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });

function open() {
  const r = indexedDB.open(DB, 1);
  r.onupgradeneeded = () => r.result.createObjectStore(STORE);
  return request(r);
}

/** The remembered state ({children, activeId, units}), or null when nothing is remembered. */
export async function recall() {
  if (!(await indexedDB.databases?.() ?? []).some((d) => d.name === DB)) return null;
  const db = await open();
  try {
    return (await request(db.transaction(STORE).objectStore(STORE).get('state'))) ?? null;
  } finally {
    db.close();
  }
}

export async function remember(state) {
  const db = await open();
  try {
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(state, 'state');
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
  } finally {
    db.close();
  }
}

export const forget = () => request(indexedDB.deleteDatabase(DB));
