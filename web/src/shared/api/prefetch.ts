// Data a route's loader starts fetching at navigation, in parallel with the
// page's code, is read by the page through the same query. A query fetched
// that way counts as fresh for this long: long enough that the page, rendered
// once its code has arrived, shows the answer instead of asking again on
// mount; short enough that coming back to the page later asks again.
export const PREFETCHED_FRESH_MS = 10_000;
