// `webpack` (webpack-cli) build of this fixture into target/consumers/site/webpack/.
// A plain production config: no `experiments`, no loader, no plugin for the package.
import { fileURLToPath } from 'node:url';

export default {
  mode: 'production',
  context: fileURLToPath(new URL('.', import.meta.url)),
  entry: './src/index.js',
  output: {
    path: fileURLToPath(new URL('../../../target/consumers/site/webpack/', import.meta.url)),
    filename: 'main.js',
    clean: true,
  },
  performance: { hints: false },
  stats: 'errors-warnings',
};
