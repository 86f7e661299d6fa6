// React Native's default Metro configuration, unchanged: `centile` resolves through its `react-native` export
// condition, which @react-native/metro-config asks for.
const { getDefaultConfig } = require('@react-native/metro-config');

module.exports = getDefaultConfig(__dirname);
