import { mount } from 'svelte';
import 'centile/element';
import App from './App.svelte';

mount(App, { target: document.getElementById('app') });
document.body.dataset.ready = '1';
