/*
 * pulse-render --format html: the explore section, the leads and deals
 * behind the counts (#pulse-data's items: pulse-utm's lead, deal and stage
 * records, kept small by render_items.c).
 *
 * Filters combine: entity, source, manager, campaign, ad group, month and
 * a day range of the creation date (as the export wrote it, in its own
 * zone); a count elsewhere on the page (the leads that reached a stage,
 * lie without one, of a source, a manager, a month) opens this list with
 * its filters.  The list is the records themselves, never a number
 * derived again: a stage is "reached" when the record's stage history has
 * it, "(no stage)" when it has none, as pulse-funnel counts.  Each id
 * links to its card with --portal-url.
 */
(function () {
	'use strict';

	var P = window.pulse, L = P && P.lib;
	var sec = document.getElementById('s-explore');
	if (!L || !sec)
		return;
	var D = L.D, w = L.w, h = L.h;

	var ITEMS = [], BYKEY = Object.create(null);
	(D.items || []).forEach(function (x) {
		if (!x || Array.isArray(x) || typeof x !== 'object' || (x.e !== 'lead' && x.e !== 'deal'))
			return;
		var c = typeof x.c === 'string' ? x.c : '';
		x.day = /^[0-9]{4}-[0-9]{2}-[0-9]{2}/.test(c) ? c.slice(0, 10) : null;
		x.month = x.day ? x.day.slice(0, 7) : null;
		x.reached = Object.create(null);
		x.nst = 0;
		ITEMS.push(x);
		BYKEY[L.vkey(x.e, String(x.id))] = x;
	});
	(D.items || []).forEach(function (r) {
		if (!Array.isArray(r))
			return;
		var x = BYKEY[L.vkey(r[0], String(r[1]))];
		if (!x)
			return;
		x.reached[r[2]] = true;
		x.nst++;
		/* the first change of stage: a row that is not the creation (type 1) */
		var t = Date.parse(r[3]);
		if (String(r[4]) !== '1' && !isNaN(t) && (x.first === undefined || t < x.first))
			x.first = t;
	});

	/* a deal counts for its lead's source, campaign, ad group, month (as pulse-funnel) */
	ITEMS.forEach(function (x) {
		if (x.e === 'deal' && x.lid !== undefined && x.lid !== null)
			x.lead = BYKEY[L.vkey('lead', String(x.lid))] || null;
	});

	/* the dimensions, as pulse-funnel --by groups them: "" and null are (none) */
	var DIMS = ['source', 'manager', 'utm_campaign', 'ad_group', 'utm_content', 'month'];
	var FIELD = {source: 'us', manager: 'm', utm_campaign: 'uc', ad_group: 'ag', utm_content: 'ad', month: 'month'};

	function dv(x, d) {
		if (x.lead && d !== 'manager')
			x = x.lead;
		var v = x[FIELD[d]];
		return v === undefined || v === null || v === '' ? null : String(v);
	}

	/* the checks of the data-health panel, each a filter of the list too */
	var anyAdGroup = ITEMS.some(function (x) { return x.e === 'lead' && x.ag; });
	var FLAGS = {
		no_stage: function (x) { return x.nst === 0; },
		no_utm: function (x) { return x.uo === 'none' || x.uo === 'crm_source'; },
		crm_source: function (x) { return x.uo === 'crm_source'; },
		ad_unmapped: function (x) { return anyAdGroup && !!x.ad && !x.ag; },
		no_manager: function (x) { return !x.m; },
		no_change: function (x) { return x.nst > 0 && x.first === undefined; }
	};

	/* the state: entity, each dimension (undefined: all), days, a stage, a check */
	/* pulse-funnel's --from and --to: the lists start (and reset) there */
	var PERIOD = Array.isArray(D.period) ? D.period.map(function (d) {
		return typeof d === 'string' && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(d) ? d : '';
	}) : ['', ''];
	var X = {e: 'lead', from: PERIOD[0], to: PERIOD[1], stage: undefined, category: null, flag: null};
	DIMS.forEach(function (d) { X[d] = undefined; });

	function matches(x, skip, anyEntity) {
		if (!anyEntity && x.e !== X.e)
			return false;
		for (var i = 0; i < DIMS.length; i++)
			if (DIMS[i] !== skip && X[DIMS[i]] !== undefined && dv(x, DIMS[i]) !== X[DIMS[i]])
				return false;
		var day = x.lead ? x.lead.day : x.day;
		if ((X.from && (!day || day < X.from)) || (X.to && (!day || day > X.to)))
			return false;
		if (anyEntity)
			return true;
		if (X.flag && !FLAGS[X.flag](x))
			return false;
		if (X.stage === '(no stage)')
			return x.nst === 0 && (X.e !== 'deal' || X.category === null || String(x.cat) === X.category);
		if (X.stage !== undefined)
			return !!x.reached[X.stage];
		return true;
	}

	function label(d, v) {
		if (v === null)
			return w('none');
		return d === 'source' ? L.nval('source', v) : L.clean(v);
	}

	function select(bar, d, values) {
		var lab = h('label', null, w('d_' + d), bar);
		var sel = h('select', null, null, lab);
		sel.setAttribute('data-dim', d);
		h('option', null, '\u2014 ' + w('all') + ' \u2014', sel).value = '';
		values.forEach(function (v, i) {
			var o = h('option', null, label(d, v), sel);
			o.value = String(i);
			if (X[d] !== undefined && X[d] === v)
				o.selected = true;
		});
		sel.addEventListener('change', function () {
			X[d] = sel.value === '' ? undefined : values[+sel.value];
			draw();
		});
	}

	function dateInput(bar, k) {
		var lab = h('label', null, w('x_' + k), bar);
		var inp = h('input', null, null, lab);
		inp.type = 'date';
		inp.id = 'explore-' + k;
		inp.value = X[k];
		inp.addEventListener('change', function () {
			X[k] = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(inp.value) ? inp.value : '';
			draw();
		});
	}

	function drawBar(b) {
		var bar = h('div', 'filters explore-bar', null, b);
		var lab = h('label', null, w('x_entity'), bar);
		var sel = h('select', null, null, lab);
		sel.id = 'explore-entity';
		['lead', 'deal'].forEach(function (e) {
			var o = h('option', null, w('e_' + e), sel);
			o.value = e;
			o.selected = X.e === e;
		});
		sel.addEventListener('change', function () {
			X.e = sel.value;
			X.stage = undefined;
			draw();
		});
		DIMS.forEach(function (d) {
			/* the values the other filters leave, so a pick never comes up empty */
			var seen = Object.create(null), vals = [];
			ITEMS.forEach(function (x) {
				if (!matches(x, d))
					return;
				var v = dv(x, d), k = v === null ? '\u0000' : v;
				if (!seen[k]) {
					seen[k] = true;
					vals.push(v);
				}
			});
			if (X[d] !== undefined && !seen[X[d] === null ? '\u0000' : X[d]])
				vals.push(X[d]);
			vals.sort(function (a, c) {
				if (a === null || c === null)
					return a === null ? 1 : -1;
				return String(a).localeCompare(String(c), D.lang);
			});
			select(bar, d, vals);
		});
		dateInput(bar, 'from');
		dateInput(bar, 'to');
		if (X.stage !== undefined) {
			var chip = h('span', 'chip', w('c_stage') + ': ' + (X.stage === '(no stage)' ? w('no_stage') : L.nval('stage', X.stage, X.e)), bar);
			chip.id = 'explore-stage';
			var x = h('button', null, '\u00d7', chip);
			x.type = 'button';
			x.title = w('clear');
			x.addEventListener('click', function () {
				X.stage = undefined;
				draw();
			});
		}
		if (X.flag) {
			var fchip = h('span', 'chip', w('h_' + X.flag), bar);
			fchip.id = 'explore-flag';
			var fx = h('button', null, '\u00d7', fchip);
			fx.type = 'button';
			fx.title = w('clear');
			fx.addEventListener('click', function () {
				X.flag = null;
				draw();
			});
		}
		var reset = h('button', 'csv', w('clear'), bar);
		reset.type = 'button';
		reset.id = 'explore-reset';
		reset.addEventListener('click', function () {
			DIMS.forEach(function (d) { X[d] = undefined; });
			X.from = PERIOD[0];
			X.to = PERIOD[1];
			X.stage = undefined;
			X.flag = null;
			draw();
		});
	}

	function money(x) {
		if (x.a === undefined || x.a === null || x.a === '')
			return null;
		var m = {};
		m[typeof x.cur === 'string' && x.cur ? x.cur : 'XXX'] = String(x.a);
		return m;
	}

	function draw() {
		var b = sec.querySelector('.body');
		b.textContent = '';
		/* without the records behind the counts, no lists and nothing of them */
		['s-explore', 's-ads', 's-speed', 's-health'].forEach(function (id) {
			var e = document.getElementById(id);
			if (e)
				e.hidden = !ITEMS.length;
		});
		if (!ITEMS.length)
			return;
		drawBar(b);
		drawAds();
		drawSpeed();
		drawHealth();
		var all = ITEMS.filter(function (x) { return x.e === X.e; }).length;
		var rows = ITEMS.filter(function (x) { return matches(x); });
		var won = rows.filter(function (x) { return x.sm === 'S'; });
		var rev = Object.create(null);
		won.forEach(function (x) {
			var d = L.dparse(x.a);
			if (!d)
				return;
			var c = typeof x.cur === 'string' && x.cur ? x.cur : 'XXX';
			rev[c] = rev[c] ? L.dadd(rev[c], d) : d;
		});
		var sum = h('p', 'explore-sum', w('x_matched').replace('%1', L.fint(rows.length)).replace('%2', L.fint(all))
			.replace('%3', w('e_' + X.e).toLowerCase()) + ' \u00b7 ' + w(X.e === 'deal' ? 'c_won' : 'c_qualified') + ': ' +
			L.fint(won.length) + (X.e === 'deal' ? ' \u00b7 ' + w('c_revenue') + ': ' + L.fmoney(L.mstr(rev)) : ''), b);
		sum.id = 'explore-count';
		sum.setAttribute('data-n', String(rows.length));

		/* the current stages of the list */
		var by = Object.create(null), order = [];
		rows.forEach(function (x) {
			var k = x.st === undefined || x.st === null ? '' : String(x.st);
			if (!by[k]) {
				by[k] = {entity: X.e, stage: x.st === undefined ? null : x.st, semantic: x.sm || null, count: 0};
				order.push(by[k]);
			}
			by[k].count++;
		});
		order.forEach(function (r) { r.share = rows.length ? r.count / rows.length : null; });
		order.sort(function (a, c) { return c.count - a.count; });
		var wrap = h('div', 'twocol', null, b);
		var left = h('div', null, null, wrap), right = h('div', null, null, wrap);
		L.table(left, 'explore_stages', [{k: 'stage', t: 'stage'}, {k: 'semantic', t: 'sem'},
			{k: 'count', t: 'int'}, {k: 'share', t: 'pct'}], order, w('x_now'));
		L.table(right, 'explore', [{k: 'id', link: true}, {k: 'title', wrap: true}, {k: 'created', t: 'date'},
			{k: 'source', t: 'src'}, {k: 'utm_campaign', wrap: true}, {k: 'ad_group'}, {k: 'manager'},
			{k: 'stage', t: 'stage'}, {k: 'amount', t: 'money'}], rows.map(function (x) {
			return {entity: x.e, id: x.id, title: x.t === undefined ? null : x.t, created: x.c || null,
				source: dv(x, 'source') === null ? '(none)' : dv(x, 'source'),
				utm_campaign: dv(x, 'utm_campaign') === null ? '(none)' : dv(x, 'utm_campaign'),
				ad_group: dv(x, 'ad_group'), manager: dv(x, 'manager'),
				stage: x.st === undefined ? null : x.st, amount: money(x)};
		}));
	}

	/*
	 * The ads (utm_content) of the leads the filters leave: leads, won deals
	 * and their revenue (a deal counts for its lead's ad, as for its source),
	 * revenue per lead; by revenue, then won deals.
	 */
	function drawAds() {
		var as = document.getElementById('s-ads');
		if (!as)
			return;
		var b = as.querySelector('.body');
		b.textContent = '';
		as.hidden = !ITEMS.length;
		if (!ITEMS.length)
			return;
		var by = Object.create(null), order = [];
		function row(x) {
			var y = x.lead || x, ad = y.ad === undefined || y.ad === null || y.ad === '' ? null : String(y.ad);
			var k = ad === null ? '' : ad;
			if (!by[k]) {
				/* an ad's source and campaign are its first lead's; no ad: many */
				by[k] = {utm_content: ad === null ? '(none)' : ad,
					source: ad === null ? null : dv(y, 'source') === null ? '(none)' : dv(y, 'source'),
					utm_campaign: ad === null ? null : dv(y, 'utm_campaign') === null ? '(none)' : dv(y, 'utm_campaign'),
					ad_group: ad === null ? null : dv(y, 'ad_group'), leads: 0, won: 0, rev: Object.create(null)};
				order.push(by[k]);
			}
			return by[k];
		}
		ITEMS.forEach(function (x) {
			if (!matches(x, null, true))
				return;
			if (x.e === 'lead')
				row(x).leads++;
			else if (x.sm === 'S') {
				var r = row(x), d = L.dparse(x.a), c = typeof x.cur === 'string' && x.cur ? x.cur : 'XXX';
				r.won++;
				if (d)
					r.rev[c] = r.rev[c] ? L.dadd(r.rev[c], d) : d;
			}
		});
		order.forEach(function (r) {
			r.revenue = L.mstr(r.rev);
			var per = {};
			Object.keys(r.rev).forEach(function (c) { per[c] = r.leads ? L.dstr(L.ddiv(r.rev[c], r.leads)) : null; });
			r.revenue_per_lead = r.leads ? per : null;
			r.rank = 0;
			delete r.rev;
		});
		var first = function (m) { var ks = Object.keys(m || {}).sort(); return ks.length ? parseFloat(m[ks[0]]) : 0; };
		order.sort(function (a, c) {
			return first(c.revenue) - first(a.revenue) || c.won - a.won || c.leads - a.leads ||
				String(a.utm_content).localeCompare(String(c.utm_content));
		});
		order.forEach(function (r, i) { r.rank = i + 1; });
		h('p', 'note', w('n_ads'), b);
		L.table(b, 'ads', [{k: 'rank', t: 'int'}, {k: 'utm_content'}, {k: 'source', t: 'src'},
			{k: 'utm_campaign', wrap: true}, {k: 'ad_group'},
			{k: 'leads', t: 'int', open: function (r) { return {e: 'lead', utm_content: r.utm_content === '(none)' ? null : r.utm_content}; }},
			{k: 'won', t: 'int'}, {k: 'revenue', t: 'money'}, {k: 'revenue_per_lead', t: 'money'}], order);
	}

	/* the p-quantile of sorted a: the median halfway, else nearest rank */
	function quant(a, p) {
		if (!a.length)
			return null;
		if (p === 0.5)
			return a.length % 2 ? a[(a.length - 1) / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
		return a[Math.max(0, Math.ceil(p * a.length) - 1)];
	}

	/* minutes as "45 мин", "2 ч 05 мин", "3 д 4 ч" */
	function fmin(m) {
		if (m === null || m === undefined)
			return '\u2014';
		m = Math.round(m);
		var d = Math.floor(m / 1440), hh = Math.floor(m % 1440 / 60), mm = m % 60;
		if (d)
			return d + '\u00a0' + w('u_d') + ' ' + hh + '\u00a0' + w('u_h');
		if (hh)
			return hh + '\u00a0' + w('u_h') + ' ' + (mm < 10 ? '0' : '') + mm + '\u00a0' + w('u_min');
		return mm + '\u00a0' + w('u_min');
	}

	/*
	 * Speed to lead: minutes from a lead's creation to its first change of
	 * stage (its history's first row after the creation), median and p90
	 * per manager and per source, of the leads the explore filters leave.
	 */
	function drawSpeed() {
		var ss = document.getElementById('s-speed');
		if (!ss)
			return;
		var b = ss.querySelector('.body');
		b.textContent = '';
		ss.hidden = !ITEMS.length;
		if (!ITEMS.length)
			return;
		var leads = ITEMS.filter(function (x) { return x.e === 'lead' && matches(x, null, true); });
		var wrap = h('div', 'twocol', null, b);
		[['manager', wrap.appendChild(document.createElement('div'))],
		 ['source', wrap.appendChild(document.createElement('div'))]].forEach(function (p) {
			var d = p[0], by = Object.create(null), order = [];
			leads.forEach(function (x) {
				var v = dv(x, d), k = v === null ? '' : v;
				if (!by[k]) {
					by[k] = {v: v, mins: [], waiting: 0, leads: 0};
					order.push(by[k]);
				}
				by[k].leads++;
				var c = Date.parse(x.c);
				if (x.first !== undefined && !isNaN(c) && x.first >= c)
					by[k].mins.push((x.first - c) / 60000);
				else
					by[k].waiting++;
			});
			var rows = order.map(function (g) {
				g.mins.sort(function (a, c) { return a - c; });
				var r = {leads: g.leads, changed: g.mins.length, median_min: quant(g.mins, 0.5), p90_min: quant(g.mins, 0.9)};
				r[d] = g.v === null ? '(none)' : g.v;
				return r;
			});
			rows.sort(function (a, c) { return (a.median_min === null) - (c.median_min === null) || a.median_min - c.median_min; });
			L.table(p[1], 'speed_' + d, [{k: d, t: d === 'source' ? 'src' : undefined},
				{k: 'leads', t: 'int'}, {k: 'changed', t: 'int'}, {k: 'median_min', t: 'min'}, {k: 'p90_min', t: 'min'}], rows);
		});
	}

	/* the data-health panel: what the numbers above may hide */
	function drawHealth() {
		var hs = document.getElementById('s-health');
		if (!hs)
			return;
		var b = hs.querySelector('.body');
		b.textContent = '';
		hs.hidden = !ITEMS.length;
		if (!ITEMS.length)
			return;
		var leads = ITEMS.filter(function (x) { return x.e === 'lead' && matches(x, null, true); });
		var rows = ['no_stage', 'no_change', 'no_utm', 'crm_source', 'ad_unmapped', 'no_manager'].map(function (f) {
			var n = leads.filter(FLAGS[f]).length;
			return {check: w('h_' + f), flag: f, count: n, share: leads.length ? n / leads.length : null};
		});
		var ads = Object.create(null);
		leads.forEach(function (x) {
			if (FLAGS.ad_unmapped(x))
				ads[x.ad] = true;
		});
		var ids = Object.keys(ads).sort();
		L.table(b, 'health', [{k: 'check', wrap: true},
			{k: 'count', t: 'int', open: function (r) { return {e: 'lead', flag: r.flag}; }},
			{k: 'share', t: 'pct'}], rows);
		if (ids.length)
			h('p', 'note', w('h_ad_ids').replace('%1', L.fint(ids.length)) + ' ' + ids.slice(0, 20).join(', ') +
				(ids.length > 20 ? ' \u2026' : ''), b);
		h('p', 'note', w('n_reassigned'), b);
	}
	P.fmin = fmin;

	/*
	 * The top 5 sources of each quarter, from the leads (the funnel counts
	 * months only): leads of a source created in the quarter, and the
	 * change against the quarter before (none for the first).
	 */
	P.quarterPivot = function (b) {
		var by = Object.create(null), qs = [];
		ITEMS.forEach(function (x) {
			if (x.e !== 'lead' || !x.day)
				return;
			var q = x.day.slice(0, 4) + '-Q' + (Math.floor((+x.day.slice(5, 7) - 1) / 3) + 1);
			var src = dv(x, 'source'), k = L.vkey(src, q);
			if (qs.indexOf(q) < 0)
				qs.push(q);
			by[k] = (by[k] || 0) + 1;
		});
		qs.sort();
		if (!qs.length)
			return;
		var top = Object.create(null), srcs = [];
		qs.forEach(function (q, i) {
			var here = Object.keys(by).map(function (k) { return JSON.parse(k); })
				.filter(function (k) { return k[1] === q; })
				.sort(function (a, c) { return by[L.vkey(c[0], q)] - by[L.vkey(a[0], q)] || String(a[0]).localeCompare(String(c[0])); })
				.slice(0, 5);
			here.forEach(function (k) {
				var n = by[L.vkey(k[0], q)], prev = i ? by[L.vkey(k[0], qs[i - 1])] || 0 : null;
				var src = k[0] === null ? '(none)' : k[0];
				if (!(src in top)) {
					top[src] = {source: src};
					srcs.push(src);
				}
				top[src][q] = {leads: n, change: prev === null ? null : n - prev};
			});
		});
		L.table(b, 'top_sources_quarter', [{k: 'source', t: 'src'}].concat(qs.map(function (q) { return {k: q, t: 'pv', label: q}; })),
			srcs.map(function (src) {
				qs.forEach(function (q) {
					if (!(q in top[src]))
						top[src][q] = null;
				});
				return top[src];
			}), w('t_pivot_quarter'));
	};

	/* a count elsewhere opens its list: spec {e, stage, category, dims...} */
	P.open = function (spec) {
		DIMS.forEach(function (d) { X[d] = d in spec ? spec[d] : undefined; });
		X.e = spec.e === 'deal' ? 'deal' : 'lead';
		X.stage = spec.stage === undefined ? undefined : spec.stage;
		X.category = spec.category === undefined || spec.category === null ? null : String(spec.category);
		X.flag = spec.flag && FLAGS[spec.flag] ? spec.flag : null;
		X.from = PERIOD[0];
		X.to = PERIOD[1];
		draw();
		sec.scrollIntoView({block: 'start'});
	};
	P.explore = function () { return X; };
	/* the page's own filter (one source, manager...) filters the lists too */
	var synced = null, lastKey = null;
	P.onDraw = function () {
		var f = P.filter(), key = f ? JSON.stringify([f.dim, f.val]) : null;
		if (key !== lastKey) {
			if (synced)
				X[synced] = undefined;
			synced = f && DIMS.indexOf(f.dim) >= 0 ? f.dim : null;
			if (synced)
				X[synced] = f.val;
			lastKey = key;
		}
		draw();
	};
	/* the page again, now with what this part adds to it (and this part) */
	P.redraw();
})();
