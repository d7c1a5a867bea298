/**
 * Code that runs inside the page. Kept as plain-JavaScript strings: functions compiled by tsx would carry
 * esbuild helpers (`__name`) that do not exist in the browser.
 *
 * "Painted" below means: the requestAnimationFrame after the change, then a MessageChannel message, which
 * runs once that frame's style, layout and paint are done.
 */

/**
 * `committed(el)`, as page code: whether the element's React fiber is in the committed tree, so an event on it
 * reaches React. The element keeps the fiber it was hydrated with; after a later render the committed tree may
 * hold that fiber's alternate, so both are tried. Each is walked up to its HostRoot, which must be the root's
 * current fiber itself: while the first (hydrating) render is still in progress the element's fiber has no
 * alternate and leads to the work-in-progress root, which is not committed yet (a check that also accepted
 * `current === root.alternate` passed then, before the commit, and a click or typing right after it was lost).
 */
export const COMMITTED = `(el) => {
    const key = el && Object.keys(el).find((k) => k.startsWith("__reactFiber$"));
    if (!key) return false;
    const inCurrentTree = (fiber) => {
      let f = fiber;
      while (f && f.return) f = f.return;
      return !!f && f.tag === 3 && !!f.stateNode && f.stateNode.current === f;
    };
    const fiber = el[key];
    return inCurrentTree(fiber) || inCurrentTree(fiber.alternate);
  }`;

/**
 * Installed before any page script (addInitScript). Each frame from navigation start it checks whether the
 * page is interactive: the grid shows data rows and both the filter input and the first grid cell are
 * hydrated, i.e. their React fiber belongs to the committed tree (its HostRoot is the root's current
 * fiber), so typing into the filter reaches React. Records window.__bench.interactiveAt (performance.now(),
 * which counts from navigation start).
 */
