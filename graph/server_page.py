"""The query page served at /: pick a named query or write SPARQL, run it, see a table.
Everything is inline (no CDN, nothing fetched from outside), and every value from the
store reaches the page through textContent, never as HTML."""

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ofsted-kg SPARQL</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fafafa; }
  header { background: #0b3954; color: #fff; padding: .7rem 1.2rem; }
  header h1 { font-size: 1.15rem; margin: 0; }
  header p { margin: .2rem 0 0; opacity: .85; font-size: .9rem; }
  main { padding: 1rem 1.2rem; max-width: 1400px; }
  label { font-weight: 600; display: block; margin: .5rem 0 .2rem; }
  select, input, textarea, button { font: inherit; }
  select, input[type=text] { padding: .3rem; min-width: 18rem; }
  textarea { width: 100%; min-height: 14rem; font: 13px/1.4 ui-monospace, monospace; padding: .5rem; box-sizing: border-box; }
  #description { color: #444; margin: .3rem 0; }
  #params div { margin: .3rem 0; }
  #params span { color: #555; font-size: .9rem; margin-left: .5rem; }
  .bar { display: flex; gap: .6rem; align-items: center; margin: .6rem 0; flex-wrap: wrap; }
  button { background: #0b3954; color: #fff; border: 0; padding: .45rem 1.1rem; border-radius: 3px; cursor: pointer; }
  button:disabled { opacity: .5; }
  #status { color: #333; }
  #status.error { color: #a4161a; white-space: pre-wrap; font-family: ui-monospace, monospace; }
  table { border-collapse: collapse; margin-top: .5rem; background: #fff; font-size: 13px; }
  th, td { border: 1px solid #ccd; padding: .25rem .45rem; text-align: left; vertical-align: top; max-width: 40rem; }
  th { background: #e8eef3; position: sticky; top: 0; }
  td a { color: #0b3954; }
  pre#graph { background: #fff; border: 1px solid #ccd; padding: .6rem; overflow: auto; }
</style>
</head>
<body>
<header><h1>ofsted-kg SPARQL</h1>
<p>Councils' children's services and Ofsted's findings. Read-only; the endpoint for your own tools is <code>/sparql</code>.</p></header>
<main>
  <label for="named">Named query</label>
  <select id="named"><option value="">(write your own)</option></select>
  <div id="description"></div>
  <div id="params"></div>
  <label for="sparql">SPARQL <span style="font-weight:normal;color:#555">(prefixes kg: area: grade: skos: org: prov: schema: dcterms: oa: rdfs: are predeclared)</span></label>
  <textarea id="sparql" spellcheck="false">SELECT ?council ?region WHERE {
  ?c a kg:Council ; skos:prefLabel ?council ; kg:region ?region .
}
ORDER BY ?region ?council
LIMIT 20</textarea>
  <div class="bar">
    <button id="run">Run (Ctrl+Enter)</button>
    <label style="display:inline;font-weight:normal"><input type="checkbox" id="links"> IRIs as links</label>
    <span id="status"></span>
  </div>
  <div id="results"></div>
</main>
<script>
"use strict";
const $ = (id) => document.getElementById(id);
let library = {};
let loadedText = "";

function text(tag, value) { const el = document.createElement(tag); el.textContent = value; return el; }

async function loadLibrary() {
  try {
    const response = await fetch("queries");
    const list = await response.json();
    for (const q of list) {
      library[q.name] = q;
      const option = text("option", q.name + " \\u2014 " + q.title);
      option.value = q.name;
      $("named").appendChild(option);
    }
  } catch (e) { setStatus("could not load the named queries: " + e, true); }
}

function pick() {
  const q = library[$("named").value];
  const params = $("params");
  params.replaceChildren();
  $("description").textContent = q ? q.description : "";
  if (!q) { return; }
  for (const [name, about] of Object.entries(q.params)) {
    const row = document.createElement("div");
    const label = text("label", name);
    label.htmlFor = "param-" + name;
    const input = document.createElement("input");
    input.type = "text"; input.id = "param-" + name; input.dataset.param = name;
    input.placeholder = q.defaults[name] || "";
    row.append(label, input, text("span", about));
    params.appendChild(row);
  }
  $("sparql").value = q.sparql;
  loadedText = q.sparql;
}

function setStatus(message, isError) {
  $("status").textContent = message;
  $("status").className = isError ? "error" : "";
}

function cell(term) {
  const td = document.createElement("td");
  if (!term) { return td; }
  if (term.type === "uri" && $("links").checked && /^https?:/.test(term.value)) {
    const a = text("a", term.value); a.href = term.value; a.rel = "noopener noreferrer"; td.appendChild(a);
  } else {
    td.textContent = term.value;
    if (term["xml:lang"]) { td.title = "@" + term["xml:lang"]; }
    else if (term.datatype) { td.title = term.datatype; }
  }
  return td;
}

function showTable(data) {
  const out = $("results");
  out.replaceChildren();
  if (data.boolean !== undefined) { out.appendChild(text("p", String(data.boolean))); setStatus("ASK answered"); return; }
  const vars = data.head.vars, rows = data.results.bindings;
  const table = document.createElement("table");
  const head = document.createElement("tr");
  for (const v of vars) { head.appendChild(text("th", v)); }
  table.appendChild(head);
  for (const row of rows) {
    const tr = document.createElement("tr");
    for (const v of vars) { tr.appendChild(cell(row[v])); }
    table.appendChild(tr);
  }
  out.appendChild(table);
  return rows.length;
}

async function run() {
  const button = $("run");
  button.disabled = true;
  setStatus("running\\u2026");
  const started = performance.now();
  const q = library[$("named").value];
  let response;
  try {
    const accept = "application/sparql-results+json, text/turtle;q=0.9";
    if (q && $("sparql").value === loadedText) {
      const args = new URLSearchParams();
      for (const input of document.querySelectorAll("[data-param]")) {
        if (input.value.trim()) { args.append(input.dataset.param, input.value); }
      }
      response = await fetch("queries/" + encodeURIComponent(q.name) + "?" + args, { headers: { Accept: accept } });
    } else {
      response = await fetch("sparql", { method: "POST", headers: { Accept: accept,
        "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ query: $("sparql").value }) });
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const type = response.headers.get("Content-Type") || "";
    if (!response.ok) { $("results").replaceChildren(); setStatus(response.status + ": " + await response.text(), true); return; }
    if (type.startsWith("text/turtle")) {
      const pre = text("pre", await response.text()); pre.id = "graph";
      $("results").replaceChildren(pre);
      setStatus("graph in " + seconds + " s");
      return;
    }
    const count = showTable(await response.json());
    if (count !== undefined) { setStatus(count + " rows in " + seconds + " s"); }
  } catch (e) {
    setStatus("the server did not answer: " + e, true);
  } finally { button.disabled = false; }
}

$("named").addEventListener("change", pick);
$("run").addEventListener("click", run);
$("sparql").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); } });
loadLibrary();
</script>
</body>
</html>
"""
