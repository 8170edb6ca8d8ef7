// The review desk's page: a queue of findings filtered by status, kind, event and text, the
// selected finding's two accounts side by side, and its review (status, note, corrections).
// Talks only to this server's /api. Article text is only ever set as text, never as markup.
'use strict';

const TABS = [
  ['open', 'Open'],
  ['needs_check', 'Needs check'],
  ['confirmed', 'Confirmed'],
  ['dismissed', 'Dismissed'],
  ['all', 'All'],
];

const state = { meta: null, items: [], tab: 'open', selected: null, detail: null };

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function api(path, body) {
  const init = body === undefined ? {} : {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
  const r = await fetch(path, init);
  let data = null;
  try { data = await r.json(); } catch (_) { data = { error: r.statusText }; }
  return { status: r.status, data };
}

function toast(text, bad) {
  const t = $('toast');
  t.textContent = text;
  t.className = bad ? 'bad' : '';
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, 4000);
}

const label = (s) => s.replace(/_/g, ' ');

function matches(it) {
  const st = it.review.status;
  if (state.tab !== 'all' && st !== state.tab) return false;
  const kind = $('kind').value, event = $('event').value;
  if (kind && it.kind !== kind) return false;
  if (event && it.event !== event) return false;
  const q = $('q').value.trim().toLowerCase();
  if (!q) return true;
  const hay = [it.id, it.kind, it.event, it.event_label, it.why, it.review.note,
    it.a.speakers.join(' '), it.b.speakers.join(' '), it.a.parties.join(' '), it.b.parties.join(' '),
    it.a_excerpt, it.b_excerpt].join(' ').toLowerCase();
  return hay.includes(q);
}

const visible = () => state.items.filter(matches);

function renderTabs() {
  const counts = {};
  for (const it of state.items) counts[it.review.status] = (counts[it.review.status] || 0) + 1;
  counts.all = state.items.length;
  $('tabs').replaceChildren(...TABS.map(([key, name], i) => el('button', {
    type: 'button', role: 'tab', 'aria-selected': String(state.tab === key),
    'data-status': key, title: `${name} (${i + 1})`,
    onclick: () => setTab(key),
  }, name, ' ', el('span', { class: 'count', text: counts[key] || 0 }))));
}

function setTab(key) {
  state.tab = key;
  renderQueue();
  const v = visible();
  if (!v.some((it) => it.id === state.selected)) select(v.length ? v[0].id : null);
}

function renderQueue() {
  renderTabs();
  const v = visible();
  $('queue').replaceChildren(...v.map((it) => el('li', {
    class: `item st-${it.review.status}` + (it.id === state.selected ? ' selected' : ''),
    'data-id': it.id, onclick: () => select(it.id),
  },
  el('div', { class: 'line1' },
    el('span', { class: `kind k-${it.kind}`, text: label(it.kind) }),
    el('span', { class: 'score', text: it.score.toFixed(2) }),
    el('span', { class: `status st-${it.review.status}`, text: label(it.review.status) })),
  el('div', { class: 'line2', text: `${it.a.parties.join(', ') || it.a.speakers.join(', ')} vs ${it.b.parties.join(', ') || it.b.speakers.join(', ')}` }),
  el('div', { class: 'line3 muted', text: it.event_label || 'about no meeting' }))));
  $('queue-empty').hidden = v.length > 0;
  const s = $('queue').querySelector('.selected');
  if (s) s.scrollIntoView({ block: 'nearest' });
}

async function select(id) {
  state.selected = id;
  renderQueue();
  if (!id) {
    state.detail = null;
    $('detail').replaceChildren(el('p', { class: 'muted', text: 'Nothing to review here.' }));
    return;
  }
  history.replaceState(null, '', '#f=' + encodeURIComponent(id));
  const { status, data } = await api('/api/findings/' + encodeURIComponent(id));
  if (state.selected !== id) return;
  if (status !== 200) { toast(data.error, true); return; }
  state.detail = data;
  renderDetail();
}

function claimCard(c, correction) {
  const src = c.url
    ? el('a', { href: c.url, target: '_blank', rel: 'noopener noreferrer' }, el('bdi', { text: c.source }))
    : el('bdi', { text: c.source });
  const corr = correction ? el('p', { class: 'corrected' }, 'Corrected: ',
    [correction.speaker && `speaker ${correction.speaker}`,
      correction.parties && `states ${correction.parties.join(', ') || '—'}`,
      correction.stance && `stance ${label(correction.stance)}`].filter(Boolean).join('; ')) : null;
  return el('li', { class: 'claim', 'data-claim': c.id },
    el('div', { class: 'who' },
      el('strong', { text: c.speaker }), ' ',
      el('span', { class: 'muted', text: `(${c.parties.join(', ') || 'no state'})` }), ' ',
      el('span', { class: `stance s-${c.stance}`, text: label(c.stance) })),
    el('blockquote', { lang: c.language || null, dir: 'auto', text: c.text }),
    el('div', { class: 'source' }, src, el('span', { class: 'muted', text: ` · ${c.id}` })),
    corr,
    el('button', { type: 'button', class: 'link', onclick: () => correctForm(c) }, 'Correct speaker, states or stance'));
}

