// Catalog page: instant search and filters over window.CATALOG (no external libraries).
(function () {
  const search = document.getElementById("search");
  const layer = document.getElementById("layer");
  const tag = document.getElementById("tag");
  const results = document.getElementById("results");
  const count = document.getElementById("count");
  const params = new URLSearchParams(window.location.search);
  if (params.get("q")) search.value = params.get("q");
  if (params.get("layer")) layer.value = params.get("layer");
  if (params.get("tag")) tag.value = params.get("tag");

  function escape(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
  }

  function score(entry, words) {
    // exact name first, then name prefix, then name/dashboard/column/description matches
    const name = entry.name.toLowerCase();
    const short = name.split(".").pop();
    let total = 0;
    for (const word of words) {
      if (short === word) total += 100;
      else if (short.startsWith(word)) total += 50;
      else if (name.includes(word)) total += 20;
      else if (entry.dashboards.some((d) => d.toLowerCase().includes(word))) total += 10;
      else if (entry.columns.some((c) => c.includes(word))) total += 5;
      else if (entry.description.toLowerCase().includes(word)) total += 2;
      else return 0;
    }
    return total;
  }

  function render() {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    let rows = window.CATALOG.filter((e) => (!layer.value || e.layer === layer.value) && (!tag.value || e.tags.includes(tag.value)));
    if (words.length) {
      rows = rows.map((e) => [score(e, words), e]).filter(([s]) => s > 0).sort((a, b) => b[0] - a[0] || a[1].name.localeCompare(b[1].name)).map(([, e]) => e);
    }
    count.textContent = rows.length + " of " + window.CATALOG.length;
    results.innerHTML = rows.map((e) =>
      `<tr class="result"><td><a href="${escape(e.href)}">${escape(e.name)}</a></td><td>${escape(e.layer)}</td>` +
      `<td>${escape(e.kind)}</td><td>${escape(e.tags.join(", "))}</td><td>${escape(e.description)}</td></tr>`).join("");
  }

  search.addEventListener("input", render);
  layer.addEventListener("change", render);
  tag.addEventListener("change", render);
  render();
})();
