// xaetl report: filters and charts over the data embedded in this page. No network: Plotly is
// inlined above, the data is the JSON block #report-data.
(function () {
  "use strict";
  const DATA = JSON.parse(document.getElementById("report-data").textContent);
  const T = DATA.labels.text;
  const MAX_BARS = 60;
  const MAX_CARDS = 30;
  const COLORS = { met: "#2a9d3f", notMet: "#e8710a", line: "#d1242f", mapped: "#1f6fb2", unmapped: "#b9c3cf" };
  const CONFIG = { displaylogo: false, responsive: true };

  const bi = (key) => `${T[key].vi} · ${T[key].en}`;
  const $ = (id) => document.getElementById(id);
  const esc = (s) => String(s ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const num = (v, digits) => (v === null || v === undefined) ? "–" :
    Number(v).toLocaleString("en-US", { maximumFractionDigits: digits ?? (Math.abs(v) >= 100 ? 1 : 2) });
  const pct = (v) => (v === null || v === undefined) ? "–" : `${num(v, 1)} %`;
  const signed = (v) => (v === null || v === undefined) ? "–" : `${v > 0 ? "+" : ""}${num(v, 1)} %`;

  function wrap(text, width) {
    const words = String(text ?? "").split(/\s+/);
    const lines = [];
    let line = "";
    for (const w of words) {
      if ((line + " " + w).trim().length > width && line) { lines.push(line); line = w; } else { line = (line + " " + w).trim(); }
    }
    if (line) lines.push(line);
    return lines.map(esc).join("<br>");
  }

  const indicatorLabel = (f) => f.indicator_en ? `${f.indicator_vi} · ${f.indicator_en}` : f.indicator_vi;
  // Marks beside a value: ~ an estimate, ⚠ sources disagree, Σ one document gives its parts too.
  const marks = (f) => `${f.approx ? " ~" : ""}${f.has_conflict ? " ⚠" : ""}${f.has_breakdown ? " Σ" : ""}`;
  const valueText = (f) => `${num(f.value)} ${esc(f.unit_vi)}${f.unit_vi !== f.unit_en ? " (" + esc(f.unit_en) + ")" : ""}` +
    (f.approx ? ` ~ ${esc(T.approx.vi)} · ${esc(T.approx.en)}` : "");
  // How the winning mention wrote it (`5.100 triệu đồng`, `as-of:2023-06-30`), and what the flags mean.
  const written = (f) =>
    `<b>${esc(T.as_written.vi)} · ${esc(T.as_written.en)}:</b> ${num(f.written_value)} ${esc(f.written_unit)}` +
    (f.winning_period && f.winning_period !== f.period ? ` (${esc(f.winning_period)})` : "") +
    (f.has_breakdown ? `<br>Σ ${esc(T.breakdown.vi)} · ${esc(T.breakdown.en)}: ${f.n_values} — ${esc(T.breakdown_note.vi)} · ${esc(T.breakdown_note.en)}` : "") +
    (f.has_conflict ? `<br>⚠ ${esc(T.conflict.vi)} · ${esc(T.conflict.en)}: ${num(f.min_value)} – ${num(f.max_value)} ${esc(f.unit_vi)}` : "");
  const source = (f, quoteWidth) =>
    `${written(f)}<br><b>${esc(T.quote.vi)} · ${esc(T.quote.en)}:</b> «${wrap(f.quote, quoteWidth || 90)}»<br>` +
    `<b>${esc(T.document.vi)} · ${esc(T.document.en)}:</b> ${wrap(f.document_title, 90)}<br>${esc(f.url)}`;

  // ---- filters -------------------------------------------------------------------------
  const FILTERS = ["province", "commune", "theme", "period"];
  function fillSelect(id, values, labelOf) {
    const sel = $("filter-" + id);
    const keep = sel.value;
    sel.innerHTML = `<option value="">${esc(bi("all"))}</option>` +
      values.map((v) => `<option value="${esc(v)}">${esc(labelOf ? labelOf(v) : v)}</option>`).join("");
    sel.value = values.includes(keep) ? keep : "";
  }
  const uniq = (xs) => [...new Set(xs.filter((x) => x !== null && x !== undefined))];
  const state = () => Object.fromEntries(FILTERS.map((k) => [k, $("filter-" + k).value]));

  function refreshCommunes() {
    const s = state();
    const communes = uniq(DATA.facts.filter((f) => !s.province || f.province === s.province).map((f) => f.commune_id));
    const name = Object.fromEntries(DATA.facts.map((f) => [f.commune_id, `${f.commune} (${f.province})`]));
    fillSelect("commune", communes.sort((a, b) => name[a].localeCompare(name[b], "vi")), (c) => name[c]);
  }

  function passes(f, s, skip) {
    return (!s.province || f.province === s.province) &&
      (!s.commune || f.commune_id === s.commune) &&
      (skip === "theme" || !s.theme || f.theme === s.theme) &&
      (skip === "period" || !s.period || f.period === s.period);
  }

  // ---- charts --------------------------------------------------------------------------
  function emptyLayout(title) {
    return {
      title: { text: title }, xaxis: { visible: false }, yaxis: { visible: false }, height: 160,
      annotations: [{ text: bi("no_data"), showarrow: false, font: { size: 15, color: "#666" } }],
    };
  }

  function note(id, shown, total) {
    $(id).textContent = total > shown ? `${bi("shown")}: ${shown} ${T.of.vi}/${T.of.en} ${total} — ${T.narrow.vi} · ${T.narrow.en}` : "";
  }

  function barHeight(n) { return Math.max(220, 110 + 26 * n); }

  function hundredLine(label) {
    return {
      shapes: [{ type: "line", x0: 100, x1: 100, yref: "paper", y0: 0, y1: 1, line: { color: COLORS.line, width: 3, dash: "dash" } }],
      annotations: [{ x: 100, yref: "paper", y: 1.0, yanchor: "bottom", text: label, showarrow: false, font: { color: COLORS.line } }],
    };
  }

  function drawAttainment(facts) {
    const rows = facts.filter((f) => f.kind === "actual" && f.plan_pct !== null)
      .sort((a, b) => b.plan_pct - a.plan_pct);
    const shown = rows.slice(0, MAX_BARS).reverse();
    note("note-attainment", shown.length, rows.length);
    if (!shown.length) return Plotly.react("chart-attainment", [], emptyLayout(bi("attainment")), CONFIG);
    const trace = {
      type: "bar", orientation: "h",
      x: shown.map((f) => f.plan_pct),
      y: shown.map((f) => `${f.commune} · ${f.indicator_vi} (${f.period})`),
      marker: { color: shown.map((f) => f.plan_pct >= 100 ? COLORS.met : COLORS.notMet) },
      customdata: shown.map((f) => [indicatorLabel(f), valueText(f), f.period, source(f), f.url]),
      hovertemplate: `<b>%{customdata[0]}</b><br>${esc(T.plan_pct.vi)} · ${esc(T.plan_pct.en)}: %{x:.1f} %<br>` +
        `${esc(T.value.vi)} · ${esc(T.value.en)}: %{customdata[1]} — %{customdata[2]}<br>%{customdata[3]}<extra></extra>`,
    };
    const layout = Object.assign({
      title: { text: bi("attainment") }, height: barHeight(shown.length),
      margin: { l: 330, r: 30, t: 60, b: 50 },
      xaxis: { title: { text: bi("plan_pct") }, rangemode: "tozero", ticksuffix: " %" },
      yaxis: { automargin: true },
    }, hundredLine(bi("attainment_line")));
    Plotly.react("chart-attainment", [trace], layout, CONFIG);
  }

  function seriesKey(f) { return `${f.indicator_key}|${f.base_unit}`; }

  function drawTrends(facts) {
    const bySeries = new Map();
    for (const f of facts) {
      if (!f.period_end) continue;
      const k = seriesKey(f);
      if (!bySeries.has(k)) bySeries.set(k, []);
      bySeries.get(k).push(f);
    }
    const periodsOf = (fs) => new Set(fs.map((f) => f.period)).size;
    const keys = [...bySeries.keys()].sort((a, b) => periodsOf(bySeries.get(b)) - periodsOf(bySeries.get(a)) ||
      bySeries.get(a)[0].indicator_vi.localeCompare(bySeries.get(b)[0].indicator_vi, "vi"));
    const sel = $("trend-indicator");
    const keep = sel.value;
    sel.innerHTML = keys.map((k) => {
      const f = bySeries.get(k)[0];
      return `<option value="${esc(k)}">${esc(indicatorLabel(f))} [${esc(f.unit_vi)}] — ${periodsOf(bySeries.get(k))} ${esc(T.period.vi)}</option>`;
    }).join("");
    sel.value = keys.includes(keep) ? keep : (keys[0] || "");
    const chosen = bySeries.get(sel.value) || [];
    if (!chosen.length) return Plotly.react("chart-trends", [], emptyLayout(bi("trends")), CONFIG);
    const traces = new Map();
    for (const f of [...chosen].sort((a, b) => a.period_end.localeCompare(b.period_end))) {
      const k = `${f.commune_id}|${f.kind}`;
      if (!traces.has(k)) traces.set(k, []);
      traces.get(k).push(f);
    }
    const data = [...traces.values()].map((fs) => ({
      type: "scatter", mode: "lines+markers",
      name: `${fs[0].commune} — ${DATA.labels.kinds[fs[0].kind].vi} · ${DATA.labels.kinds[fs[0].kind].en}`,
      x: fs.map((f) => f.period_end), y: fs.map((f) => f.value), text: fs.map((f) => f.period),
      line: { dash: fs[0].kind === "target" ? "dot" : "solid", width: 3 }, marker: { size: 11 },
      customdata: fs.map((f) => [valueText(f), source(f), f.url]),
      hovertemplate: `<b>%{text}</b>: %{customdata[0]}<br>%{customdata[1]}<extra>%{fullData.name}</extra>`,
    }));
    const f0 = chosen[0];
    Plotly.react("chart-trends", data, {
      title: { text: `${bi("trends")}: ${indicatorLabel(f0)}` }, height: 420,
      xaxis: {
        title: { text: `${T.period.vi} · ${T.period.en}` }, type: "date",
        tickvals: uniq(chosen.map((f) => f.period_end)),
        ticktext: uniq(chosen.map((f) => f.period_end)).map((d) => uniq(chosen.filter((f) => f.period_end === d).map((f) => f.period)).join("<br>")),
      },
      yaxis: { title: { text: `${f0.unit_vi} · ${f0.unit_en}` }, rangemode: "tozero" },
      legend: { orientation: "h", y: -0.25 }, margin: { t: 60 },
    }, CONFIG);
  }

  function drawTargets(s) {
    const pairs = DATA.pairs.map(([t, a]) => [DATA.facts[t], DATA.facts[a]])
      .filter(([t, a]) => passes(t, s, "period") && (!s.period || t.period === s.period || a.period === s.period))
      .map(([t, a]) => ({ t, a, pct: t.value ? 100 * a.value / t.value : null }))
      .filter((p) => p.pct !== null)
      .sort((x, y) => y.pct - x.pct);
    const shown = pairs.slice(0, MAX_BARS).reverse();
    note("note-targets", shown.length, pairs.length);
    if (!shown.length) return Plotly.react("chart-targets", [], emptyLayout(bi("targets")), CONFIG);
    const met = (p) => (p.t.higher_is_better === false ? p.a.value <= p.t.value : p.a.value >= p.t.value);
    const trace = {
      type: "scatter", mode: "markers",
      x: shown.map((p) => p.pct),
      y: shown.map((p) => `${p.t.commune} · ${p.t.indicator_vi} (${T.target.vi} ${p.t.period})`),
      marker: { size: 14, color: shown.map((p) => met(p) ? COLORS.met : COLORS.notMet), line: { width: 1, color: "#333" } },
      customdata: shown.map((p) => [indicatorLabel(p.t), valueText(p.t), p.t.period, valueText(p.a), p.a.period,
        source(p.a, 80), p.a.url]),
      hovertemplate: `<b>%{customdata[0]}</b><br>${esc(T.target.vi)} · ${esc(T.target.en)}: %{customdata[1]} (%{customdata[2]})<br>` +
        `${esc(T.actual.vi)} · ${esc(T.actual.en)}: %{customdata[3]} (%{customdata[4]}) = %{x:.1f} %<br>%{customdata[5]}<extra></extra>`,
    };
    const layout = Object.assign({
      title: { text: bi("targets") }, height: barHeight(shown.length),
      margin: { l: 330, r: 30, t: 60, b: 50 },
      xaxis: { title: { text: bi("targets_axis") }, rangemode: "tozero", ticksuffix: " %" },
      yaxis: { automargin: true },
    }, hundredLine(`${T.target.vi} · ${T.target.en} = 100 %`));
    Plotly.react("chart-targets", [trace], layout, CONFIG);
  }

  function drawCoverage(s) {
    const rows = DATA.mentions.filter((m) => passes(m, s, m.is_mapped ? null : "theme") &&
      (!s.theme || m.is_mapped || s.theme === T.unmapped.vi));
    const communes = uniq(rows.map((m) => m.commune_id));
    const name = Object.fromEntries(rows.map((m) => [m.commune_id, m.commune]));
    const sum = (c, mapped) => rows.filter((m) => m.commune_id === c && m.is_mapped === mapped).reduce((n, m) => n + m.n, 0);
    if (!communes.length) {
      Plotly.react("chart-coverage", [], emptyLayout(bi("coverage")), CONFIG);
    } else {
      const y = communes.map((c) => name[c]);
      Plotly.react("chart-coverage", [
        { type: "bar", orientation: "h", name: bi("mapped"), y, x: communes.map((c) => sum(c, true)), marker: { color: COLORS.mapped } },
        { type: "bar", orientation: "h", name: bi("unmapped"), y, x: communes.map((c) => sum(c, false)), marker: { color: COLORS.unmapped } },
      ], {
        title: { text: bi("coverage") }, barmode: "stack", height: barHeight(communes.length),
        xaxis: { title: { text: bi("mentions") } }, yaxis: { automargin: true },
        legend: { orientation: "h", y: -0.3 }, margin: { t: 60 },
      }, CONFIG);
    }
    const top = new Map();
    for (const m of rows.filter((m) => !m.is_mapped)) top.set(m.indicator, (top.get(m.indicator) || 0) + m.n);
    const list = [...top.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "vi")).slice(0, 15);
    $("top-unmapped").innerHTML = list.length
      ? `<table><thead><tr><th>${esc(bi("indicator"))}</th><th class="num">${esc(bi("mentions"))}</th></tr></thead><tbody>` +
        list.map(([k, n]) => `<tr><td>${esc(k)}</td><td class="num">${n}</td></tr>`).join("") + "</tbody></table>"
      : "";
  }

  const th = (key, cls) => `<th class="${cls || ""}">${esc(T[key].vi)}<br><small>${esc(T[key].en)}</small></th>`;
  const unmappedLast = (a, b) => ((a.theme === T.unmapped.vi) - (b.theme === T.unmapped.vi)) ||
    (a.theme || "").localeCompare(b.theme || "", "vi") || a.indicator_vi.localeCompare(b.indicator_vi, "vi");

  function scoreRow(f) {
    const cls = f.plan_pct === null ? "" : f.plan_pct >= 100 ? "good" : "bad";
    const prev = f.prev_period ? `${T.previous.vi} · ${T.previous.en}: ${f.prev_period}` : "";
    const flags = [f.approx && bi("approx"), f.has_conflict && bi("conflict"),
      f.has_breakdown && `${bi("breakdown")}: ${f.n_values} — ${T.breakdown_note.vi} · ${T.breakdown_note.en}`].filter(Boolean);
    const asWritten = `${bi("as_written")}: ${num(f.written_value)} ${f.written_unit || ""}`;
    return `<tr><td>${esc(f.indicator_vi)}${f.indicator_en ? `<br><small>${esc(f.indicator_en)}</small>` : ""}</td>
      <td>${esc(f.period)}</td>
      <td class="num" title="${esc([...flags, asWritten, `«${f.quote}»`].join("\n"))}">${num(f.value)}${marks(f)}</td>
      <td title="${esc(asWritten)}">${esc(f.unit_vi)}</td><td class="num ${cls}">${pct(f.plan_pct)}</td>
      <td class="num" title="${esc(prev)}">${signed(f.change_pct)}</td><td class="num">${pct(f.yoy_pct)}</td>
      <td><a href="${esc(f.url)}" title="${esc(f.document_title)}&#10;«${esc(f.quote)}»" target="_blank" rel="noopener">↗</a></td></tr>`;
  }

  function drawScorecards(facts) {
    const byCommune = new Map();
    for (const f of facts) {
      if (!byCommune.has(f.commune_id)) byCommune.set(f.commune_id, []);
      byCommune.get(f.commune_id).push(f);
    }
    const cards = [];
    for (const [, fs] of [...byCommune.entries()].slice(0, MAX_CARDS)) {
      const latest = new Map();
      for (const f of fs.filter((f) => f.kind === "actual")) {
        const k = seriesKey(f);
        const cur = latest.get(k);
        if (!cur || (f.period_end || "") > (cur.period_end || "")) latest.set(k, f);
      }
      const rows = [...latest.values()].sort(unmappedLast);
      const planned = rows.filter((f) => f.plan_pct !== null);
      const met = planned.filter((f) => f.plan_pct >= 100).length;
      const conflicts = fs.filter((f) => f.has_conflict).length;
      const f0 = fs[0];
      let body = "";
      let theme = null;
      for (const f of rows) {
        if (f.theme !== theme) { theme = f.theme; body += `<tr class="group"><td colspan="8">${esc(theme)}</td></tr>`; }
        body += scoreRow(f);
      }
      cards.push(`<article class="card"><h3>${esc(f0.commune)} <small>${esc([f0.district, f0.province].filter(Boolean).join(", "))}</small></h3>
        <p class="kpis"><span><b>${rows.length}</b> ${esc(bi("indicator"))}</span>
        <span><b>${met}/${planned.length}</b> ${esc(T.met.vi)} ${esc(T.plan_pct.vi)} · ${esc(T.met.en)} ${esc(T.plan_pct.en)}</span>
        <span><b>${conflicts}</b> ${esc(bi("conflict"))}</span></p>
        <p class="legend">~ ${esc(bi("approx"))} &nbsp; ⚠ ${esc(bi("conflict"))} &nbsp; Σ ${esc(bi("breakdown"))}</p>
        <div class="scroll"><table><thead><tr>${th("indicator")}${th("period")}${th("value", "num")}${th("unit")}
        ${th("plan_pct", "num")}${th("change", "num")}${th("yoy_pct", "num")}${th("source")}</tr></thead><tbody>${body}</tbody></table></div></article>`);
    }
    $("scorecards").innerHTML = cards.join("") || `<p class="empty">${esc(bi("no_data"))}</p>`;
    note("note-scorecards", Math.min(byCommune.size, MAX_CARDS), byCommune.size);
  }

  function drawConflicts(facts) {
    const rows = facts.filter((f) => f.has_conflict);
    $("conflicts").innerHTML = rows.length
      ? `<table><thead><tr><th>${esc(bi("commune"))}</th><th>${esc(bi("indicator"))}</th><th>${esc(bi("period"))}</th>
        <th class="num">min</th><th class="num">max</th><th>${esc(bi("unit"))}</th><th class="num">${esc(bi("documents"))}</th></tr></thead><tbody>` +
        rows.map((f) => `<tr><td>${esc(f.commune)}</td><td>${esc(f.indicator_vi)}</td><td>${esc(f.period)}</td>
          <td class="num">${num(f.min_value)}</td><td class="num">${num(f.max_value)}</td><td>${esc(f.unit_vi)}</td>
          <td class="num">${f.n_documents}</td></tr>`).join("") + "</tbody></table>"
      : `<p class="empty">${esc(bi("no_data"))}</p>`;
  }

  function render() {
    const s = state();
    const facts = DATA.facts.filter((f) => passes(f, s));
    $("count-facts").textContent = facts.length.toLocaleString("en-US");
    drawScorecards(facts);
    drawAttainment(facts);
    drawTrends(DATA.facts.filter((f) => passes(f, s, "period")));
    drawTargets(s);
    drawCoverage(s);
    drawConflicts(facts);
  }

  function init() {
    fillSelect("province", uniq(DATA.facts.map((f) => f.province)).sort((a, b) => a.localeCompare(b, "vi")));
    refreshCommunes();
    fillSelect("theme", uniq(DATA.facts.map((f) => f.theme)).sort((a, b) => a.localeCompare(b, "vi")));
    fillSelect("period", DATA.periods.map((p) => p.period));
    // Filters live in the URL hash (#province=…&period=…): a filtered view can be bookmarked or sent.
    const wanted = new URLSearchParams(location.hash.slice(1));
    for (const k of FILTERS) {
      const sel = $("filter-" + k);
      if (wanted.get(k) && [...sel.options].some((o) => o.value === wanted.get(k))) sel.value = wanted.get(k);
      if (k === "province") refreshCommunes();
    }
    const remember = () => {
      const s = state();
      const hash = new URLSearchParams(Object.entries(s).filter(([, v]) => v)).toString();
      try { history.replaceState(null, "", hash ? "#" + hash : location.pathname); } catch (e) { /* file:// quirks */ }
    };
    $("filter-province").addEventListener("change", () => { refreshCommunes(); remember(); render(); });
    for (const id of ["commune", "theme", "period"]) $("filter-" + id).addEventListener("change", () => { remember(); render(); });
    $("trend-indicator").addEventListener("change", () => drawTrends(DATA.facts.filter((f) => passes(f, state(), "period"))));
    render();
    // A click on a point opens its source document (the URL is the last customdata field).
    for (const id of ["chart-attainment", "chart-trends", "chart-targets"]) {
      $(id).on("plotly_click", (ev) => {
        const cd = ev.points[0] && ev.points[0].customdata;
        if (cd && cd[cd.length - 1]) window.open(cd[cd.length - 1], "_blank", "noopener");
      });
    }
    document.body.dataset.rendered = "true";
  }
  init();
})();
