// Consumer 2: a Vite app that imports `stack-advisor/define` from the packed
// package. Vite emits the .wasm as an asset (no configuration).
import { StackAdvisorElement } from 'stack-advisor/define';

const status = document.getElementById('status');
status.textContent = customElements.get('stack-advisor') === StackAdvisorElement ? 'defined' : 'not defined';
document.querySelector('stack-advisor').addEventListener('stack-advisor-change', (event) => {
  status.textContent = `verdict: ${event.detail.verdict}`;
});
