/* global window, document, requestAnimationFrame */
/*
 * Installed in the page before the editor's own script runs (Playwright addInitScript). Every
 * animation frame it notes how many canvas nodes are drawn (xyflow keeps a node hidden until it
 * has measured it), and it collects long main-thread tasks. On request it records each frame's
 * timestamp with the CSS transform of one element, to count frames while something moves.
 */
(() => {
  const probe = {
    /**
     * [time, nodes drawn], one entry per change of the count. The time is when the main thread
     * had finished that frame (style, layout, paint): a frame's own timestamp is when it was due,
     * which a long task before it makes much earlier than when the nodes appeared.
     */
    drawn: [],
    /** The most node elements in the page at once, drawn or still hidden. */
    mounted: 0,
    /** [start, end] of every task that blocked the main thread for 50 ms or more. */
    longTasks: [],
    /** [frame time, transform], one entry per frame while recording. */
    frames: undefined,
    watched: undefined,
    record(selector) {
      this.watched = selector;
      this.frames = [];
    },
    stop() {
      const frames = this.frames ?? [];
      this.frames = undefined;
      return frames;
    },
  };
  window.__editorProbe = probe;
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) probe.longTasks.push([task.startTime, task.startTime + task.duration]);
  }).observe({ type: 'longtask', buffered: true });

  // A message posted during a frame's callbacks is handled in a task after that frame's rendering work.
  const afterFrame = new MessageChannel();
  afterFrame.port1.onmessage = (event) => probe.drawn.push([performance.now(), event.data]);

  let drawn = -1;
  const tick = (now) => {
    let count = 0;
    const nodes = document.querySelectorAll('.react-flow__node');
    probe.mounted = Math.max(probe.mounted, nodes.length);
    for (const node of nodes) if (node.style.visibility !== 'hidden') count += 1;
    if (count !== drawn) {
      drawn = count;
      afterFrame.port2.postMessage(count);
    }
    if (probe.frames) probe.frames.push([now, document.querySelector(probe.watched)?.style.transform ?? '']);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
