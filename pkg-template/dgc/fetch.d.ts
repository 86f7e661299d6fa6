/** A `fetch`-compatible function. */
export type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** Options of {@link createCentileFetch}. */
export interface CentileFetchOptions {
  /** The fetch function for requests to anything but a dGC route (e.g. `globalThis.fetch`); without it they are refused. */
  fallback?: Fetch;
  /** Answer a 422 instead of a 200 whose measurement carries an error (an implausible value, an age without data). */
  strict?: boolean;
}

/** A fetch function answering the dGC API's routes in process, with the server's statuses, headers and JSON. */
export declare function createCentileFetch(options?: CentileFetchOptions): Fetch;

/** Answers the dGC routes in process; every other URL is refused (never the network). */
export declare const centileFetch: Fetch;
