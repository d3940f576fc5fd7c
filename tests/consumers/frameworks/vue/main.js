// Vue 3 (single-file component through @vitejs/plugin-vue): the README's component.
import { createApp } from 'vue';
import Advisor from './Advisor.vue';

createApp(Advisor).mount('#app');
