// centile/axios and centile/fetch as a dGC client uses them (type-checked with --strict by tsc.test.mjs).
import axios, { type AxiosAdapter, type AxiosResponse } from 'axios';
import { centileAdapter, createCentileAdapter } from 'centile/axios';
import { centileFetch, createCentileFetch, type Fetch } from 'centile/fetch';
import type { MeasurementObject } from 'centile';

const api = axios.create({ baseURL: 'https://api.rcpch.ac.uk/growth/v1', adapter: centileAdapter });
export const answered: Promise<AxiosResponse<MeasurementObject>> = api.post<MeasurementObject>('/uk-who/calculation', {});
export const strict: AxiosAdapter = createCentileAdapter({ strict: true, fallback: 'fetch' });
export const passed: AxiosAdapter = createCentileAdapter({ fallback: centileAdapter });
export const fetched: Promise<Response> = centileFetch('/uk-who/calculation', { method: 'POST', body: '{}' });
export const withFallback: Fetch = createCentileFetch({ fallback: fetch, strict: false });
// @ts-expect-error the fallback of the fetch function is a fetch function, not an adapter name
createCentileFetch({ fallback: 'xhr' });
