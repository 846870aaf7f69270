// Builds the peer pages of `make bench`: the same data and the same two charts (pillars: met
// against assigned; indicators: 2023 result against 2024 goal) with uPlot, Chart.js, ECharts and
// Vega-Lite, each loading its library's published browser build from npm, and a static SVG page
// (the floor). Each page marks `performance.mark('chart')` once its first chart is drawn and
// exposes `__probe()` (where to hover) and `__tip()` (is a tooltip showing).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(here, 'out', 'pages');
const snap = JSON.parse(readFileSync(join(root, 'public/data/ba-ria-vung-tau-2023.json'), 'utf8'));
const PILLAR = { digital_government: 'Chính quyền số', digital_economy: 'Kinh tế số', digital_society: 'Xã hội số' };
const pillars = snap.tallies[0].pillars.map((p) => ({ name: PILLAR[p.pillar], met: p.met, assigned: p.assigned }));
const indicators = snap.indicators.map((i, n) => ({ name: `${n + 1}. ${i.name.vi}`, short: `${n + 1}`, value: i.result?.value ?? null, goal: i.goal?.value ?? null }));
const DATA = JSON.stringify({ pillars, indicators });

const head = (title, extra = '') => `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<link rel="icon" href="data:,">
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem}.c{position:relative;width:100%;height:260px}.i{height:420px}</style>${extra}</head><body>
<h1>Bà Rịa – Vũng Tàu: 33/39 chỉ tiêu (84,6%)</h1>`;
// Drawn = the frame that shows the chart has been rendered: a task queued from its rAF runs after
// that frame's style, layout and paint (a rAF alone would fire before them).
const mark = `function __drawn(){requestAnimationFrame(()=>setTimeout(()=>performance.mark('chart')))}`;

function page(name, libs, body, script) {
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  const tags = libs.map(([from, to]) => { copyFileSync(join(here, 'node_modules', from), join(dir, to)); return `<script src="${to}"></script>`; }).join('');
  writeFileSync(join(dir, 'index.html'), `${head(name)}${body}${tags}<script>const DATA=${DATA};${mark}\n${script}</script></body></html>`);
}

const twoDivs = '<h2>Chỉ tiêu đạt theo trụ cột</h2><div class="c" id="p"></div><h2>Kết quả 2023 và mục tiêu 2024</h2><div class="c i" id="q"></div>';

page('uplot', [['uplot/dist/uPlot.iife.min.js', 'uPlot.js']], `<link rel="stylesheet" href="uPlot.min.css">${twoDivs}`, `
const w = document.getElementById('p').clientWidth;
const bars = uPlot.paths.bars({ size: [0.6, 64] });
const xs = DATA.pillars.map((_, i) => i);
const up = new uPlot({ width: w, height: 240, scales: { x: { time: false, range: [-0.5, 2.5] } },
  axes: [{ values: (u, v) => v.map((i) => DATA.pillars[i]?.name ?? '') }, {}],
  series: [{}, { label: 'Được giao', paths: bars, fill: '#e4eaee', stroke: '#6b7785' }, { label: 'Đạt', paths: bars, fill: '#0b6a5a', stroke: '#0b6a5a' }] },
  [xs, DATA.pillars.map((p) => p.assigned), DATA.pillars.map((p) => p.met)], document.getElementById('p'));
const ix = DATA.indicators.map((_, i) => i);
const uq = new uPlot({ width: w, height: 400, scales: { x: { time: false, range: [-0.5, ix.length - 0.5] }, y: { range: [0, 100] } },
  series: [{}, { label: 'Kết quả 2023', paths: () => null, points: { show: true, size: 10, fill: '#0b6a5a' } }, { label: 'Mục tiêu 2024', paths: () => null, points: { show: true, size: 14, stroke: '#6b3fa0', fill: '#fff' } }] },
  [ix, DATA.indicators.map((d) => d.value), DATA.indicators.map((d) => d.goal)], document.getElementById('q'));
__drawn();
window.__probe = () => { const r = up.over.getBoundingClientRect(); return { x: r.left + up.valToPos(0, 'x'), y: r.top + up.valToPos(8, 'y') }; };
window.__tip = () => up.cursor.idx === 0 && up.legend.values?.[2]?._ !== '--';
`);

