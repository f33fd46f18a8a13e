// The entry is kept tiny: the opening page's API requests start at once, and the app (React,
// xyflow, the node registry: most of the code) is a chunk of its own, fetched and compiled
// meanwhile instead of before them.
import './app/start-early-requests';

void import('./render-app');
