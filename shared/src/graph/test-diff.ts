import type { GraphDiff } from './diff';

/** The diff of a graph with itself: tests spread it and set the changes they are about. */
export const noChanges: GraphDiff = {
  descriptionChanged: false,
  nodesAdded: [],
  nodesRemoved: [],
  nodesChanged: [],
  edgesAdded: [],
  edgesRemoved: [],
  settingsChanged: [],
  nodesMoved: [],
};
