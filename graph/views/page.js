// The view's behaviour: filters, search, physics switch. Text reaches the DOM only through
// textContent; tooltips are plain strings (vis-network shows them with innerText).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("view-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var hiddenKinds = new Set();
  var hiddenGrades = new Set();
  var GRADED = { council: true, judgement: true };

  function nodeShown(n) {
    if (hiddenKinds.has(n.kind)) return false;
    if (GRADED[n.kind] && hiddenGrades.has(n.grade)) return false;
    return true;
  }
  var nodeView = new vis.DataView(nodes, { filter: nodeShown });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) {
      var a = nodes.get(e.from), b = nodes.get(e.to);
      return !!a && !!b && nodeShown(a) && nodeShown(b);
    }
  });
  var container = document.getElementById("network");
  var status = document.getElementById("status");
  var physicsBox = document.getElementById("physics");
  var state = {
    network: null, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
    stable: false, iterations: 0, physicsInitially: !!data.options.physics.enabled
  };
  window.ofstedView = state;

  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  state.network = network;

  function settled(how) {
    state.stable = true;
    status.textContent = how;
  }
  network.on("stabilizationProgress", function (p) {
    state.iterations = p.iterations;
    status.textContent = "laying out… " + p.iterations + "/" + p.total;
  });
  network.once("stabilizationIterationsDone", function () {
    // Freeze once settled so nothing drifts; the checkbox switches physics back on.
    network.setOptions({ physics: { enabled: false } });
    physicsBox.checked = false;
    network.fit();
    settled("settled; physics off (tick the box to switch it on)");
  });
  if (data.nodes.length === 0) {
    settled("nothing to draw: the store holds no facts for this view");
  } else if (!state.physicsInitially) {
    network.once("afterDrawing", function () { settled("drawn from the precomputed layout; physics off"); });
  }

  physicsBox.addEventListener("change", function () {
    network.setOptions({ physics: { enabled: physicsBox.checked, stabilization: { enabled: false } } });
    status.textContent = physicsBox.checked ? "physics on" : "physics off";
  });

  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
  }
  document.querySelectorAll("input.kind-filter").forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.checked) hiddenKinds.delete(box.dataset.kind); else hiddenKinds.add(box.dataset.kind);
      refresh();
    });
  });
  document.querySelectorAll("input.grade-filter").forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.checked) hiddenGrades.delete(box.dataset.grade); else hiddenGrades.add(box.dataset.grade);
      refresh();
    });
  });

  var search = document.getElementById("search");
  var result = document.getElementById("search-result");
  function matches() {
    var term = search.value.trim().toLowerCase();
    if (!term) return [];
    return nodeView.getIds({ filter: function (n) { return String(n.label).toLowerCase().indexOf(term) >= 0; } });
  }
  search.addEventListener("input", function () {
    var ids = matches();
    network.selectNodes(ids, false);
    result.textContent = search.value.trim() ? ids.length + (ids.length === 1 ? " match" : " matches") : "";
  });
  search.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var ids = matches();
    if (ids.length) network.fit({ nodes: ids, animation: { duration: 400 } });
  });
  state.search = function (term) {
    search.value = term;
    search.dispatchEvent(new Event("input"));
    return matches();
  };

  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });
  document.getElementById("reset").addEventListener("click", function () {
    hiddenKinds.clear(); hiddenGrades.clear();
    document.querySelectorAll("input.kind-filter, input.grade-filter").forEach(function (b) { b.checked = true; });
    search.value = ""; result.textContent = "";
    network.unselectAll();
    refresh();
    network.fit();
  });
})();