export const INTERACTIVE_PROBE = `(() => {
  const B = (window.__bench = { interactiveAt: null, rowsAt: null, hydratedAt: null });
  const path = location.pathname;
  const target = /\\/tables\\/\\d+\\/?$/.test(path)
    ? { grid: "Columns", filter: "Filter columns" }
    : /\\/tables\\/?$/.test(path)
      ? { grid: "Tables", filter: "Filter tables" }
      : null;
  if (!target) return;
  const committed = ${COMMITTED};
  const tick = () => {
    const grid = document.querySelector('[role="grid"][aria-label="' + target.grid + '"]');
    const cell = grid && grid.querySelector('[role="row"] [role="gridcell"]');
    const input = document.querySelector('input[aria-label="' + target.filter + '"]');
    const now = performance.now();
    if (cell && B.rowsAt === null) B.rowsAt = now;
    if (cell && input && !input.disabled && committed(input) && committed(cell)) {
      B.hydratedAt = now;
      B.interactiveAt = now;
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/**
 * Filter latency: keydown (its event timestamp) in the filter input → the grid painted with the result.
 * Each finished measurement is pushed to window.__benchFilter.results.
 */
export const installFilterProbe = (filterLabel: string, gridLabel: string) => `(() => {
  const input = document.querySelector('input[aria-label=${JSON.stringify(filterLabel)}]');
  const grid = document.querySelector('[role="grid"][aria-label=${JSON.stringify(gridLabel)}]');
  if (!input || !grid) throw new Error("filter input or grid not found");
  const state = (window.__benchFilter = { results: [], pending: null });
  document.addEventListener("keydown", (e) => {
    if (e.target === input) state.pending = { key: e.key, t0: e.timeStamp };
  }, true);
  input.addEventListener("input", () => {
    const p = state.pending;
    if (!p) return;
    state.pending = null;
    p.tInput = performance.now();
    requestAnimationFrame(() => {
      p.tFrame = performance.now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        p.tPaint = performance.now();
        p.ms = p.tPaint - p.t0;
        p.value = input.value;
        p.rowCount = Number(grid.getAttribute("aria-rowcount")) - 1;
        p.rendered = [...grid.querySelectorAll('[role="row"][aria-rowindex]')].filter((r) => r.getAttribute("aria-rowindex") !== "1").length;
        state.results.push(p);
      };
      ch.port2.postMessage(null);
    });
  });
  return true;
})()`;

/**
 * Scrolls the grid's scroll container from top to bottom, one step per frame; measures the frames, the longest
 * frame, the most row elements in the DOM, and frames whose viewport centre showed no row (blank).
 */
export const scrollProbe = (gridLabel: string) => `(async () => {
  const grid = document.querySelector('[role="grid"][aria-label=${JSON.stringify(gridLabel)}]');
  if (!grid) throw new Error("grid not found");
  const sc = grid.parentElement;
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  sc.scrollTop = 0;
  await frame();
  await frame();
  const rect = sc.getBoundingClientRect();
  const step = Math.round(sc.clientHeight * 0.75);
  // Data rows only (aria-rowindex 1 is the header row).
  const dataRows = () => [...grid.querySelectorAll('[role="row"][aria-rowindex]')].filter((r) => Number(r.getAttribute("aria-rowindex")) > 1);
  const rowsNow = () => dataRows().length;
  let maxRows = rowsNow();
  let frames = 0, longest = 0, blank = 0;
  const durations = [];
  const start = performance.now();
  let last = start;
  for (;;) {
    const bottom = sc.scrollTop + sc.clientHeight >= sc.scrollHeight - 1;
    if (!bottom) sc.scrollTop = Math.min(sc.scrollTop + step, sc.scrollHeight);
    const t = await frame();
    const now = performance.now();
    const d = now - last;
    last = now;
    frames++;
    durations.push(d);
    if (d > longest) longest = d;
    const rows = rowsNow();
    if (rows > maxRows) maxRows = rows;
    const hit = document.elementFromPoint(rect.left + 40, rect.top + rect.height / 2);
    if (!hit || !hit.closest('[role="row"]')) blank++;
    if (bottom) break;
  }
  const total = performance.now() - start;
  const lastIndex = Math.max(...dataRows().map((r) => Number(r.getAttribute("aria-rowindex"))));
  durations.sort((a, b) => a - b);
  return {
    totalMs: total,
    frames,
    longestFrameMs: longest,
    p95FrameMs: durations[Math.min(durations.length - 1, Math.floor(durations.length * 0.95))],
    framesOver50Ms: durations.filter((d) => d > 50).length,
    maxRowsInDom: maxRows,
    blankFrames: blank,
    stepPx: step,
    scrollHeight: sc.scrollHeight,
    rowCount: Number(grid.getAttribute("aria-rowcount")) - 1,
    reachedBottom: sc.scrollTop + sc.clientHeight >= sc.scrollHeight - 1,
    // aria-rowindex of the last rendered row: rowCount + 1 once the bottom was reached.
    lastRenderedAriaRowIndex: lastIndex,
  };
})()`;

/**
 * Arms the cell-edit probe: on the committing Enter in the cell's editor it records the keydown timestamp,
 * then watches the grid until the cell shows `expected`, has no editor and is no longer busy (pending).
 */
export const armEditProbe = (testId: string, expected: string, gridLabel: string) => `(() => {
  const grid = document.querySelector('[role="grid"][aria-label=${JSON.stringify(gridLabel)}]');
  const testId = ${JSON.stringify(testId)};
  const expected = ${JSON.stringify(expected)};
  const state = (window.__benchEdit = { done: false, t0: null, sawBusy: false, error: null });
  const cellNow = () => grid.querySelector('[data-testid="' + testId + '"]');
  let observer = null;
  const check = () => {
    const cell = cellNow();
    if (!cell) return;
    if (cell.getAttribute("aria-busy") === "true") state.sawBusy = true;
    const alert = cell.querySelector('[role="alert"]');
    if (alert) state.error = alert.textContent;
    if (!cell.querySelector("[data-editor]") && !cell.hasAttribute("aria-busy") && cell.textContent.trim() === expected) {
      observer.disconnect();
      state.tDom = performance.now();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          state.tPaint = performance.now();
          state.ms = state.tPaint - state.t0;
          state.domMs = state.tDom - state.t0;
          state.done = true;
        };
        ch.port2.postMessage(null);
      });
    }
  };
  const onKey = (e) => {
    if (e.key !== "Enter" || !(e.target instanceof Element) || !e.target.matches("[data-editor]")) return;
    document.removeEventListener("keydown", onKey, true);
    state.t0 = e.timeStamp;
    observer = new MutationObserver(check);
    observer.observe(grid, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  document.addEventListener("keydown", onKey, true);
  return true;
})()`;

/**
 * Counts React's renders (for scripts/bench/profile-edit.ts): installed before React loads, it poses as the React
 * DevTools hook, which React calls with every committed root in production builds too. A fiber was rendered in a
 * commit when its parent's children were cloned in that commit (a skipped subtree is still the old one) and it
 * carries React's PerformedWork flag, as React DevTools tells. Each commit pushes to window.__renders: the time,
 * the components rendered by name (minified names in a mangled build), the grid rows rendered (a component whose
 * first child is the `role="row"` element), their cells, and which of a rendered row's props had changed.
 */
export const RENDER_COUNT_PROBE = `(() => {
  const renders = (window.__renders = []);
  const PERFORMED_WORK = 1;
  const visit = (parent, out) => {
    // Children this commit did not clone are the old ones: nothing under them rendered (React DevTools' test).
    if (parent.alternate && parent.child === parent.alternate.child) return;
    for (let f = parent.child; f; f = f.sibling) {
      if ((f.tag === 0 || f.tag === 11 || f.tag === 15) && f.flags & PERFORMED_WORK) {
        const name = (f.type && (f.type.displayName || f.type.name)) || "(anonymous)";
        out.components[name] = (out.components[name] || 0) + 1;
        const host = f.child;
        if (host && host.tag === 5 && host.memoizedProps && host.memoizedProps.role === "row" && host.stateNode) {
          out.rows++;
          out.cells += host.stateNode.querySelectorAll('[role="gridcell"]').length;
          // The memo wrapper's props against the previous commit's: which of them made the row render.
          const memo = f.return;
          const before = memo && memo.alternate && memo.alternate.memoizedProps;
          if (before) {
            for (const key of Object.keys(memo.memoizedProps)) {
              if (memo.memoizedProps[key] !== before[key]) out.rowProps[key] = (out.rowProps[key] || 0) + 1;
            }
          } else out.rowProps["(mounted)"] = (out.rowProps["(mounted)"] || 0) + 1;
        }
      }
      visit(f, out);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject(renderer) {
      const id = this.renderers.size + 1;
      this.renderers.set(id, renderer);
      return id;
    },
    onScheduleFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      const out = { t: performance.now(), components: {}, rows: 0, cells: 0, rowProps: {} };
      visit(root.current, out);
      renders.push(out);
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };
})();`;
