import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import init from 'centile/web';
import { App } from './App.jsx';
import './styles.css';

// centile's web entry: one .wasm file, compiled while it streams in, shared with the research worker (and cached
// by the service worker). No module calls centile before this resolves.
await init();
createRoot(document.getElementById('root')).render(<StrictMode><App /></StrictMode>);

// Offline and installable: the service worker (written by the build, see vite.config.js) caches the whole app.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}
