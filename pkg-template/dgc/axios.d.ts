import type { AxiosAdapter } from 'axios';

/** Options of {@link createCentileAdapter}. */
export interface CentileAdapterOptions {
  /** The adapter (or adapter name, e.g. 'xhr') for requests to anything but a dGC route; without it they are refused. */
  fallback?: AxiosAdapter | 'xhr' | 'http' | 'fetch';
  /** Answer a 422 instead of a 200 whose measurement carries an error (an implausible value, an age without data). */
  strict?: boolean;
}

/** An axios adapter answering the dGC API's routes in process, with the server's statuses, headers and JSON. */
export declare function createCentileAdapter(options?: CentileAdapterOptions): AxiosAdapter;

/** `axios.create({ baseURL, adapter: centileAdapter })`: the dGC routes in process, never the network. */
export declare const centileAdapter: AxiosAdapter;
