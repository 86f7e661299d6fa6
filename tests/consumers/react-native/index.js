import { AppRegistry } from 'react-native';
import App from './App';
import { child, heightCentile } from './growth';
import { name } from './app.json';

// Read by tests/hermes/run.mjs, which runs this production bundle in the hermes binary (no native host).
globalThis.centileConsumer = { child, heightCentile };
AppRegistry.registerComponent(name, () => App);
