// The operator page: polls the launcher's JSON endpoints and draws them. Data is only ever put
// into the page as text (dead-letter reasons come from files), never as HTML.
'use strict';

const csrfToken = document.querySelector('meta[name="csrf-token"]').content;
const numberFormat = new Intl.NumberFormat('en');

function setText(id, value) {
  document.getElementById(id).textContent = value;
}

function bytes(n) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return (i === 0 ? n : n.toFixed(1)) + ' ' + units[i];
}

function row(tbody, cells, className) {
  const tr = document.createElement('tr');
  if (className) tr.className = className;
  for (const cell of cells) {
    const td = document.createElement('td');
    td.textContent = cell === null || cell === undefined ? '' : String(cell);
    if (typeof cell === 'number') td.className = 'num';
    tr.appendChild(td);
  }
  tbody.appendChild(tr);
}

async function getJson(url) {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(url + ' answered ' + response.status);
  return response.json();
}

// ---- progress and lag ----

function drawLagChart(history) {
  const svg = document.getElementById('lag-chart');
  const ns = 'http://www.w3.org/2000/svg';
  while (svg.firstChild) svg.removeChild(svg.firstChild);
  const width = 800, height = 200, left = 50, bottom = 20, top = 10;
  // The last hour, or since the run started when that is shorter (at least five minutes).
  const now = Date.now();
  const first = history.length > 0 ? history[0].epochMillis : now;
  const from = Math.max(now - 3600 * 1000, Math.min(first, now - 300 * 1000));
  const minutes = Math.round((now - from) / 60000);
  const max = Math.max(1, ...history.map(s => Math.max(s.topology, s.sink)));
  const x = t => left + (t - from) / (now - from) * (width - left - 5);
  const y = v => top + (1 - v / max) * (height - top - bottom);
  const line = (x1, y1, x2, y2) => {
    const l = document.createElementNS(ns, 'line');
    l.setAttribute('x1', x1); l.setAttribute('y1', y1); l.setAttribute('x2', x2); l.setAttribute('y2', y2);
    l.setAttribute('class', 'axis');
    svg.appendChild(l);
  };
  const label = (tx, ty, text, anchor) => {
    const t = document.createElementNS(ns, 'text');
    t.setAttribute('x', tx); t.setAttribute('y', ty); t.setAttribute('text-anchor', anchor || 'start');
    t.textContent = text;
    svg.appendChild(t);
  };
  line(left, top, left, height - bottom);
  line(left, height - bottom, width - 5, height - bottom);
  label(left - 4, top + 8, numberFormat.format(max), 'end');
  label(left - 4, height - bottom, '0', 'end');
  label(left, height - 4, '-' + minutes + ' min');
  label(x(now - (now - from) / 2), height - 4, '-' + Math.round(minutes / 2) + ' min', 'middle');
  label(width - 5, height - 4, 'now', 'end');
  for (const stage of ['topology', 'sink']) {
    const points = history.filter(s => s.epochMillis >= from).map(s => x(s.epochMillis).toFixed(1) + ',' + y(s[stage]).toFixed(1));
    if (points.length === 0) continue;
    const path = document.createElementNS(ns, 'polyline');
    path.setAttribute('points', points.join(' '));
    path.setAttribute('class', stage);
    path.setAttribute('data-samples', String(points.length));
    svg.appendChild(path);
  }
}

async function refreshProgress() {
  const p = await getJson('/api/progress');
  setText('charts-ingested', numberFormat.format(p.chartsIngested));
  setText('charts-known', numberFormat.format(p.chartsKnown));
  setText('charts-failed', numberFormat.format(p.chartsFailed));
  setText('features', numberFormat.format(p.featuresIngested));
  setText('rcls-finished', numberFormat.format(p.rclsFinished));
  setText('rcls-pending', numberFormat.format(p.rclsPending));
  setText('tiles-written', numberFormat.format(p.tilesWritten));
  setText('dbv-size', bytes(p.dbvSizeBytes));
  setText('latency', p.lastUpdateLatencySeconds === null ? '–' : p.lastUpdateLatencySeconds.toFixed(1) + ' s');
  setText('topology-lag', numberFormat.format(p.topologyLag));
  setText('sink-lag', numberFormat.format(p.sinkLag));
  const settled = p.ingestComplete && p.topologyLag === 0 && p.sinkLag === 0;
  setText('state-line', settled ? 'Everything ingested is in the dbv.' : 'Producing…');
  const tbody = document.querySelector('#lag-table tbody');
  tbody.replaceChildren();
  for (const l of p.lags) {
    row(tbody, [l.stage, l.topic, l.partition, l.committed < 0 ? '–' : l.committed, l.end, l.end - Math.max(0, l.committed)]);
  }
  drawLagChart(p.history);
  setText('updated', 'updated ' + new Date(p.at || Date.now()).toLocaleTimeString());
  if (p.tilesWritten > 0) showMapOnce();
}

// ---- charts and dead letters ----

