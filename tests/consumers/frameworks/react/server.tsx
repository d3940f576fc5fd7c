// React 19 server render (react-dom/server), run in Node by build.mjs.
import { renderToString } from 'react-dom/server';
import { Page } from './page';

export const render = (): string => renderToString(<Page />);
