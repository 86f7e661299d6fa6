import { createApp } from 'vue';
import 'centile/element';
import App from './App.vue';

createApp(App).mount('#app');
document.body.dataset.ready = '1';
