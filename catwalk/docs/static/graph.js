// Lineage graph: pan (drag) and zoom (wheel, +/− buttons) by moving the SVG's viewBox; Fit shows
// every node again. No external libraries; works from file:// as from any static host.
(function () {
  const svg = document.getElementById("lineage-graph");
  if (!svg) return;
  const full = {x: 0, y: 0, w: Number(svg.dataset.width), h: Number(svg.dataset.height)};
  let view = Object.assign({}, full);
  const MIN_W = 120, MAX_W = full.w * 4;

  function apply() {
    svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
  }

  // the point of the drawing under a screen position (viewBox units)
  function toDrawing(clientX, clientY) {
    const box = svg.getBoundingClientRect();
    const scale = Math.max(view.w / box.width, view.h / box.height); // "meet": the larger ratio
    const offsetX = (box.width - view.w / scale) / 2, offsetY = (box.height - view.h / scale) / 2;
    return {x: view.x + (clientX - box.left - offsetX) * scale, y: view.y + (clientY - box.top - offsetY) * scale, scale};
  }

  function zoom(factor, clientX, clientY) {
    const box = svg.getBoundingClientRect();
    if (clientX === undefined) { clientX = box.left + box.width / 2; clientY = box.top + box.height / 2; }
    const width = Math.min(MAX_W, Math.max(MIN_W, view.w * factor));
    const actual = width / view.w;
    const at = toDrawing(clientX, clientY);
    view = {x: at.x - (at.x - view.x) * actual, y: at.y - (at.y - view.y) * actual, w: view.w * actual, h: view.h * actual};
    apply();
  }

  svg.addEventListener("wheel", (event) => {
    event.preventDefault();
    zoom(event.deltaY > 0 ? 1.2 : 1 / 1.2, event.clientX, event.clientY);
  }, {passive: false});

  let drag = null, moved = false;
  svg.addEventListener("pointerdown", (event) => {
    drag = {x: event.clientX, y: event.clientY, view: Object.assign({}, view), scale: toDrawing(0, 0).scale};
    moved = false;
  });
  window.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) moved = true;
    if (!moved) return;
    view = Object.assign({}, drag.view, {x: drag.view.x - dx * drag.scale, y: drag.view.y - dy * drag.scale});
    svg.classList.add("dragging");
    apply();
  });
  window.addEventListener("pointerup", () => { drag = null; svg.classList.remove("dragging"); });
  // a drag that ends on a node must not open it
  svg.addEventListener("click", (event) => { if (moved) { event.preventDefault(); moved = false; } }, true);

  document.querySelectorAll(".graph-controls button").forEach((button) => {
    button.addEventListener("click", () => {
      if (button.dataset.zoom === "in") zoom(1 / 1.5);
      else if (button.dataset.zoom === "out") zoom(1.5);
      else { view = Object.assign({}, full); apply(); }
    });
  });
})();