async function refreshTables() {
  const charts = await getJson('/api/charts');
  const tbody = document.querySelector('#charts-table tbody');
  tbody.replaceChildren();
  for (const c of charts) {
    row(tbody, [c.chartId, c.edition, c.updateNumber, c.state], 'state-' + c.state.replace(' ', '-'));
  }
  const letters = await getJson('/api/dead-letters');
  const dl = document.querySelector('#dead-letters-table tbody');
  dl.replaceChildren();
  for (const d of letters) {
    row(dl, [d.topic, d.file, d.chartId, d.stage, d.code, d.reason]);
  }
  document.getElementById('no-dead-letters').hidden = letters.length > 0;
}

// ---- charts promised that never came ----

async function refreshWaiting() {
  const waiting = await getJson('/api/waiting');
  const tbody = document.querySelector('#waiting-table tbody');
  tbody.replaceChildren();
  for (const w of waiting) {
    row(tbody, [w.chartId, w.file, w.catalogFile, w.reason, w.rcls + (w.someRcls.length ? ': ' + w.someRcls.join(' ') : ''),
      w.releaseAt < 0 ? 'at the end of the run' : new Date(w.releaseAt).toLocaleTimeString()]);
    const button = document.createElement('button');
    button.textContent = 'Release';
    button.addEventListener('click', () => release(w.chartId));
    const td = document.createElement('td');
    td.appendChild(button);
    tbody.lastChild.appendChild(td);
  }
  document.getElementById('no-waiting').hidden = waiting.length > 0;
}

async function release(chartId) {
  const response = await fetch('/api/charts/release?chart=' + encodeURIComponent(chartId),
    { method: 'POST', headers: { 'X-CSRF-Token': csrfToken } });
  setText('waiting-message', response.ok ? chartId + ' released' : 'release of ' + chartId + ' refused: ' + response.status);
  await refreshWaiting();
}

// ---- ingest control ----

function showIngest(status) {
  setText('connector-name', status.connector);
  setText('connector-state', status.state);
  setText('task-states', 'tasks: ' + status.taskStates.join(', '));
}

async function refreshIngest() {
  showIngest(await getJson('/api/ingest'));
}

async function control(action) {
  const response = await fetch('/api/ingest/' + action, { method: 'POST', headers: { 'X-CSRF-Token': csrfToken } });
  if (!response.ok) {
    setText('ingest-message', action + ' refused: ' + response.status);
    return;
  }
  showIngest(await response.json());
  setText('ingest-message', action === 'pause' ? 'pause requested' : 'resume requested');
}

document.getElementById('pause').addEventListener('click', () => control('pause'));
document.getElementById('resume').addEventListener('click', () => control('resume'));

// ---- map: RCLs are EPSG:3395 quadtree tiles, Leaflet's EPSG3395 grid, so zoom = RCL level ----

let map = null, layer = null, extent = null;

function palette() {
  return document.querySelector('input[name="palette"]:checked').value;
}

function tileUrl() {
  return '/tiles/{z}/{y}/{x}.png?palette=' + palette();
}

function extentBounds() {
  const nw = map.unproject([extent.minCol * 256, extent.minRow * 256], extent.level);
  const se = map.unproject([(extent.maxCol + 1) * 256, (extent.maxRow + 1) * 256], extent.level);
  return L.latLngBounds(nw, se);
}

// The map opens on the dbv's shallowest RCLs at their own level: one map tile per RCL, drawn at
// the size its labels and symbols were made for.
function openOnExtent() {
  if (!map || !extent || extent.level === null) return;
  map.setView(extentBounds().getCenter(), extent.level);
}

function fitExtent() {
  if (!map || !extent || extent.level === null) return;
  map.fitBounds(extentBounds());
}

async function showMapOnce() {
  if (map) return;
  extent = await getJson('/api/extent');
  if (extent.level === null || map) return;
  map = L.map('map', {
    crs: L.CRS.EPSG3395,
    minZoom: Math.max(0, extent.minLevel - 3),
    maxZoom: extent.maxLevel + 4,
    attributionControl: false,
  });
  layer = L.tileLayer(tileUrl(), { tileSize: 256, maxNativeZoom: extent.maxLevel + 4 }).addTo(map);
  openOnExtent();
}

document.querySelectorAll('input[name="palette"]').forEach(input => input.addEventListener('change', () => {
  if (layer) layer.setUrl(tileUrl());
  document.getElementById('map').style.background = palette() === 'day' ? '#fff' : palette() === 'dusk' ? '#555' : '#000';
}));
document.getElementById('map-fit').addEventListener('click', async () => {
  extent = await getJson('/api/extent');
  fitExtent();
});

// ---- polling ----

async function tick(fn, period) {
  try {
    await fn();
  } catch (e) {
    setText('updated', 'cannot reach the launcher: ' + e.message);
  }
  setTimeout(() => tick(fn, period), period);
}

tick(refreshProgress, 2000);
tick(refreshIngest, 2000);
tick(refreshTables, 4000);
tick(refreshWaiting, 4000);
