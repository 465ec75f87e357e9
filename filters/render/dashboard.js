/*
 * pulse-render --format html: draws the dashboard from the JSON block
 * #pulse-data ({lang, title, as_of, words, records}).
 *
 * The records are pulse-funnel's: a view is the set of funnel records with
 * one group ({} for the whole period, {"source": "avito"} for one source,
 * ...).  Picking a source or a manager shows that group's view, so every
 * table and chart is pulse-funnel's own numbers for it; picking it again
 * goes back to {}.  Text from the data only ever reaches the page through
 * textContent and setAttribute, never as markup, and with its control
 * characters (C0, DEL, C1) as spaces (clean); a table's CSV has them as
 * U+FFFD, as pulse-render --format csv writes them.
 */
(function () {
	'use strict';

	/*
	 * The fractions pulse-funnel derives (shares, conversions, means) come
	 * in full precision; the page shows them as pulse-funnel once wrote
	 * them, rounded half away from zero on their decimal digits to these
	 * decimals, fixed (as pulse-render --format csv does).
	 */
	var DECIMALS = {share: 4, conversion: 4, change_share: 4, mean_per_day: 2, days_mean: 1};

	/* The JSON number text s rounded to dec decimals ("0.1235"), or null */
	function roundText(s, dec) {
		var m = /^(-?)([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/.exec(s);
		if (!m)
			return null;
		var digits = m[2] + (m[3] || '');
		var keep = m[2].length + (m[4] ? parseInt(m[4], 10) : 0) + dec;
		if (keep > 100000)
			return null;
		var up = keep >= 0 && keep < digits.length && digits.charAt(keep) >= '5';
		var d = keep > 0 ? digits.slice(0, keep).split('') : [];
		while (d.length < keep)
			d.push('0');
		for (var j = d.length - 1; up && j >= 0; j--) {
			up = d[j] === '9';
			d[j] = up ? '0' : String(+d[j] + 1);
		}
		var t = (up ? '1' : '') + d.join('');
		while (t.length < dec + 1)
			t = '0' + t;
		var ip = t.slice(0, t.length - dec).replace(/^0+(?=[0-9])/, '');
		return (m[1] && /[1-9]/.test(digits) ? '-' : '') + ip + (dec ? '.' + t.slice(t.length - dec) : '');
	}

	/*
	 * Numbers keep the text they had in the records ("0.2500"), where the
	 * browser tells it (JSON.parse source text access), or the text they
	 * are shown with, so a table's CSV is the one pulse-render --format
	 * csv writes.
	 */
	var RAW = new WeakMap();

	function setRaw(o, k, text) {
		var m = RAW.get(o);
		if (!m)
			RAW.set(o, m = Object.create(null));
		m[k] = text;
	}

	var D = JSON.parse(document.getElementById('pulse-data').textContent, function (k, v, ctx) {
		var src = ctx && typeof ctx.source === 'string' ? ctx.source : undefined;
		if (typeof v !== 'number')
			return v;
		if (this && this.kind === 'funnel' && Object.prototype.hasOwnProperty.call(DECIMALS, k)) {
			var t = roundText(src !== undefined ? src : String(v), DECIMALS[k]);
			if (t !== null) {
				setRaw(this, k, t);
				return parseFloat(t);
			}
		}
		if (src !== undefined && src !== String(v))
			setRaw(this, k, src);
		return v;
	});
	var W = D.words || {};
	var RU = D.lang === 'ru';
	var SVGNS = 'http://www.w3.org/2000/svg';
	var DIMS = ['source', 'manager', 'utm_campaign', 'ad_group', 'month', 'quarter'];
	var CTRL = /[\u0000-\u001f\u007f-\u009f]/g;

	function w(k) {
		return Object.prototype.hasOwnProperty.call(W, k) ? W[k] : k;
	}

	/* Text from the data as the page shows it: control characters as spaces */
	function clean(s) {
		return String(s).replace(CTRL, ' ');
	}

	/* ---- the views -------------------------------------------------- */

	/* one key per (dimension, value), null apart from every string */
	function vkey(dim, val) {
		return JSON.stringify([dim, val === undefined ? null : val]);
	}

	var views = Object.create(null); /* key -> table -> rows */
	var dimValues = Object.create(null); /* dim -> [values] */
	var present = Object.create(null); /* table -> true when any view has it */
	var nfunnel = 0;
	(function index() {
		var seen = Object.create(null);
		(D.records || []).forEach(function (r) {
			if (!r || r.kind !== 'funnel' || typeof r.table !== 'string')
				return;
			nfunnel++;
			var g = r.group && typeof r.group === 'object' ? r.group : {};
			var ks = Object.keys(g), key = '';
			if (ks.length) {
				key = vkey(ks[0], g[ks[0]]);
				if (!seen[key]) {
					seen[key] = true;
					(dimValues[ks[0]] || (dimValues[ks[0]] = [])).push(g[ks[0]]);
				}
			}
			var v = views[key] || (views[key] = Object.create(null));
			(v[r.table] || (v[r.table] = [])).push(r);
			present[r.table] = true;
		});
	})();

	/*
	 * The names the portal gives codes (pulse-extract bitrix --statuses,
	 * --categories): stages per entity, sources, deal pipelines.  A code
	 * without a name is shown as it is; a named one keeps its code in the
	 * cell's tooltip and in the CSV.
	 */
	var NAMES = {stage: Object.create(null), source: Object.create(null), category: Object.create(null)};
	var CRMSRC = Object.create(null); /* source name -> SOURCE_ID */
	(D.records || []).forEach(function (r) {
		if (!r || r.kind !== 'name' || typeof r.code !== 'string' || typeof r.name !== 'string' ||
		    !Object.prototype.hasOwnProperty.call(NAMES, r.of))
			return;
		var k = r.of === 'stage' ? vkey(r.entity, r.code) : r.code;
		if (!(k in NAMES[r.of])) /* the first name of a code */
			NAMES[r.of][k] = r.name;
		if (r.of === 'source' && !(r.name in CRMSRC))
			CRMSRC[r.name] = r.code;
	});

	/*
	 * A source that is the name of a Bitrix SOURCE_ID: pulse-utm
	 * --crm-source gave it to leads without UTM (utm_origin crm_source).
	 */
	function crmSource(v) {
		return typeof v === 'string' && v in CRMSRC ? CRMSRC[v] : null;
	}

	/* The name of code v (of 'stage' of entity, 'source', 'category'), or null */
	function named(of, v, entity) {
		if (v === null || v === undefined)
			return null;
		var k = of === 'stage' ? vkey(entity, String(v)) : String(v);
		return k in NAMES[of] ? NAMES[of][k] : null;
	}

	var filter = null; /* {dim, val} or null */
	var sorts = Object.create(null); /* table id -> {k, dir} */
	var shown = Object.create(null); /* table id -> {rows, cols}, for CSV */

	function view() {
		return views[filter ? vkey(filter.dim, filter.val) : ''] || null;
	}

	function rowsOf(table) {
		var v = view();
		return v && v[table] ? v[table] : [];
	}

	/* "(none)" in a column is the null of the group */
	function groupVal(v) {
		return v === '(none)' ? null : v;
	}

	function canPick(dim, v) {
		return !!views[vkey(dim, groupVal(v))];
	}

	function isOn(dim, v) {
		return !!filter && filter.dim === dim && filter.val === groupVal(v);
	}

	function pick(dim, v) {
		v = groupVal(v);
		filter = filter && filter.dim === dim && filter.val === v ? null : {dim: dim, val: v};
		draw();
	}

	/* ---- numbers, money, dates as text -------------------------------- */

	var NF = numfmt(0, 0);

	function numfmt(min, max) {
		try {
			return new Intl.NumberFormat(RU ? 'ru-RU' : 'en-US', {minimumFractionDigits: min, maximumFractionDigits: max});
		} catch (e) {
			return {format: function (n) { return n.toFixed(max); }};
		}
	}
	var NF1 = numfmt(1, 1), NF2 = numfmt(0, 2);

	function fint(n) {
		return typeof n === 'number' ? NF.format(n) : '\u2014';
	}

	function fnum(n, d) {
		return typeof n === 'number' ? (d === 1 ? NF1 : NF2).format(n) : '\u2014';
	}

	function fpct(x, signed) {
		if (typeof x !== 'number')
			return '\u2014';
		var s = NF1.format(x * 100);
		if (signed && x > 0)
			s = '+' + s;
		return s + (RU ? '\u00a0%' : '%');
	}

	/* An exact decimal string with digit groups: "1234567.5" -> "1,234,567.5" */
	function fdec(s) {
		var m = /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(String(s));
		if (!m)
			return String(s);
		var sep = RU ? '\u00a0' : ',', i = m[2], out = '';
		while (i.length > 3) {
			out = sep + i.slice(-3) + out;
			i = i.slice(0, -3);
		}
		out = m[1] + i + out;
		return m[3] !== undefined ? out + (RU ? ',' : '.') + m[3] : out;
	}

	function curs(m) {
		return m && typeof m === 'object' ? Object.keys(m).sort() : [];
	}

	/* one line per currency, never added across currencies */
	function fmoney(m) {
		var ks = curs(m);
		if (!ks.length)
			return '\u2014';
		return ks.map(function (c) {
			return (fdec(m[c]) + '\u00a0' + (c === 'XXX' ? '' : clean(c))).trim();
		}).join('\n');
	}

	/* Exact decimals as BigInt with a scale, for the totals */
	function dparse(s) {
		var m = /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(String(s));
		if (!m)
			return null;
		var f = m[3] || '';
		return {v: BigInt(m[1] + m[2] + f), s: f.length};
	}

	function dscale(a, s) {
		return a.v * BigInt(Math.pow(10, s - a.s));
	}

	function dadd(a, b) {
		var s = Math.max(a.s, b.s);
		return {v: dscale(a, s) + dscale(b, s), s: s};
	}

	function dstr(a) {
		var neg = a.v < 0n, t = (neg ? -a.v : a.v).toString();
		if (a.s > 0) {
			while (t.length <= a.s)
				t = '0' + t;
			t = t.slice(0, -a.s) + '.' + t.slice(-a.s);
		}
		return (neg ? '-' : '') + t;
	}

	/* a / n rounded half away from zero to max(2, a's scale) decimals */
	function ddiv(a, n) {
		var s = Math.max(2, a.s), num = dscale(a, s) * 2n, den = BigInt(n) * 2n;
		var q = num / den, r = num % den;
		if ((r < 0n ? -r : r) * 2n >= den)
			q += num < 0n ? -1n : 1n;
		return {v: q, s: s};
	}

	function msum(rows, k) {
		var acc = {};
		rows.forEach(function (r) {
			curs(r[k]).forEach(function (c) {
				var d = dparse(r[k][c]);
				if (d)
					acc[c] = acc[c] ? dadd(acc[c], d) : d;
			});
		});
		return acc;
	}

	function mstr(acc) {
		var out = {};
		Object.keys(acc).forEach(function (c) { out[c] = dstr(acc[c]); });
		return out;
	}

	/* The sort value of money: its first currency's amount */
	function mval(m) {
		var ks = curs(m);
		return ks.length ? parseFloat(m[ks[0]]) : null;
	}

	/* "2024-01-14T15:15:00+03:00" as the export's own local time */
	function fdate(s) {
		var m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}:[0-9]{2}))?/.exec(String(s || ''));
		if (!m)
			return s ? clean(s) : '\u2014';
		var d = RU ? m[3] + '.' + m[2] + '.' + m[1] : m[1] + '-' + m[2] + '-' + m[3];
		return m[4] ? d + ' ' + m[4] : d;
	}

	/* a code as its name, when the portal gives one */
	function nval(of, v, entity) {
		var n = named(of, v, entity);
		return n === null ? fval(v) : clean(n);
	}

	/* the code behind a named cell, for its tooltip; null when not named */
	function codeOf(c, r) {
		var of = {stage: 'stage', src: 'source', cat: 'category'}[c.t];
		if (c.t === 'src' && crmSource(r[c.k]) !== null)
			return w('crm_source_tip').replace('%1', crmSource(r[c.k]));
		return of && named(of, r[c.k], r.entity) !== null ? String(r[c.k]) : null;
	}

	function fval(v) {
		if (v === null || v === undefined || v === '')
			return '\u2014';
		if (v === '(none)')
			return w('none');
		if (v === '(no stage)')
			return w('no_stage');
		return clean(v);
	}

	/* ---- DOM helpers -------------------------------------------------- */

	function h(tag, cls, text, parent) {
		var e = document.createElement(tag);
		if (cls)
			e.className = cls;
		if (text !== undefined && text !== null)
			e.textContent = text;
		if (parent)
			parent.appendChild(e);
		return e;
	}

	function s(tag, attrs, parent) {
		var e = document.createElementNS(SVGNS, tag);
		Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
		if (parent)
			parent.appendChild(e);
		return e;
	}

	function stext(parent, x, y, text, attrs) {
		var t = s('text', Object.assign({x: x, y: y}, attrs || {}), parent);
		t.textContent = text;
		return t;
	}

	/* Cuts an SVG text with an ellipsis until it is at most width wide */
	function fit(t, width) {
		var full = t.textContent, n = full.length;
		try {
			while (n > 1 && t.getComputedTextLength() > width)
				t.textContent = full.slice(0, --n) + '\u2026';
		} catch (e) {
			/* not laid out: leave it whole */
		}
		return t;
	}

	/* the card of lead or deal id in the portal (--portal-url), or null */
	function cardUrl(entity, id) {
		if (typeof D.portal !== 'string' || !/^https?:\/\/[^\s"'<>\\?#`]+$/.test(D.portal) ||
		    (entity !== 'lead' && entity !== 'deal') || id === null || id === undefined || id === '')
			return null;
		return D.portal + '/crm/' + entity + '/details/' + encodeURIComponent(String(id)) + '/';
	}

	/* a count that opens the list of its leads or deals (the explore section) */
	function openable(el, spec) {
		el.classList.add('open');
		el.setAttribute('role', 'button');
		el.setAttribute('tabindex', '0');
		el.title = w('open_title');
		var go = function () {
			if (window.pulse.open)
				window.pulse.open(withView(spec));
		};
		el.addEventListener('click', go);
		el.addEventListener('keydown', function (e) {
			if (e.key === 'Enter' || e.key === ' ') {
				e.preventDefault();
				go();
			}
		});
		return el;
	}

	/* a spec for the list, narrowed to the view the page shows */
	function withView(spec) {
		var out = {};
		Object.keys(spec).forEach(function (k) { out[k] = spec[k]; });
		if (filter && !(filter.dim in out))
			out[filter.dim] = filter.val;
		return out;
	}

	function pickable(el, dim, v) {
		if (!canPick(dim, v))
			return el;
		el.classList.add('pick');
		if (isOn(dim, v))
			el.classList.add('on');
		el.setAttribute('role', 'button');
		el.setAttribute('tabindex', '0');
		el.title = w('d_' + dim) + ': ' + fval(v);
		el.addEventListener('click', function () { pick(dim, v); });
		el.addEventListener('keydown', function (e) {
			if (e.key === 'Enter' || e.key === ' ') {
				e.preventDefault();
				pick(dim, v);
			}
		});
		return el;
	}

	function legend(parent, items) {
		var l = h('div', 'legend', null, parent);
		items.forEach(function (it) {
			var span = h('span', null, null, l);
			h('i', null, null, span).style.background = it[1];
			span.appendChild(document.createTextNode(it[0]));
		});
		return l;
	}

	var COLORS = ['#2f6fdb', '#17a2b8', '#2e9d5b', '#e0a02a', '#8e5ed6', '#d9534f', '#5b6b7f', '#c2185b'];
	var SEMCOLOR = {P: '#2f6fdb', S: '#2e9d5b', F: '#d9534f'};

	/* ---- CSV, as pulse-render --format csv writes a funnel table ------- */

	function csvCell(v, raw) {
		var t;
		if (v === null || v === undefined)
			return '';
		if (typeof v === 'object')
			t = JSON.stringify(v);
		else if (typeof v === 'number' && raw !== undefined)
			t = raw;
		else
			t = String(v);
		/* what CSV cannot carry (tab, CR and LF it can, quoted) */
		t = t.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '\ufffd');
		var formula = /^[=+\-@\t\r]/.test(t) && !/^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(t);
		var quote = /[,"\r\n]/.test(t);
		if (formula)
			t = "'" + t;
		return quote ? '"' + t.replace(/"/g, '""') + '"' : t;
	}

	function csvText(rows) {
		var cols = [], idx = Object.create(null), lines = [];
		function rawOf(o, k) {
			var m = RAW.get(o);
			return m ? m[k] : undefined;
		}
		function each(r, fn) {
			Object.keys(r).forEach(function (k) {
				var v = r[k];
				if (k === 'kind' || k === 'table')
					return;
				if (v && typeof v === 'object' && !Array.isArray(v))
					Object.keys(v).forEach(function (k2) { fn(k + '.' + k2, v[k2], rawOf(v, k2)); });
				else
					fn(k, v, rawOf(r, k));
			});
		}
		rows.forEach(function (r) {
			each(r, function (k) {
				if (!(k in idx)) {
					idx[k] = cols.length;
					cols.push(k);
				}
			});
		});
		if (!cols.length)
			return '';
		lines.push(cols.map(function (c) { return csvCell(c); }).join(','));
		rows.forEach(function (r) {
			var cells = cols.map(function () { return ''; });
			each(r, function (k, v, raw) { cells[idx[k]] = csvCell(v, raw); });
			lines.push(cells.join(','));
		});
		return lines.join('\r\n') + '\r\n';
	}

	function download(id) {
		var t = shown[id];
		if (!t)
			return;
		var name = id + (filter ? '-' + filter.dim + '-' + (filter.val === null ? 'none' : filter.val) : '');
		name = name.replace(/[^0-9A-Za-z\u0400-\u04ff._-]+/g, '_') + '.csv';
		var blob = new Blob(['\ufeff' + csvText(t.rows)], {type: 'text/csv;charset=utf-8'});
		var a = document.createElement('a');
		a.href = URL.createObjectURL(blob);
		a.download = name;
		document.body.appendChild(a);
		a.click();
		setTimeout(function () {
			URL.revokeObjectURL(a.href);
			a.remove();
		}, 0);
	}

	/* ---- sortable tables ---------------------------------------------- */

	/*
	 * cols: [{k: member, t: 'str'|'int'|'num1'|'num2'|'pct'|'spct'|'money'|'date'|'chg'|'sem'|'ent',
	 *         pick: dim, wrap: true}]
	 */
	function sortval(c, r) {
		var v = r[c.k];
		if (c.t === 'pv')
			return v && typeof v === 'object' ? v.leads : null;
		if (c.t === 'money')
			return mval(v);
		if (v === null || v === undefined || v === '(none)' || v === '(no stage)')
			return null;
		return v;
	}

	function sorted(id, cols, rows) {
		var st = sorts[id];
		if (!st)
			return rows.slice();
		var c = cols.filter(function (x) { return x.k === st.k; })[0];
		if (!c)
			return rows.slice();
		return rows.map(function (r, i) { return [r, i]; }).sort(function (a, b) {
			var x = sortval(c, a[0]), y = sortval(c, b[0]), d;
			if (x === null || y === null)
				d = x === null ? (y === null ? 0 : 1) : -1; /* nulls last */
			else {
				d = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), D.lang);
				d *= st.dir;
			}
			return d || a[1] - b[1];
		}).map(function (x) { return x[0]; });
	}

	function cellText(c, r) {
		var v = r[c.k];
		switch (c.t) {
		case 'int': return fint(v);
		case 'num1': return fnum(v, 1);
		case 'num2': return fnum(v, 2);
		case 'pct': return fpct(v);
		case 'spct': return fpct(v, true);
		case 'money': return fmoney(v);
		case 'date': return fdate(v);
		case 'chg': return typeof v === 'number' ? (v > 0 ? '+' : '') + fint(v) : '\u2014';
		case 'sem': return v ? w('sem_' + v) : '\u2014';
		case 'ent': return v ? w('ent_' + v) : '\u2014';
		case 'stage': return nval('stage', v, r.entity);
		case 'src': return nval('source', v);
		case 'cat': return nval('category', v);
		case 'pv': return v && typeof v === 'object' ? fint(v.leads) + (typeof v.change === 'number' ? ' (' + (v.change > 0 ? '+' : '') + fint(v.change) + ')' : '') : '\u2014';
		case 'min': return window.pulse.fmin ? window.pulse.fmin(v) : fnum(v, 0);
		default: return fval(v);
		}
	}

	var MAXROWS = 500;
	var NUMERIC = {int: 1, num1: 1, num2: 1, pct: 1, spct: 1, money: 1, chg: 1, min: 1, pv: 1};

	function table(parent, id, cols, rows, caption) {
		var box = h('div', 'tbl', null, parent);
		box.setAttribute('data-table', id);
		var tools = h('div', 'tools', null, box);
		h('span', 'cap', caption || '', tools);
		var btn = h('button', 'csv', w('csv'), tools);
		btn.type = 'button';
		btn.title = w('csv_title');
		btn.addEventListener('click', function () { download(id); });
		var scroll = h('div', 'tablebox', null, box);
		var t = h('table', null, null, scroll);
		var tr = h('tr', null, null, h('thead', null, null, t));
		var st = sorts[id];
		cols.forEach(function (c) {
			var th = h('th', NUMERIC[c.t] ? 'n' : null, c.label || w('c_' + c.k), tr);
			th.title = w('sort_title');
			th.setAttribute('data-k', c.k);
			th.tabIndex = 0;
			if (st && st.k === c.k)
				th.setAttribute('aria-sort', st.dir > 0 ? 'ascending' : 'descending');
			th.addEventListener('click', function () {
				var cur = sorts[id];
				if (cur && cur.k === c.k)
					sorts[id] = {k: c.k, dir: -cur.dir};
				else
					sorts[id] = {k: c.k, dir: NUMERIC[c.t] ? -1 : 1};
				var fresh = table(document.createDocumentFragment(), id, cols, rows, caption);
				box.replaceWith(fresh);
				var again = fresh.querySelector('th[data-k="' + c.k + '"]');
				if (again && document.activeElement === document.body)
					again.focus({preventScroll: true});
			});
			th.addEventListener('keydown', function (e) {
				if (e.key === 'Enter' || e.key === ' ') {
					e.preventDefault();
					th.click();
				}
			});
		});
		var body = h('tbody', null, null, t);
		var rs = sorted(id, cols, rows);
		/* a page of thousands of rows is slow to draw: the CSV has them all */
		if (rs.length > MAXROWS)
			h('p', 'cap', w('rows_shown').replace('%1', fint(MAXROWS)).replace('%2', fint(rs.length)), box);
		rs.slice(0, MAXROWS).forEach(function (r) {
			var row = h('tr', null, null, body);
			cols.forEach(function (c) {
				var td = h('td', NUMERIC[c.t] ? (c.t === 'money' ? 'n m' : 'n') : (c.wrap ? 't' : null), null, row);
				var text = cellText(c, r), code = codeOf(c, r), spec = c.open ? c.open(r) : null, url;
				if (c.pick) {
					pickable(h('span', null, text, td), c.pick, r[c.k]);
				} else if (spec && D.items && D.items.length && r[c.k]) {
					openable(h('span', null, text, td), spec);
				} else if (c.link && (url = cardUrl(r.entity, r[c.k]))) {
					var a = h('a', null, text, td);
					a.setAttribute('href', url);
					a.setAttribute('target', '_blank');
					a.setAttribute('rel', 'noopener noreferrer');
				} else {
					td.textContent = text;
				}
				if (code !== null)
					td.title = clean(code);
				if (c.t === 'chg' || c.t === 'spct') {
					if (r[c.k] > 0)
						td.classList.add('up');
					else if (r[c.k] < 0)
						td.classList.add('down');
				}
			});
		});
		shown[id] = {rows: rs, cols: cols};
		return box;
	}

	/* ---- charts ------------------------------------------------------- */

	/*
	 * Horizontal bars: items [{label, bars: [[value, color]...] (drawn over
	 * each other, largest first), text, pick: [dim, value]}], values 0..max.
	 */
	function hbars(parent, items, max, opts) {
		opts = opts || {};
		var cw = parent.clientWidth || 500, W0 = opts.width || (cw < 400 ? Math.max(300, cw) : 500), LW = opts.labelWidth || 120, TW = opts.textWidth || 150, RH = 24; /* a phone: the card's width */
		var BW = W0 - LW - TW - 10;
		var svg = s('svg', {viewBox: '0 0 ' + W0 + ' ' + (items.length * RH + 6), width: W0, role: 'img'}, parent);
		if (opts.title)
			s('title', {}, svg).textContent = opts.title;
		items.forEach(function (it, i) {
			var y = i * RH + 3;
			var g = s('g', {}, svg);
			fit(stext(g, LW - 8, y + 15, it.label, {'text-anchor': 'end'}), LW - 12);
			s('rect', {x: LW, y: y + 3, width: BW, height: RH - 8, fill: '#f0f3f7', rx: 2}, g);
			it.bars.slice().sort(function (a, c) { return c[0] - a[0]; }).forEach(function (b) {
				var wd = max > 0 ? Math.max(b[0] > 0 ? 1.5 : 0, BW * b[0] / max) : 0;
				s('rect', {x: LW, y: y + 3, width: wd.toFixed(1), height: RH - 8, fill: b[1], rx: 2}, g);
			});
			stext(g, LW + BW + 8, y + 15, it.text, {'class': 'lbl'});
			var tip = s('title', {}, g);
			tip.textContent = it.label + (it.code ? ' (' + clean(it.code) + ')' : '') + ': ' + it.text;
			if (it.pick && canPick(it.pick[0], it.pick[1])) {
				g.setAttribute('class', 'click');
				g.addEventListener('click', function () { pick(it.pick[0], it.pick[1]); });
				if (isOn(it.pick[0], it.pick[1]))
					s('rect', {x: 0, y: y + 1, width: 4, height: RH - 4, fill: '#2f6fdb'}, g);
			}
		});
		return svg;
	}

	/* Grouped columns per x label: series [[name, color, values]] */
	function columns(parent, labels, series, opts) {
		var W0 = 500, H0 = 220, L = 44, B = 26, T = 10;
		var PW = W0 - L - 6, PH = H0 - B - T;
		var max = 0;
		series.forEach(function (se) { se[2].forEach(function (v) { max = Math.max(max, v || 0); }); });
		var top = niceMax(max);
		var svg = s('svg', {viewBox: '0 0 ' + W0 + ' ' + H0, width: W0, role: 'img'}, parent);
		if (opts && opts.title)
			s('title', {}, svg).textContent = opts.title;
		axisY(svg, L, T, PW, PH, top);
		var gw = PW / Math.max(1, labels.length), bw = Math.min(22, (gw - 8) / series.length);
		labels.forEach(function (lab, i) {
			var x0 = L + i * gw + (gw - bw * series.length) / 2;
			series.forEach(function (se, j) {
				var v = se[2][i] || 0, hh = top ? PH * v / top : 0;
				var r = s('rect', {x: (x0 + j * bw).toFixed(1), y: (T + PH - hh).toFixed(1), width: (bw - 1).toFixed(1), height: hh.toFixed(1), fill: se[1]}, svg);
				s('title', {}, r).textContent = lab + ' \u00b7 ' + se[0] + ': ' + fint(v);
			});
			if (labels.length <= 14 || i % Math.ceil(labels.length / 14) === 0)
				stext(svg, L + i * gw + gw / 2, H0 - 8, lab, {'text-anchor': 'middle', 'class': 'lbl'});
		});
		return svg;
	}

	/* Lines per series over x labels: series [[name, color, values]] */
	function lines(parent, labels, series, opts) {
		var W0 = 640, H0 = 220, L = 44, B = 26, T = 10;
		var PW = W0 - L - 16, PH = H0 - B - T;
		var max = 0;
		series.forEach(function (se) { se[2].forEach(function (v) { max = Math.max(max, v || 0); }); });
		var top = niceMax(max);
		var svg = s('svg', {viewBox: '0 0 ' + W0 + ' ' + H0, width: W0, role: 'img'}, parent);
		if (opts && opts.title)
			s('title', {}, svg).textContent = opts.title;
		axisY(svg, L, T, PW, PH, top);
		function xy(i, v) {
			return [(L + 8 + (labels.length > 1 ? i * (PW - 16) / (labels.length - 1) : PW / 2)).toFixed(1),
				(T + PH - (top ? PH * (v || 0) / top : 0)).toFixed(1)];
		}
		series.forEach(function (se) {
			/* a null (no value that month) breaks the line, with opts.gaps */
			var runs = [[]];
			se[2].forEach(function (v, i) {
				if (opts && opts.gaps && (v === null || v === undefined)) {
					if (runs[runs.length - 1].length)
						runs.push([]);
					return;
				}
				runs[runs.length - 1].push(xy(i, v).join(','));
			});
			runs.forEach(function (pts) {
				if (pts.length)
					s('polyline', {points: pts.join(' '), fill: 'none', stroke: se[1], 'stroke-width': 2}, svg);
			});
			se[2].forEach(function (v, i) {
				if (opts && opts.gaps && (v === null || v === undefined))
					return;
				var p = xy(i, v);
				var c = s('circle', {cx: p[0], cy: p[1], r: 3, fill: se[1]}, svg);
				s('title', {}, c).textContent = se[0] + ' \u00b7 ' + labels[i] + ': ' + (opts && opts.fmt ? opts.fmt(v) : fint(v || 0));
			});
		});
		labels.forEach(function (lab, i) {
			if (labels.length <= 14 || i % Math.ceil(labels.length / 14) === 0)
				stext(svg, xy(i, 0)[0], H0 - 8, lab, {'text-anchor': 'middle', 'class': 'lbl'});
		});
		return svg;
	}

	/* Every "YYYY-MM" from the first to the last of ms, none left out */
	function monthRange(ms) {
		ms = ms.filter(function (m) { return /^[0-9]{4}-[0-9]{2}$/.test(m); }).sort();
		if (!ms.length)
			return [];
		var out = [], y = +ms[0].slice(0, 4), mo = +ms[0].slice(5), last = ms[ms.length - 1];
		for (var i = 0; i < 600; i++) {
			var cur = y + '-' + (mo < 10 ? '0' : '') + mo;
			out.push(cur);
			if (cur >= last)
				break;
			if (++mo > 12) {
				mo = 1;
				y++;
			}
		}
		return out;
	}

	/* The top of an axis of four whole, round steps (1, 2 or 5 x 10^k) */
	function niceMax(v) {
		var step = Math.max(1, v / 4), p = Math.pow(10, Math.floor(Math.log10(step))), m = step / p;
		return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p * 4;
	}

	function axisY(svg, L, T, PW, PH, top) {
		for (var i = 0; i <= 4; i++) {
			var y = T + PH - PH * i / 4;
			s('line', {x1: L, x2: L + PW, y1: y, y2: y, 'class': 'axis'}, svg);
			stext(svg, L - 6, y + 4, fint(top * i / 4), {'text-anchor': 'end', 'class': 'lbl'});
		}
	}

	/* ---- the sections ------------------------------------------------- */

	function body(id) {
		var sec = document.getElementById('s-' + id);
		var b = sec.querySelector('.body');
		b.textContent = '';
		sec.classList.remove('empty');
		return b;
	}

	function empty(id, b, msg) {
		document.getElementById('s-' + id).classList.add('empty');
		h('p', null, msg || w('no_data'), b);
	}

	function drawSummary() {
		var b = body('summary');
		var months = rowsOf('dynamics').filter(function (r) { return r.period_type === 'month'; });
		if (!months.length) {
			empty('summary', b);
			return;
		}
		var sum = function (k) { return months.reduce(function (a, r) { return a + (r[k] || 0); }, 0); };
		var leads = sum('leads'), q = sum('qualified'), won = sum('won');
		var rev = msum(months, 'revenue'), rpl = {};
		Object.keys(rev).forEach(function (c) { rpl[c] = leads ? dstr(ddiv(rev[c], leads)) : null; });
		var box = h('div', 'kpis', null, b);
		[[w('k_leads'), fint(leads), fdate(months[0].period) + ' \u2013 ' + fdate(months[months.length - 1].period)],
		 [w('k_qualified'), fint(q), leads ? fpct(q / leads) : ''],
		 [w('k_won'), fint(won), leads ? fpct(won / leads) : ''],
		 [w('k_revenue'), fmoney(mstr(rev)), '', 'v m'],
		 [w('k_rpl'), leads ? fmoney(rpl) : '\u2014', '', 'v m']].forEach(function (k) {
			var c = h('div', 'kpi', null, box);
			h('div', 'l', k[0], c);
			h('div', k[3] || 'v', k[1], c);
			h('div', 'l', k[2], c);
		});
	}

	function pipelines(rows) {
		var out = [], by = Object.create(null);
		rows.forEach(function (r) {
			var k = JSON.stringify([r.entity, r.category === undefined ? null : r.category]);
			if (!by[k]) {
				by[k] = {entity: r.entity, category: r.category, rows: []};
				out.push(by[k]);
			}
			by[k].rows.push(r);
		});
		return out;
	}

	function drawFunnel() {
		var b = body('funnel');
		var rows = rowsOf('stages');
		if (!rows.length) {
			empty('funnel', b);
			return;
		}
		var wrap = h('div', 'twocol', null, b);
		var left = h('div', null, null, wrap), right = h('div', null, null, wrap);
		pipelines(rows).forEach(function (p) {
			var box = h('div', 'pipe', null, left);
			var head = w(p.entity === 'deal' ? 'e_deal' : 'e_lead');
			if (p.entity === 'deal' && p.category !== null && p.category !== undefined)
				head += ' \u00b7 ' + (named('category', p.category) !== null ? nval('category', p.category) : w('pipeline') + ' ' + clean(p.category));
			head += ' (' + fint(p.rows.length ? p.rows[0].total : 0) + ')';
			h('h3', null, head, box);
			var order = p.rows.slice().sort(function (a, c) {
				return (a.position || 1e9) - (c.position || 1e9);
			});
			hbars(box, order.map(function (r) {
				var t = fint(r.reached) + ' \u00b7 ' + fpct(r.share);
				if (typeof r.conversion === 'number')
					t += '  \u2192 ' + fpct(r.conversion);
				return {label: nval('stage', r.stage, r.entity), code: named('stage', r.stage, r.entity) !== null ? r.stage : null, bars: [[r.share || 0, r.semantic ? SEMCOLOR[r.semantic] || '#5b6b7f' : '#aab4c0']], text: t};
			}), 1, {title: head});
		});
		legend(left, [[w('sem_P'), SEMCOLOR.P], [w('sem_S'), SEMCOLOR.S], [w('sem_F'), SEMCOLOR.F], [w('no_stage'), '#aab4c0']]);
		table(right, 'stages', [
			{k: 'entity', t: 'ent'}, {k: 'category', t: 'cat'}, {k: 'stage', t: 'stage'},
			{k: 'reached', t: 'int', open: function (r) { return {e: r.entity, stage: r.stage, category: r.category === undefined ? null : r.category}; }},
			{k: 'share', t: 'pct'}, {k: 'from_previous', t: 'int'}, {k: 'conversion', t: 'pct'}], rows);
	}

	function drawDropoff() {
		var b = body('dropoff');
		var rows = rowsOf('dropoff');
		if (!rows.length)
			return empty('dropoff', b);
		table(b, 'dropoff', [
			{k: 'entity', t: 'ent'}, {k: 'category', t: 'cat'}, {k: 'stage', t: 'stage'}, {k: 'lost_stage', t: 'stage'},
			{k: 'loss_reason', wrap: true}, {k: 'count', t: 'int'}], rows);
		/* the reasons, whatever the stage: their share of the lost records */
		var by = Object.create(null), order = [], tot = Object.create(null);
		rows.forEach(function (r) {
			var k = vkey(r.entity, r.loss_reason);
			if (!by[k]) {
				by[k] = {entity: r.entity, loss_reason: r.loss_reason, count: 0};
				order.push(by[k]);
			}
			by[k].count += r.count || 0;
			tot[r.entity] = (tot[r.entity] || 0) + (r.count || 0);
		});
		order.forEach(function (r) { r.share = tot[r.entity] ? r.count / tot[r.entity] : null; });
		order.sort(function (a, c) { return String(a.entity).localeCompare(String(c.entity)) || c.count - a.count; });
		table(b, 'loss_reasons', [{k: 'entity', t: 'ent'}, {k: 'loss_reason', wrap: true}, {k: 'count', t: 'int'},
			{k: 'share', t: 'pct'}], order, w('t_loss_reasons'));
	}

	function drawSources() {
		var b = body('sources');
		var rows = rowsOf('sources');
		if (!rows.length)
			return empty('sources', b);
		var wrap = h('div', 'twocol', null, b);
		var left = h('div', null, null, wrap), right = h('div', null, null, wrap);
		var by = Object.create(null), order = [];
		rows.forEach(function (r) {
			var k = r.source;
			if (!by[k]) {
				by[k] = {source: k, leads: 0, qualified: 0, won: 0};
				order.push(by[k]);
			}
			by[k].leads += r.leads || 0;
			by[k].qualified += r.qualified || 0;
			by[k].won += r.won || 0;
		});
		order.sort(function (a, c) { return c.leads - a.leads || String(a.source).localeCompare(String(c.source)); });
		var top = order.slice(0, 15), max = top.length ? top[0].leads : 0;
		h('h3', null, w('ch_sources'), left);
		legend(left, [[w('c_leads'), '#9dbcf0'], [w('c_qualified'), '#2f6fdb'], [w('c_won'), '#2e9d5b']]);
		hbars(left, top.map(function (x) {
			return {label: nval('source', x.source), code: named('source', x.source) !== null ? x.source : null, bars: [[x.leads, '#9dbcf0'], [x.qualified, '#2f6fdb'], [x.won, '#2e9d5b']],
				text: fint(x.leads) + ' / ' + fint(x.qualified) + ' / ' + fint(x.won), pick: ['source', x.source]};
		}), max, {title: w('ch_sources'), textWidth: 120});
		table(right, 'sources', [
			{k: 'source', t: 'src', pick: 'source'}, {k: 'utm_campaign', wrap: true},
			{k: 'leads', t: 'int', open: function (r) { return {e: 'lead', source: groupVal(r.source), utm_campaign: groupVal(r.utm_campaign)}; }},
			{k: 'qualified', t: 'int'}, {k: 'won', t: 'int'}, {k: 'revenue', t: 'money'},
			{k: 'revenue_per_lead', t: 'money'}], rows);
		var crm = order.filter(function (x) { return crmSource(x.source) !== null; });
		if (crm.length) {
			var n = crm.reduce(function (a, x) { return a + x.leads; }, 0);
			var note = h('p', 'note', w('n_crm_source').replace('%1', fint(n)).replace('%2',
				crm.map(function (x) { return clean(x.source) + ' (' + clean(crmSource(x.source)) + ')'; }).join(', ')), b);
			note.id = 'crm-source-note';
		}
	}

	function drawTopSources() {
		var b = body('top_sources');
		var rows = rowsOf('top_sources');
		if (!rows.length)
			return empty('top_sources', b);
		table(b, 'top_sources', [
			{k: 'month'}, {k: 'rank', t: 'int'}, {k: 'source', t: 'src', pick: 'source'},
			{k: 'leads', t: 'int', open: function (r) { return {e: 'lead', month: r.month, source: groupVal(r.source)}; }},
			{k: 'previous', t: 'int'}, {k: 'change', t: 'chg'}, {k: 'change_share', t: 'spct'}], rows);
		/* the same as a pivot: sources x months, leads (change against the month before) */
		var months = [], srcs = [], cell = Object.create(null), tot = Object.create(null);
		rows.forEach(function (r) {
			if (months.indexOf(r.month) < 0)
				months.push(r.month);
			if (!(vkey('s', r.source) in tot)) {
				tot[vkey('s', r.source)] = 0;
				srcs.push(r.source);
			}
			tot[vkey('s', r.source)] += r.leads || 0;
			cell[vkey(r.source, r.month)] = {leads: r.leads || 0, change: typeof r.change === 'number' ? r.change : null};
		});
		months.sort();
		srcs.sort(function (a, c) { return tot[vkey('s', c)] - tot[vkey('s', a)]; });
		var cols = [{k: 'source', t: 'src', pick: 'source'}].concat(months.map(function (m) { return {k: m, t: 'pv', label: m}; }));
		table(b, 'top_sources_pivot', cols, srcs.map(function (src) {
			var r = {source: src};
			months.forEach(function (m) { r[m] = cell[vkey(src, m)] || null; });
			return r;
		}), w('t_pivot_month'));
		if (window.pulse.quarterPivot)
			window.pulse.quarterPivot(b);
	}

	function drawDynamics() {
		var b = body('dynamics');
		var rows = rowsOf('dynamics');
		if (!rows.length)
			return empty('dynamics', b);
		var months = rows.filter(function (r) { return r.period_type === 'month'; });
		var quarters = rows.filter(function (r) { return r.period_type === 'quarter'; });
		var byMonth = Object.create(null);
		months.forEach(function (r) { byMonth[r.period] = r; });
		var axis = monthRange(months.map(function (r) { return r.period; }));
		var val = function (k) { return axis.map(function (m) { return byMonth[m] ? byMonth[m][k] || 0 : 0; }); };
		var wrap = h('div', 'twocol', null, b);
		var left = h('div', null, null, wrap), right = h('div', null, null, wrap);
		h('h3', null, w('ch_leads_month'), left);
		legend(left, [[w('c_leads'), '#9dbcf0'], [w('c_qualified'), '#2f6fdb'], [w('c_won'), '#2e9d5b']]);
		columns(left, axis, [
			[w('c_leads'), '#9dbcf0', val('leads')],
			[w('c_qualified'), '#2f6fdb', val('qualified')],
			[w('c_won'), '#2e9d5b', val('won')]], {title: w('ch_leads_month')});
		var cols = [{k: 'period'}, {k: 'leads', t: 'int'}, {k: 'qualified', t: 'int'},
			{k: 'won', t: 'int'}, {k: 'revenue', t: 'money'}];
		table(right, 'dynamics_month', cols, months, w('t_month'));
		if (quarters.length)
			table(right, 'dynamics_quarter', cols, quarters, w('t_quarter'));
	}

	function drawManagers() {
		var b = body('managers');
		var rows = rowsOf('managers');
		if (!rows.length)
			return empty('managers', b);
		var wrap = h('div', 'twocol', null, b);
		var left = h('div', null, null, wrap), right = h('div', null, null, wrap);
		var top = rows.slice(0, 15), max = 0;
		top.forEach(function (r) { max = Math.max(max, r.leads || 0); });
		h('h3', null, w('ch_managers'), left);
		hbars(left, top.map(function (r) {
			return {label: fval(r.manager), bars: [[r.leads || 0, '#2f6fdb'], [r.won || 0, '#2e9d5b']],
				text: fint(r.leads) + ' \u00b7 ' + fpct(r.share), pick: ['manager', r.manager]};
		}), max, {title: w('ch_managers'), textWidth: 120});
		legend(left, [[w('c_leads'), '#2f6fdb'], [w('c_won'), '#2e9d5b']]);
		table(right, 'managers', [
			{k: 'manager', pick: 'manager'}, {k: 'leads', t: 'int', open: function (r) { return {e: 'lead', manager: groupVal(r.manager)}; }},
			{k: 'share', t: 'pct'},
			{k: 'days_with_leads', t: 'int'}, {k: 'mean_per_day', t: 'num2'}, {k: 'won', t: 'int'},
			{k: 'revenue', t: 'money'}, {k: 'average_check', t: 'money'}], rows);
	}

	function drawManagerMonths() {
		var b = body('manager_months');
		var rows = rowsOf('manager_months');
		if (!rows.length)
			return empty('manager_months', b);
		var months = [], mgrs = [], tot = Object.create(null), cell = Object.create(null);
		rows.forEach(function (r) {
			if (months.indexOf(r.month) < 0)
				months.push(r.month);
			if (!(r.manager in tot)) {
				tot[r.manager] = 0;
				mgrs.push(r.manager);
			}
			tot[r.manager] += r.leads || 0;
			cell[JSON.stringify([r.manager, r.month])] = r.leads || 0;
		});
		months = monthRange(months);
		mgrs.sort(function (a, c) { return tot[c] - tot[a]; });
		var top = mgrs.slice(0, COLORS.length);
		var series = top.map(function (m, i) {
			return [fval(m), COLORS[i], months.map(function (mo) { return cell[JSON.stringify([m, mo])] || 0; })];
		});
		h('h3', null, w('ch_manager_months'), b);
		var lg = legend(b, series.map(function (se) { return [se[0], se[1]]; }));
		Array.prototype.forEach.call(lg.children, function (span, i) { pickable(span, 'manager', top[i]); });
		lines(b, months, series, {title: w('ch_manager_months')});
		/* the average check of each, per month: a month without a won deal has none */
		var chk = Object.create(null), cur = null;
		rows.forEach(function (r) {
			var ks = curs(r.average_check);
			if (!ks.length)
				return;
			if (cur === null)
				cur = ks[0];
			if (r.average_check[cur] !== undefined)
				chk[JSON.stringify([r.manager, r.month])] = parseFloat(r.average_check[cur]);
		});
		if (cur !== null) {
			var cseries = top.map(function (m, i) {
				return [fval(m), COLORS[i], months.map(function (mo) {
					var v = chk[JSON.stringify([m, mo])];
					return v === undefined ? null : v;
				})];
			});
			var ct = w('ch_average_check') + (cur === 'XXX' ? '' : ', ' + clean(cur));
			h('h3', null, ct, b);
			legend(b, cseries.map(function (se) { return [se[0], se[1]]; }));
			lines(b, months, cseries, {title: ct, gaps: true, fmt: function (v) { return fnum(v, 2); }}).setAttribute('data-chart', 'average_check');
		}
		table(b, 'manager_months', [
			{k: 'manager', pick: 'manager'}, {k: 'month'},
			{k: 'leads', t: 'int', open: function (r) { return {e: 'lead', manager: groupVal(r.manager), month: r.month}; }},
			{k: 'won', t: 'int'},
			{k: 'revenue', t: 'money'}, {k: 'average_check', t: 'money'}], rows);
	}

	function drawAge() {
		var b = body('age');
		var rows = rowsOf('age');
		if (!rows.length)
			return empty('age', b);
		var max = 0;
		rows.forEach(function (r) { max = Math.max(max, r.days_max || 0); });
		h('h3', null, w('ch_age'), b);
		hbars(b, rows.map(function (r) {
			var lab = nval('stage', r.stage, r.entity) + (r.entity === 'deal' ? ' (' + w('ent_deal') + ')' : '');
			return {label: lab, bars: [[r.days_max || 0, '#f3d9a4'], [r.days_mean || 0, '#e0a02a']],
				text: fnum(r.days_mean, 1) + ' / ' + fint(r.days_max)};
		}), max, {title: w('ch_age'), textWidth: 90});
		table(b, 'age', [
			{k: 'entity', t: 'ent'}, {k: 'category', t: 'cat'}, {k: 'stage', t: 'stage'}, {k: 'open', t: 'int'},
			{k: 'days_mean', t: 'num1'}, {k: 'days_max', t: 'int'}], rows);
	}

	function drawStale() {
		var b = body('stale');
		var rows = rowsOf('stale');
		if (!rows.length)
			return empty('stale', b);
		/* the list by stage: a stage picked keeps its rows only */
		var stages = [], seen = Object.create(null);
		rows.forEach(function (r) {
			var k = vkey(r.entity, r.stage);
			if (!seen[k]) {
				seen[k] = true;
				stages.push(r);
			}
		});
		var lab = h('label', 'stagepick', w('c_stage') + ' ', b);
		var sel = h('select', null, null, lab);
		sel.id = 'stale-stage';
		h('option', null, '\u2014 ' + w('all') + ' \u2014', sel).value = '';
		stages.forEach(function (r, i) {
			var o = h('option', null, (r.entity === 'deal' ? w('ent_deal') + ': ' : '') + nval('stage', r.stage, r.entity), sel);
			o.value = String(i);
			if (staleStage === vkey(r.entity, r.stage))
				o.selected = true;
		});
		sel.addEventListener('change', function () {
			staleStage = sel.value === '' ? null : vkey(stages[+sel.value].entity, stages[+sel.value].stage);
			drawStale();
		});
		if (staleStage !== null && !seen[staleStage])
			staleStage = null;
		table(b, 'stale', [
			{k: 'entity', t: 'ent'}, {k: 'id', link: true}, {k: 'title', wrap: true}, {k: 'manager', pick: 'manager'},
			{k: 'source', t: 'src', pick: 'source'}, {k: 'stage', t: 'stage'}, {k: 'since', t: 'date'}, {k: 'days', t: 'int'},
			{k: 'created', t: 'date'}], rows.filter(function (r) { return staleStage === null || vkey(r.entity, r.stage) === staleStage; }));
	}
	var staleStage = null; /* vkey(entity, stage) the stale list shows, or null */

	/* ---- the filter bar ----------------------------------------------- */

	function drawFilters() {
		var bar = document.getElementById('filters');
		var hint = document.getElementById('hint');
		bar.textContent = '';
		/* nothing to pick without pulse-funnel --by records */
		if (hint)
			hint.hidden = !Object.keys(dimValues).length;
		if (filter) {
			var chip = h('span', 'chip', w('d_' + filter.dim) + ': ' + (filter.dim === 'source' ? nval('source', filter.val === null ? '(none)' : filter.val) : fval(filter.val === null ? '(none)' : filter.val)), bar);
			chip.id = 'filter-chip';
			var x = h('button', null, '\u00d7', chip);
			x.type = 'button';
			x.title = w('clear');
			x.addEventListener('click', function () {
				filter = null;
				draw();
			});
		}
		DIMS.concat(Object.keys(dimValues).filter(function (d) { return DIMS.indexOf(d) < 0; })).forEach(function (d) {
			var vals = dimValues[d];
			if (!vals)
				return;
			var lab = h('label', null, w('d_' + d), bar);
			var sel = h('select', null, null, lab);
			sel.setAttribute('data-dim', d);
			h('option', null, '\u2014 ' + w('all') + ' \u2014', sel).value = '';
			/* options by index: any string (and null) is a value */
			var sorted = vals.slice().sort(function (a, c) {
				if (a === null || c === null)
					return a === null ? 1 : -1;
				return String(a).localeCompare(String(c), D.lang);
			});
			sorted.forEach(function (v, i) {
				var o = h('option', null, d === 'source' ? nval('source', v === null ? '(none)' : v) : fval(v === null ? '(none)' : v), sel);
				o.value = String(i);
				if (filter && filter.dim === d && filter.val === v)
					o.selected = true;
			});
			sel.addEventListener('change', function () {
				if (sel.value === '')
					filter = null;
				else
					filter = {dim: d, val: sorted[+sel.value]};
				draw();
			});
		});
	}

	var SECTIONS = [
		['summary', drawSummary, 'dynamics'], ['funnel', drawFunnel, 'stages'],
		['dropoff', drawDropoff, 'dropoff'], ['sources', drawSources, 'sources'],
		['top_sources', drawTopSources, 'top_sources'], ['dynamics', drawDynamics, 'dynamics'],
		['managers', drawManagers, 'managers'], ['manager_months', drawManagerMonths, 'manager_months'],
		['age', drawAge, 'age'], ['stale', drawStale, 'stale']];

	function draw() {
		shown = Object.create(null);
		drawFilters();
		SECTIONS.forEach(function (sec) {
			var el = document.getElementById('s-' + sec[0]);
			/* a table no view has (stale without --stale-days) is left out */
			el.hidden = nfunnel > 0 && !present[sec[2]];
			if (el.hidden)
				return;
			if (!nfunnel) {
				var b = body(sec[0]);
				if (sec[0] === 'summary')
					empty(sec[0], b, w('no_records'));
				else
					el.hidden = true;
				return;
			}
			if (!view()) {
				var b2 = body(sec[0]);
				if (sec[0] === 'summary')
					empty(sec[0], b2, w('no_view'));
				else
					el.hidden = true;
				return;
			}
			sec[1]();
		});
		document.body.setAttribute('data-filter', filter ? filter.dim + '=' + (filter.val === null ? '' : filter.val) : '');
		if (window.pulse && window.pulse.onDraw)
			window.pulse.onDraw();
	}

	/* what the tests and a user's console can ask */
	window.pulse = {
		csv: function (id) { return shown[id] ? csvText(shown[id].rows) : null; },
		filter: function () { return filter; },
		pick: pick,
		redraw: function () { draw(); },
		open: null, /* dashboard_explore.js: the list of a count */
		/* for dashboard_explore.js */
		lib: {D: D, w: w, h: h, table: table, fval: fval, nval: nval, fint: fint, fmoney: fmoney,
			fpct: fpct, vkey: vkey, clean: clean, named: named, dparse: dparse, dadd: dadd,
			mstr: mstr, dstr: dstr, ddiv: ddiv, shown: function () { return shown; }}
	};

	draw();
})();