function renderDetail() {
  const d = state.detail;
  const r = d.review;
  const corr = (id) => r.corrections.find((k) => k.claim === id);
  const side = (name, s, claims) => el('section', { class: 'side' },
    el('h3', {}, name, ' · ', el('span', { text: s.parties.join(', ') || s.speakers.join(', ') })),
    el('ol', { class: 'claims' }, claims.map((c) => claimCard(c, corr(c.id)))));
  const ev = d.event_detail;
  const when = r.updated_at ? `${label(r.status)} by ${r.reviewer || 'someone'} at ${r.updated_at} (version ${r.version})` : 'not reviewed yet';
  $('detail').replaceChildren(
    el('header', { class: 'finding-head' },
      el('h2', {}, el('span', { class: `kind k-${d.kind}`, text: label(d.kind) }), ' ',
        el('span', { class: 'score', text: `score ${d.score.toFixed(2)}` })),
      el('p', { class: 'event', text: ev ? `${ev.label} — ${[ev.location, ev.date, ev.parties.join(', ')].filter(Boolean).join(' · ')}` : 'claims about no meeting' }),
      el('p', { class: 'why', text: d.why }),
      el('p', { class: 'muted id', text: d.id })),
    el('div', { class: 'sides' }, side('Side A', d.a, d.a_claims), side('Side B', d.b, d.b_claims)),
    el('section', { class: 'review-box' },
      el('div', { class: 'decide' },
        el('span', { id: 'status', class: `status st-${r.status}`, 'data-status': r.status, text: label(r.status) }),
        button('confirmed', 'Confirm', 'c'), button('dismissed', 'Dismiss', 'd'),
        button('needs_check', 'Needs check', 'n'), button('open', 'Reopen', 'o')),
      el('p', { class: 'muted', id: 'reviewed', text: when }),
      el('label', { for: 'note' }, 'Note'),
      el('textarea', { id: 'note', rows: 3, maxlength: 10000, placeholder: 'why (e for edit, Ctrl+Enter to save)' }),
      el('button', { type: 'button', id: 'save-note', onclick: () => decide(null) }, 'Save note'),
      el('div', { id: 'correction' })));
  $('note').value = r.note;
}

function button(status, text, key) {
  return el('button', {
    type: 'button', class: `decide-${status}`, 'data-decide': status,
    title: `${text} (${key})`, onclick: () => decide(status),
  }, text, ' ', el('kbd', { text: key }));
}

function correctForm(c) {
  const current = state.detail.review.corrections.find((k) => k.claim === c.id) || {};
  const speaker = el('input', { id: 'fix-speaker', value: current.speaker || c.speaker, maxlength: 200 });
  const parties = el('input', { id: 'fix-parties', value: (current.parties || c.parties).join(', '), placeholder: 'SY, TR' });
  const stance = el('select', { id: 'fix-stance' },
    state.meta.stances.map((s) => el('option', { value: s, selected: s === (current.stance || c.stance) }, label(s))));
  const save = () => {
    const fix = { claim: c.id };
    if (speaker.value.trim() !== c.speaker) fix.speaker = speaker.value.trim();
    const ps = parties.value.split(/[\s,]+/).filter(Boolean).map((p) => p.toUpperCase());
    if (ps.join(',') !== c.parties.join(',')) fix.parties = ps;
    if (stance.value !== c.stance) fix.stance = stance.value;
    const others = state.detail.review.corrections.filter((k) => k.claim !== c.id);
    const list = Object.keys(fix).length > 1 ? [...others, fix] : others;
    send({ corrections: list }, 'correction saved');
  };
  $('correction').replaceChildren(el('fieldset', {},
    el('legend', { text: `Correct ${c.id}` }),
    el('label', {}, 'Speaker ', speaker), el('label', {}, 'States ', parties),
    el('label', {}, 'Stance ', stance),
    el('button', { type: 'button', onclick: save }, 'Save correction'),
    el('button', { type: 'button', onclick: () => $('correction').replaceChildren() }, 'Cancel')));
  speaker.focus();
}

function reviewer() {
  const name = $('reviewer').value.trim();
  if (!name) {
    toast('Type your name first (top right): each decision records who made it.', true);
    $('reviewer').focus();
  }
  return name;
}

