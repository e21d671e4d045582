// Draws the KPI report held in the JSON script element #report-data: header,
// summary cards, three SVG charts and the tables. The data is hostile: its strings reach the
// DOM only as text nodes and attribute values (never as markup), every field may be missing or
// of the wrong type, and a ratio whose denominator is 0 is unknown, never 0 % or 100 %.
(function () {
  'use strict';
  var SVG_NS = 'http://www.w3.org/2000/svg';
  var W = 760;
  var reportError = window.gitCharterReportError || function (m) { throw new Error(m); };

  // ---- values
  function isObj(v) { return v !== null && typeof v === 'object' && !Array.isArray(v); }
  function obj(v) { return isObj(v) ? v : {}; }
  function arr(v) { return Array.isArray(v) ? v : []; }
  function num(v) { return typeof v === 'number' && isFinite(v) ? v : null; }
  function str(v) {
    if (typeof v === 'string') return v;
    return typeof v === 'number' && isFinite(v) ? String(v) : null;
  }
  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined; }
  function ratio(n, d) {
    n = num(n); d = num(d);
    return n === null || d === null || d <= 0 ? null : n / d;
  }
  function fmtNum(v, digits) {
    v = num(v);
    return v === null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: digits || 0 });
  }
  function fmtPct(r) { return r === null ? 'unknown' : (r * 100).toFixed(1) + ' %'; }
  function fmtMean(v, unit) { return v === null ? 'unknown' : fmtNum(v, 1) + ' ' + unit; }
  function text(v) { var s = str(v); return s === null ? '—' : s; }
  function clip(s, n) { var a = Array.from(s); return a.length > n ? a.slice(0, n - 1).join('') + '…' : s; }
  function short(sha) { var s = str(sha); return s === null ? '—' : clip(s, 13); }
  function r1(v) { return Math.round(v * 10) / 10; }
  function clamp01(v) { return Math.max(0, Math.min(1, v)); }

  function metrics(c) {
    c = obj(c);
    var m = {
      commits: num(c.commits), added: num(c.added_lines),
      aiCommits: num(c.ai_commits), aiAdded: num(c.ai_added_lines),
      required: num(c.disclosure_required), disclosed: num(c.disclosed),
      protectedAi: num(c.protected_ai_commits), reviewed: num(c.protected_reviewed),
      denied: num(c.denied_commits), warned: num(c.warned_commits),
      secretsIn: num(c.secrets_introduced), secretsOut: num(c.secrets_removed),
      remDays: num(c.remediation_days_sum), remCommits: num(c.remediation_commits_sum),
      latCount: num(c.review_latency_count), latHours: num(c.review_latency_hours_sum),
      bulk: num(c.bulk_commits), unjudged: num(c.unjudged_commits)
    };
    m.aiShare = ratio(m.aiCommits, m.commits);
    m.aiLineShare = ratio(m.aiAdded, m.added);
    m.disclosure = ratio(m.disclosed, m.required);
    m.review = ratio(m.reviewed, m.protectedAi);
    m.mttr = ratio(m.remDays, m.secretsOut);
    m.latency = ratio(m.latHours, m.latCount);
    return m;
  }

  // ---- DOM: attribute names are this script's own; values and texts may be data
  function setAttrs(e, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (k) {
      if (attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, String(attrs[k]));
    });
  }
  function append(e, kids) {
    if (kids === null || kids === undefined) return;
    (Array.isArray(kids) ? kids : [kids]).forEach(function (k) {
      if (k === null || k === undefined) return;
      e.appendChild(typeof k === 'object' ? k : document.createTextNode(String(k)));
    });
  }
  function el(tag, attrs, kids) {
    var e = document.createElement(tag); setAttrs(e, attrs); append(e, kids); return e;
  }
  function svg(tag, attrs, kids) {
    var e = document.createElementNS(SVG_NS, tag); setAttrs(e, attrs); append(e, kids); return e;
  }
  function byId(id) {
    var e = document.getElementById(id);
    if (!e) throw new Error('the page has no #' + id);
    return e;
  }
  function sub(t) { return el('span', { class: 'sub' }, t); }
  function share(r, n, d) {
    return [fmtPct(r), n === null && d === null ? null : sub(fmtNum(n) + ' of ' + fmtNum(d))];
  }
  function swatch(cls) { return el('span', { class: 'swatch ' + cls, 'aria-hidden': 'true' }); }
  function fillSwatch(fill) {
    return svg('svg', { class: 'swatch', viewBox: '0 0 12 12', 'aria-hidden': 'true' },
      svg('rect', { width: 12, height: 12, fill: fill }));
  }

  // ---- ordering
  var KNOWN_TIERS = ['experimental', 'trusted', 'critical'];
  function tierRank(t) { var i = KNOWN_TIERS.indexOf(t); return i < 0 ? KNOWN_TIERS.length : i; }
  function byTier(a, b) { return tierRank(a) - tierRank(b) || (a < b ? -1 : a > b ? 1 : 0); }
  function byField(map, field) {
    return function (a, b) {
      var x = num(obj(own(map, a))[field]), y = num(obj(own(map, b))[field]);
      x = x === null ? -1 : x; y = y === null ? -1 : y;
      return y - x || (a < b ? -1 : a > b ? 1 : 0);
    };
  }
  // One colour per tier name, the same in every report: the three built-in tiers have their
  // own, any other name is hashed onto the rest of the palette.
  function tierClass(t) {
    var i = KNOWN_TIERS.indexOf(t);
    if (i >= 0) return 't' + i;
    var h = 0;
    for (var k = 0; k < t.length; k++) h = (h * 31 + t.charCodeAt(k)) >>> 0;
    return 't' + (3 + h % 7);
  }

  // ---- months: ascending; absent months are filled in so that x is proportional to time
  function monthIndex(s) {
    var m = /^(\d{4})-(\d{2})$/.exec(s || '');
    if (!m || +m[2] < 1 || +m[2] > 12) return null;
    return +m[1] * 12 + (+m[2] - 1);
  }
  function monthLabel(i) {
    var y = Math.floor(i / 12), mo = i % 12 + 1;
    return String(y).padStart(4, '0') + '-' + (mo < 10 ? '0' : '') + mo;
  }
  function timeline(months) {
    var entries = arr(months).filter(isObj);
    var idx = entries.map(function (e) { return monthIndex(str(e.month)); });
    if (entries.length && idx.every(function (i) { return i !== null; })) {
      var lo = idx.reduce(function (a, b) { return Math.min(a, b); });
      var hi = idx.reduce(function (a, b) { return Math.max(a, b); });
      if (hi - lo < 1200) {
        var at = new Map();
        idx.forEach(function (i, k) { at.set(i, entries[k]); });
        var out = [];
        for (var i = lo; i <= hi; i++) out.push({ label: monthLabel(i), entry: at.has(i) ? at.get(i) : null });
        return out;
      }
    }
    return entries.map(function (e) { return { label: str(e.month) || '?', entry: e }; });
  }

  // ---- chart scaffolding
  function chart(fig, height, label) {
    var s = svg('svg', { viewBox: '0 0 ' + W + ' ' + height, role: 'img', 'aria-label': label });
    fig.appendChild(s);
    return s;
  }
  function noData(s, x, y, w, h) {
    s.appendChild(svg('rect', { class: 'frame', x: x, y: y, width: w, height: h }));
    s.appendChild(svg('text', {
      class: 'nodata', x: x + w / 2, y: y + h / 2, 'text-anchor': 'middle', 'dominant-baseline': 'middle'
    }, 'no data'));
  }
  function legend(fig, items) {
    fig.appendChild(el('ul', { class: 'legend' }, items.map(function (it) {
      return el('li', null, [it[0], it[1]]);
    })));
  }
  function monthAxis(s, tl, xOf, y, width) {
    var step = Math.max(1, Math.ceil(tl.length / Math.max(1, Math.floor(width / 56))));
    tl.forEach(function (p, i) {
      if (i % step) return;
      s.appendChild(svg('text', { x: r1(xOf(i)), y: y + 16, 'text-anchor': 'middle' }, p.label));
    });
  }
  function yGrid(s, ticks, yOf, x0, x1, label) {
    ticks.forEach(function (v) {
      var y = r1(yOf(v));
      s.appendChild(svg('line', { class: 'grid', x1: x0, x2: x1, y1: y, y2: y }));
      s.appendChild(svg('text', { x: x0 - 6, y: y, 'text-anchor': 'end', 'dominant-baseline': 'middle' }, label(v)));
    });
  }
  function axes(s, L, T, pw, ph) {
    s.appendChild(svg('line', { class: 'axis', x1: L, x2: L, y1: T, y2: T + ph }));
    s.appendChild(svg('line', { class: 'axis', x1: L, x2: L + pw, y1: T + ph, y2: T + ph }));
  }

  // ---- chart 1: monthly shares
  var SERIES = [
    { key: 'ai', name: 'AI share of commits', cls: 's0', f: function (m) { return m.aiShare; } },
    { key: 'disclosure', name: 'Disclosure (disclosed of required)', cls: 's1', f: function (m) { return m.disclosure; } },
    { key: 'review', name: 'Review coverage (protected AI commits)', cls: 's2', f: function (m) { return m.review; } }
  ];
  function drawTrend(fig, tl) {
    var H = 260, L = 52, R = 16, T = 12, B = 30, pw = W - L - R, ph = H - T - B;
    var s = chart(fig, H, 'AI share of commits, disclosure and review coverage per month, 0 to 100 %');
    var ms = tl.map(function (p) { return p.entry ? metrics(p.entry.totals) : null; });
    legend(fig, SERIES.map(function (se) { return [swatch(se.cls), se.name]; }));
    var known = ms.some(function (m) { return m && SERIES.some(function (se) { return se.f(m) !== null; }); });
    if (!known) { noData(s, L, T, pw, ph); return; }
    var yOf = function (v) { return T + ph - v / 100 * ph; };
    var xOf = function (i) { return L + (i + 0.5) * pw / tl.length; };
    yGrid(s, [0, 25, 50, 75, 100], yOf, L, L + pw, function (v) { return v + ' %'; });
    axes(s, L, T, pw, ph);
    monthAxis(s, tl, xOf, T + ph, pw);
    SERIES.forEach(function (se) {
      var g = svg('g', { class: se.cls }), d = '', pen = false, dots = [];
      ms.forEach(function (m, i) {
        var v = m ? se.f(m) : null;
        if (v === null) { pen = false; return; }
        var x = r1(xOf(i)), y = r1(yOf(clamp01(v) * 100));
        d += (pen ? 'L' : 'M') + x + ' ' + y;
        pen = true;
        dots.push(svg('circle', { class: 'dot', cx: x, cy: y, r: 3 },
          svg('title', null, tl[i].label + ' · ' + se.name + ': ' + fmtPct(v))));
      });
      if (d) g.appendChild(svg('path', { class: 'line', 'data-series': se.key, d: d }));
      append(g, dots);
      s.appendChild(g);
    });
  }

  // ---- chart 2: commits per tier, stacked
  function niceStep(max) {
    var raw = max / 4, p = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = [1, 2, 5, 10].map(function (k) { return k * p; }).find(function (v) { return v >= raw; });
    return Math.max(1, step);
  }
  function drawTiers(fig, tl, topTiers) {
    var H = 260, L = 52, R = 16, T = 12, B = 30, pw = W - L - R, ph = H - T - B;
    var s = chart(fig, H, 'Commits per path tier and month, stacked');
    var names = new Set(Object.keys(obj(topTiers)));
    tl.forEach(function (p) { if (p.entry) Object.keys(obj(p.entry.by_tier)).forEach(function (t) { names.add(t); }); });
    var tiers = Array.from(names).sort(byTier);
    var vals = tl.map(function (p) {
      var bt = obj(p.entry && p.entry.by_tier);
      return tiers.map(function (t) { var v = num(obj(own(bt, t)).commits); return v !== null && v > 0 ? v : 0; });
    });
    var max = vals.reduce(function (a, row) { return Math.max(a, row.reduce(function (x, y) { return x + y; }, 0)); }, 0);
    legend(fig, tiers.map(function (t) { return [swatch(tierClass(t)), t]; }));
    if (!tiers.length || !tl.length || max <= 0) { noData(s, L, T, pw, ph); return; }
    var step = niceStep(max), top = Math.ceil(max / step) * step, ticks = [];
    for (var v = 0; v <= top; v += step) ticks.push(v);
    var yOf = function (x) { return T + ph - x / top * ph; };
    var band = pw / tl.length, bw = Math.max(1, band * 0.7);
    var xOf = function (i) { return L + (i + 0.5) * band; };
    yGrid(s, ticks, yOf, L, L + pw, function (x) { return fmtNum(x); });
    tl.forEach(function (p, i) {
      var base = 0;
      tiers.forEach(function (t, k) {
        var c = vals[i][k];
        if (!c) return;
        var y0 = yOf(base), y1 = yOf(base + c);
        s.appendChild(svg('rect', {
          class: 'bar ' + tierClass(t), x: r1(xOf(i) - bw / 2), y: r1(y1), width: r1(bw), height: r1(y0 - y1)
        }, svg('title', null, p.label + ' · ' + t + ': ' + fmtNum(c) + (c === 1 ? ' commit' : ' commits'))));
        base += c;
      });
    });
    axes(s, L, T, pw, ph);
    monthAxis(s, tl, xOf, T + ph, pw);
  }

  // ---- chart 3: directory heat map
  var MAX_ROWS = 25;
  function topDirs(byDir, tl) {
    var map = obj(byDir);
    if (!Object.keys(map).length) {
      // No totals per directory: rank by the months' own numbers instead.
      map = {};
      tl.forEach(function (p) {
        var bd = obj(p.entry && p.entry.by_dir);
        Object.keys(bd).forEach(function (d) {
          var prev = own(map, d) || { added_lines: 0 };
          prev.added_lines += num(obj(own(bd, d)).added_lines) || 0;
          map[d] = prev;
        });
      });
    }
    return Object.keys(map).sort(byField(map, 'added_lines')).slice(0, MAX_ROWS);
  }
  var LOW = [238, 244, 251], HIGH = [11, 61, 145];
  function heat(r) {
    return 'rgb(' + LOW.map(function (lo, k) { return Math.round(lo + (HIGH[k] - lo) * clamp01(r)); }).join(',') + ')';
  }
  function drawHeatmap(fig, tl, byDir) {
    var dirs = topDirs(byDir, tl);
    var L = 180, R = 12, T = 8, B = 30, rowH = 18, pw = W - L - R;
    var ph = rowH * (dirs.length && tl.length ? dirs.length : 6), H = T + ph + B;
    var s = chart(fig, H, 'AI share of added lines per directory and month');
    legend(fig, [0, 0.25, 0.5, 0.75, 1].map(function (r) { return [fillSwatch(heat(r)), Math.round(r * 100) + ' %']; })
      .concat([[swatch('unknown'), 'commits but no added lines'], [swatch('empty'), 'no commits']]));
    if (!dirs.length || !tl.length) { noData(s, L, T, pw, ph); return; }
    var cw = pw / tl.length;
    dirs.forEach(function (d, row) {
      var y = T + row * rowH;
      s.appendChild(svg('text', { x: L - 6, y: r1(y + rowH / 2), 'text-anchor': 'end', 'dominant-baseline': 'middle' },
        [svg('title', null, d), clip(d, 28)]));
      tl.forEach(function (p, i) {
        var raw = p.entry ? own(obj(p.entry.by_dir), d) : undefined;
        var m = metrics(raw), where = d + ' · ' + p.label + ': ', attrs, tip;
        if (!isObj(raw) || !(m.commits > 0)) {
          attrs = { class: 'cell empty' };
          tip = where + 'no commits';
        } else if (m.aiLineShare === null) {
          attrs = { class: 'cell', fill: '#c8ccd1' };
          tip = where + fmtNum(m.commits) + ' commits, no added lines: AI share unknown';
        } else {
          attrs = { class: 'cell', fill: heat(m.aiLineShare) };
          tip = where + fmtNum(m.aiAdded) + ' of ' + fmtNum(m.added) + ' added lines by AI (' +
            fmtPct(m.aiLineShare) + '); ' + fmtNum(m.aiCommits) + ' of ' + fmtNum(m.commits) + ' commits';
        }
        attrs.x = r1(L + i * cw); attrs.y = y; attrs.width = r1(Math.max(cw, 1)); attrs.height = rowH;
        s.appendChild(svg('rect', attrs, svg('title', null, tip)));
      });
    });
    var xOf = function (i) { return L + (i + 0.5) * cw; };
    monthAxis(s, tl, xOf, T + dirs.length * rowH, pw);
  }

  // ---- header, summary, tables
  function header(data) {
    var meta = byId('meta');
    append(meta, ['Generated on ', text(data.generated_on), ' by ', text(data.tool), '.']);
    if (data.schema_version !== 1) {
      var v = data.schema_version === undefined ? 'missing' : clip(JSON.stringify(data.schema_version), 40);
      meta.parentNode.insertBefore(el('p', { class: 'error' },
        'This page reads schema_version 1; this report\'s is ' + v + ': some numbers may be missing.'), meta.nextSibling);
    }
    var repos = arr(data.repositories).filter(isObj);
    var box = byId('repositories');
    if (!repos.length) { box.appendChild(el('p', { class: 'muted' }, 'No repository listed.')); return; }
    var rows = repos.map(function (r) {
      return el('tr', null, [
        el('td', { class: 'name' }, text(r.name)),
        el('td', { class: 'mono' }, str(r.range) === null ? 'all history' : str(r.range)),
        el('td', { class: 'mono', title: text(r.head) }, short(r.head)),
        el('td', { class: 'num' }, fmtNum(r.commits)),
        el('td', null, text(r.first_day)),
        el('td', null, text(r.last_day))
      ]);
    });
    box.appendChild(table([['Repository'], ['Range'], ['Head'], ['Commits', 'num'], ['First day'], ['Last day']], rows));
  }

  // heads: [text, class] pairs; a numeric column's class is 'num'.
  function table(heads, rows) {
    return el('div', { class: 'table-wrap' }, el('table', null, [
      el('thead', null, el('tr', null, heads.map(function (h) {
        return el('th', { scope: 'col', class: h[1] }, h[0]);
      }))),
      el('tbody', null, rows)
    ]));
  }

  // The columns of the summary and of every breakdown table.
  var COLUMNS = [
    ['Commits', function (m) { return fmtNum(m.commits); }],
    ['Added lines', function (m) { return fmtNum(m.added); }],
    ['AI commits', function (m) { return share(m.aiShare, m.aiCommits, m.commits); }],
    ['AI lines', function (m) { return share(m.aiLineShare, m.aiAdded, m.added); }],
    ['Disclosed', function (m) { return share(m.disclosure, m.disclosed, m.required); }],
    ['Review coverage', function (m) { return share(m.review, m.reviewed, m.protectedAi); }],
    ['Denied', function (m) { return fmtNum(m.denied); }],
    ['Secrets in', function (m) { return fmtNum(m.secretsIn); }],
    ['Secrets removed', function (m) { return fmtNum(m.secretsOut); }],
    ['MTTR', function (m) { return fmtMean(m.mttr, 'd'); }],
    ['Review latency', function (m) { return fmtMean(m.latency, 'h'); }],
    ['Bulk', function (m) { return fmtNum(m.bulk); }],
    ['Unjudged', function (m) { return fmtNum(m.unjudged); }]
  ];

  function summary(data) {
    var m = metrics(data.totals);
    var still = m.secretsIn !== null && m.secretsOut !== null ? m.secretsIn - m.secretsOut : null;
    var cards = [
      ['Commits', fmtNum(m.commits), fmtNum(m.added) + ' added lines'],
      ['AI share of commits', fmtPct(m.aiShare), fmtNum(m.aiCommits) + ' of ' + fmtNum(m.commits) + ' commits'],
      ['AI share of added lines', fmtPct(m.aiLineShare), fmtNum(m.aiAdded) + ' of ' + fmtNum(m.added) + ' lines'],
      ['Disclosure', fmtPct(m.disclosure), fmtNum(m.disclosed) + ' of ' + fmtNum(m.required) + ' that needed it'],
      ['Review coverage', fmtPct(m.review), fmtNum(m.reviewed) + ' of ' + fmtNum(m.protectedAi) + ' protected AI commits'],
      ['Commits denied', fmtNum(m.denied), fmtNum(m.warned) + ' warned'],
      ['Secrets introduced', fmtNum(m.secretsIn), still === null ? '' : fmtNum(still) + ' not removed'],
      ['Secrets removed', fmtNum(m.secretsOut), ''],
      ['Mean time to remove', fmtMean(m.mttr, 'days'), m.mttr === null ? 'no secret removed' :
        fmtNum(ratio(m.remCommits, m.secretsOut), 1) + ' commits on average'],
      ['Mean review latency', fmtMean(m.latency, 'hours'), 'over ' + fmtNum(m.latCount) + ' reviews'],
      ['Bulk commits', fmtNum(m.bulk), ''],
      ['Unjudged commits', fmtNum(m.unjudged), 'not evaluated']
    ];
    append(byId('cards'), cards.map(function (c) {
      return el('div', { class: 'card' }, [
        el('div', { class: 'label' }, c[0]), el('div', { class: 'value' }, c[1]),
        c[2] ? el('div', { class: 'detail' }, c[2]) : null
      ]);
    }));
    var t = obj(data.totals), box = byId('breakdowns');
    [['AI commits by tool', t.ai_by_tool], ['AI commits by evidence strength', t.ai_by_strength],
      ['Violations by policy', t.violations]].forEach(function (b) {
      var map = obj(b[1]);
      var keys = Object.keys(map).sort(function (x, y) {
        return (num(own(map, y)) || 0) - (num(own(map, x)) || 0) || (x < y ? -1 : x > y ? 1 : 0);
      });
      box.appendChild(el('h3', null, b[0]));
      box.appendChild(keys.length ? el('ul', { class: 'kv' }, keys.map(function (k) {
        return el('li', null, [el('span', { class: 'mono' }, k), ': ', fmtNum(own(map, k))]);
      })) : el('p', { class: 'muted' }, 'none'));
    });
  }

  function countersTable(title, nameHead, map, order, limit) {
    map = obj(map);
    var keys = Object.keys(map).sort(order);
    var box = byId('tables');
    box.appendChild(el('h3', null, title));
    if (!keys.length) { box.appendChild(el('p', { class: 'muted' }, 'none')); return; }
    var rows = keys.slice(0, limit).map(function (k) {
      var m = metrics(own(map, k));
      return el('tr', null, [el('td', { class: 'name' }, k)].concat(COLUMNS.map(function (c) {
        return el('td', { class: 'num' }, c[1](m));
      })));
    });
    box.appendChild(table([[nameHead]].concat(COLUMNS.map(function (c) { return [c[0], 'num']; })), rows));
    if (keys.length > limit) {
      box.appendChild(el('p', { class: 'muted' }, (keys.length - limit) + ' more not shown (the top ' + limit + ' are).'));
    }
  }

  function tables(data) {
    countersTable('By path tier', 'Tier', data.by_tier, byTier, Infinity);
    countersTable('By code class', 'Class', data.by_class, byField(obj(data.by_class), 'commits'), Infinity);
    countersTable('By top-level directory (most added lines)', 'Directory', data.by_dir,
      byField(obj(data.by_dir), 'added_lines'), MAX_ROWS);
    countersTable('By author (most commits)', 'Author', data.by_author,
      byField(obj(data.by_author), 'commits'), MAX_ROWS);
  }

  function secrets(data) {
    var list = arr(data.secrets).filter(isObj), box = byId('secrets');
    if (!list.length) { box.appendChild(el('p', { class: 'muted' }, 'No secret was introduced.')); return; }
    var rows = list.map(function (s) {
      var removed = str(s.removed_in) !== null;
      return el('tr', null, [
        el('td', { class: 'mono' }, text(s.rule_id)),
        el('td', { class: 'name mono' }, text(s.path)),
        el('td', { class: 'mono', title: text(s.commit) }, short(s.commit)),
        el('td', null, text(s.introduced_on)),
        removed ? el('td', { class: 'mono', title: text(s.removed_in) }, short(s.removed_in))
          : el('td', { class: 'error' }, 'still present'),
        el('td', null, text(s.removed_on)),
        el('td', { class: 'num' }, fmtNum(s.commits_to_remove)),
        el('td', { class: 'num' }, fmtNum(s.days_to_remove, 1))
      ]);
    });
    box.appendChild(table([['Rule'], ['Path'], ['Introduced in'], ['Introduced on'], ['Removed in'],
      ['Removed on'], ['Commits to remove', 'num'], ['Days to remove', 'num']], rows));
  }

  function notes(data) {
    var list = arr(data.notes), box = byId('notes');
    if (!list.length) { box.appendChild(el('li', { class: 'muted' }, 'none')); return; }
    append(box, list.map(function (n) {
      var s = str(n);
      return el('li', null, s === null ? clip(JSON.stringify(n) || String(n), 500) : s);
    }));
  }

  function guard(name, f) {
    try { f(); return true; } catch (e) {
      reportError(name + ': ' + (e && e.stack ? e.stack : String(e)));
      return false;
    }
  }

  var data = {};
  guard('report data', function () {
    data = obj(JSON.parse(byId('report-data').textContent));
  });
  var tl = [];
  guard('months', function () { tl = timeline(data.months); });
  guard('header', function () { header(data); });
  guard('summary', function () { summary(data); });
  var drawn = [
    guard('trend chart', function () { drawTrend(byId('trend'), tl); }),
    guard('tier chart', function () { drawTiers(byId('tiers'), tl, data.by_tier); }),
    guard('heat map', function () { drawHeatmap(byId('heatmap'), tl, data.by_dir); })
  ].filter(Boolean).length;
  guard('tables', function () { tables(data); });
  guard('secrets', function () { secrets(data); });
  guard('notes', function () { notes(data); });
  document.documentElement.dataset.charts = String(drawn);
})();
