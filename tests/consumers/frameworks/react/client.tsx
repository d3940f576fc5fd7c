// React 19 client render: createRoot into an empty container.
import { createRoot } from 'react-dom/client';
import { Page } from './page';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing');
createRoot(container).render(<Page />);
