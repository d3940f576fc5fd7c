// React 19 hydration of the HTML that server.tsx rendered (build.mjs put it in #root).
import { hydrateRoot } from 'react-dom/client';
import { Page } from './page';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing');
hydrateRoot(container, <Page />, {
  onRecoverableError: (error) => console.error(`hydration: ${String(error)}`),
});
document.documentElement.dataset.hydrated = 'true';