async function decide(status) {
  const body = {};
  if (status) body.status = status;
  const note = $('note').value;
  if (note !== state.detail.review.note) body.note = note;
  if (!status && body.note === undefined) { toast('The note is unchanged.'); return; }
  const advance = status !== null && status !== 'open';
  await send(body, status ? label(status) : 'note saved', advance);
}

async function send(body, done, advance) {
  const who = reviewer();
  if (!who) return;
  const d = state.detail;
  body.reviewer = who;
  body.version = d.review.version;
  const before = visible().map((it) => it.id);
  const { status, data } = await api(`/api/findings/${encodeURIComponent(d.id)}/review`, body);
  const item = state.items.find((it) => it.id === d.id);
  if (status === 409) {
    // someone (another tab) changed it meanwhile: show theirs, lose nothing silently
    item.review = data.review;
    d.review = data.review;
    renderQueue();
    renderDetail();
    toast(`Changed meanwhile by ${data.review.reviewer || 'someone'}: now ${label(data.review.status)}. Look, then decide again.`, true);
    return;
  }
  if (status !== 200) { toast(data.error || 'not saved', true); return; }
  item.review = data;
  d.review = data;
  toast(`${d.id}: ${done}`);
  if (advance) {
    const i = before.indexOf(d.id);
    const after = visible().map((it) => it.id);
    const next = before.slice(i + 1).find((id) => after.includes(id) && id !== d.id)
      || after.find((id) => id !== d.id) || null;
    if (next) { await select(next); return; }
  }
  renderQueue();
  renderDetail();
}

function move(step) {
  const v = visible();
  if (!v.length) return;
  const i = v.findIndex((it) => it.id === state.selected);
  const j = i < 0 ? 0 : Math.min(v.length - 1, Math.max(0, i + step));
  select(v[j].id);
}

function onKey(e) {
  const t = e.target;
  const typing = t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT';
  if (typing) {
    if (e.key === 'Escape') t.blur();
    if (t.id === 'note' && e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); decide(null); }
    return;
  }
  if (e.ctrlKey || e.metaKey || e.altKey || $('help').open) return;
  const keys = {
    j: () => move(1), ArrowDown: () => move(1), k: () => move(-1), ArrowUp: () => move(-1),
    c: () => state.detail && decide('confirmed'), d: () => state.detail && decide('dismissed'),
    n: () => state.detail && decide('needs_check'), o: () => state.detail && decide('open'),
    e: () => $('note') && $('note').focus(), '/': () => $('q').focus(),
    '?': () => $('help').showModal(),
  };
  TABS.forEach(([key], i) => { keys[String(i + 1)] = () => setTab(key); });
  const f = keys[e.key];
  if (f) { e.preventDefault(); f(); }
}

async function loadOrphans() {
  const { status, data } = await api('/api/orphans');
  if (status !== 200) return;
  $('orphans').hidden = data.length === 0;
  $('orphans').querySelector('summary').textContent = `${data.length} decision(s) about findings no longer present`;
  $('orphan-list').replaceChildren(...data.map((o) => el('li', {},
    el('span', { class: `status st-${o.review.status}`, text: label(o.review.status) }), ' ',
    el('code', { text: o.id }), el('br'),
    el('span', { class: 'muted', text: `${o.summary}${o.review.note ? ' — ' + o.review.note : ''}` }))));
}

async function refresh() {
  const { status, data } = await api('/api/findings');
  if (status !== 200) { toast(data.error, true); return; }
  state.items = data;
  renderQueue();
}

async function start() {
  const meta = await api('/api/meta');
  state.meta = meta.data;
  $('totals').textContent = `${meta.data.documents} document(s), ${meta.data.claims} claim(s)`;
  for (const k of meta.data.kinds) $('kind').append(el('option', { value: k }, label(k)));
  for (const ev of meta.data.events) $('event').append(el('option', { value: ev.id }, ev.label));
  $('reviewer').value = localStorage.getItem('claimdiff.reviewer') || '';
  $('reviewer').addEventListener('change', () => localStorage.setItem('claimdiff.reviewer', $('reviewer').value.trim()));
  for (const id of ['kind', 'event']) $(id).addEventListener('change', () => setTab(state.tab));
  $('q').addEventListener('input', () => setTab(state.tab));
  $('help-button').addEventListener('click', () => $('help').showModal());
  document.addEventListener('keydown', onKey);
  // another tab may have decided meanwhile: re-read the queue when this one comes back
  window.addEventListener('focus', refresh);
  await refresh();
  await loadOrphans();
  const wanted = decodeURIComponent((location.hash.match(/^#f=(.+)$/) || [])[1] || '');
  const first = state.items.find((it) => it.id === wanted);
  if (first && !matches(first)) state.tab = 'all';
  const v = visible();
  await select(first ? first.id : v.length ? v[0].id : null);
  document.body.dataset.ready = '1';
}

start();
