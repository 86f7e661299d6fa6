import React from 'react';
import { SafeAreaView, Text } from 'react-native';
import { child, heightCentile } from './growth';

export default function App() {
  const { centile, band } = heightCentile(child);
  return (
    <SafeAreaView>
      <Text>Height centile {centile.toFixed(1)}</Text>
      <Text>{band}</Text>
    </SafeAreaView>
  );
}
