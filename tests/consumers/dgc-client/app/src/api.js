// The client's axios instance. The API-calling version of this file is the same without the adapter:
//   export const api = axios.create({ baseURL: GROWTH_API_BASEURL });
import axios from 'axios';
import { centileAdapter } from 'centile/axios';

const GROWTH_API_BASEURL = 'https://api.rcpch.ac.uk/growth/v1';

export const api = axios.create({ baseURL: GROWTH_API_BASEURL, adapter: centileAdapter });