page('chartjs', [['chart.js/dist/chart.umd.min.js', 'chart.js']], '<h2>Chỉ tiêu đạt theo trụ cột</h2><div class="c"><canvas id="p"></canvas></div><h2>Kết quả 2023 và mục tiêu 2024</h2><div class="c i"><canvas id="q"></canvas></div>', `
Chart.defaults.animation = false;
const cp = new Chart(document.getElementById('p'), { type: 'bar', options: { indexAxis: 'y', maintainAspectRatio: false, scales: { x: { stacked: false }, y: { stacked: true } } },
  data: { labels: DATA.pillars.map((p) => p.name), datasets: [{ label: 'Đạt', data: DATA.pillars.map((p) => p.met), backgroundColor: '#0b6a5a' }, { label: 'Được giao', data: DATA.pillars.map((p) => p.assigned), backgroundColor: '#e4eaee', borderColor: '#6b7785', borderWidth: 1 }] } });
new Chart(document.getElementById('q'), { type: 'scatter', options: { maintainAspectRatio: false, scales: { y: { min: 0, max: 100 } } },
  data: { datasets: [{ label: 'Kết quả 2023', data: DATA.indicators.map((d, i) => ({ x: i + 1, y: d.value })), backgroundColor: '#0b6a5a', pointRadius: 6 }, { label: 'Mục tiêu 2024', data: DATA.indicators.map((d, i) => ({ x: i + 1, y: d.goal })), borderColor: '#6b3fa0', backgroundColor: '#fff', pointRadius: 8 }] } });
__drawn();
window.__probe = () => { const m = cp.getDatasetMeta(0).data[0]; const r = cp.canvas.getBoundingClientRect(); return { x: r.left + (m.base + m.x) / 2, y: r.top + m.y }; };
window.__tip = () => cp.tooltip.getActiveElements().length > 0 && cp.tooltip.opacity > 0;
`);

page('echarts', [['echarts/dist/echarts.min.js', 'echarts.js']], twoDivs, `
const ep = echarts.init(document.getElementById('p'));
ep.setOption({ animation: false, tooltip: { trigger: 'item' }, grid: { left: 110 }, legend: {}, xAxis: { type: 'value' }, yAxis: { type: 'category', data: DATA.pillars.map((p) => p.name) },
  series: [{ name: 'Được giao', type: 'bar', barGap: '-100%', data: DATA.pillars.map((p) => p.assigned), itemStyle: { color: '#e4eaee', borderColor: '#6b7785' } }, { name: 'Đạt', type: 'bar', data: DATA.pillars.map((p) => p.met), itemStyle: { color: '#0b6a5a' } }] });
const eq = echarts.init(document.getElementById('q'));
eq.setOption({ animation: false, tooltip: { trigger: 'item' }, legend: {}, xAxis: { type: 'category', data: DATA.indicators.map((d) => d.short) }, yAxis: { type: 'value', min: 0, max: 100 },
  series: [{ name: 'Kết quả 2023', type: 'scatter', symbolSize: 12, data: DATA.indicators.map((d) => d.value), itemStyle: { color: '#0b6a5a' } }, { name: 'Mục tiêu 2024', type: 'scatter', symbolSize: 16, data: DATA.indicators.map((d) => d.goal), itemStyle: { color: '#fff', borderColor: '#6b3fa0', borderWidth: 3 } }] });
let shown = false; ep.on('showTip', () => { shown = true; }); ep.on('hideTip', () => { shown = false; });
__drawn();
window.__probe = () => { const r = document.getElementById('p').getBoundingClientRect(); const [x, y] = ep.convertToPixel({ seriesIndex: 1 }, [6, DATA.pillars[0].name]); return { x: r.left + x, y: r.top + y }; };
window.__tip = () => [...document.querySelectorAll('#p > div')].some((d) => d.style.zIndex === '9999999' && d.style.display !== 'none' && d.style.opacity !== '0');
`);

page('vegalite', [['vega/build/vega.min.js', 'vega.js'], ['vega-lite/build/vega-lite.min.js', 'vega-lite.js'], ['vega-embed/build/vega-embed.min.js', 'vega-embed.js']], twoDivs, `
const p = vegaEmbed('#p', { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', width: 'container', height: 200, data: { values: DATA.pillars },
  layer: [{ mark: { type: 'bar', color: '#e4eaee', stroke: '#6b7785' }, encoding: { y: { field: 'name', type: 'nominal', title: null }, x: { field: 'assigned', type: 'quantitative' }, tooltip: [{ field: 'name' }, { field: 'assigned' }] } },
          { mark: { type: 'bar', color: '#0b6a5a' }, encoding: { y: { field: 'name', type: 'nominal' }, x: { field: 'met', type: 'quantitative' }, tooltip: [{ field: 'name' }, { field: 'met' }, { field: 'assigned' }] } }] }, { actions: false });
const q = vegaEmbed('#q', { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', width: 'container', height: 360, data: { values: DATA.indicators },
  transform: [{ fold: ['value', 'goal'] }], mark: { type: 'point', filled: true, size: 120 },
  encoding: { x: { field: 'short', type: 'ordinal' }, y: { field: 'value', type: 'quantitative', scale: { domain: [0, 100] } }, color: { field: 'key', type: 'nominal' }, tooltip: [{ field: 'name' }, { field: 'key' }, { field: 'value' }] } }, { actions: false });
let view;
p.then((r) => { view = r.view; __drawn(); });
window.__probe = () => { const r = document.querySelector('#p canvas, #p svg').getBoundingClientRect(); const o = view.origin(); const x = view.scale('x')(6); const y = view.scale('y')(DATA.pillars[0].name) + view.scale('y').bandwidth() / 2; return { x: r.left + o[0] + x / 2, y: r.top + o[1] + y }; };
window.__tip = () => document.getElementById('vg-tooltip-element')?.classList.contains('visible') ?? false;
`);
copyFileSync(join(here, 'node_modules/uplot/dist/uPlot.min.css'), join(out, 'uplot', 'uPlot.min.css'));
console.log(`peer pages written to ${out}`);
