// Consumer 3: a webpack 5 app that imports the element class (registering it
// itself) and calls the engine directly. No `experiments` flag: the package
// loads its .wasm through `new URL(..., import.meta.url)`, which webpack 5
// emits as an asset.
import { StackAdvisorElement } from 'stack-advisor/element';
import { init, recommend } from 'stack-advisor';

StackAdvisorElement.define();

const output = document.getElementById('verdict');
init().then(
  () => {
    const result = recommend({ project: 'data-pipeline', team: 'python' });
    output.textContent = `${result.verdict} (${result.confidence})`;
  },
  (error) => {
    output.textContent = `error: ${error.message}`;
  },
);
