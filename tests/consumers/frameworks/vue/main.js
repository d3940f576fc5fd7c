// Vue 3 (single-file component through @vitejs/plugin-vue): the README's component.
import { createApp, h } from 'vue';
import Advisor from './Advisor.vue';

const app = createApp(Advisor);
// A trap: were the template compiler not told that <stack-advisor> is a custom
// element (isCustomElement in vite.config.mjs), it would look for a component
// of that name and render this paragraph instead of the element.
app.component('stack-advisor', { render: () => h('p', { id: 'not-the-element' }, 'a Vue component') });
app.mount('#app');
