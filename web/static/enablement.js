// The enablement page: input to POST /v1/enablement/diagnose, users to a
// table. Causes and actions are shown from the answer as they come (code
// and message), so codes added to the diagnosis later show without change here.
'use strict';
(function () {
  const form = document.getElementById('enablement-form');
  const input = document.getElementById('input');
  const file = document.getElementById('file');
  const problem = document.getElementById('input-problem');
  const summary = document.getElementById('summary');
  const results = document.getElementById('results');
  const tbody = document.querySelector('#users tbody');
  const filterState = document.getElementById('filter-state');
  const filterCause = document.getElementById('filter-cause');
  const shown = document.getElementById('shown');
  let rows = [];

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function plain(code) {
    return code.toLowerCase().replace(/_/g, ' ').replace(/^./, c => c.toUpperCase());
  }

  function countsOf(list) {
    const byState = {};
    const byCause = {};
    list.forEach(d => {
      byState[d.state] = (byState[d.state] || 0) + 1;
      new Set((d.causes || []).map(c => c.code)).forEach(c => { byCause[c] = (byCause[c] || 0) + 1; });
    });
    return {users: list.length, canSend: list.filter(d => d.canSend).length, byState, byCause};
  }

  function fillCounts(table, counts) {
    table.querySelector('tbody').replaceChildren(...Object.entries(counts).map(([k, n]) => {
      const tr = el('tr');
      tr.append(el('th', {scope: 'row'}, k), el('td', {}, String(n)));
      return tr;
    }));
  }

  function causeItem(cause) {
    const li = el('li', {'data-code': cause.code});
    li.append(el('span', {class: 'code'}, cause.code), ' ', document.createTextNode(cause.message || plain(cause.code)));
    if (cause.at) li.append(' ', el('span', {class: 'when'}, '(' + cause.at + ')'));
    return li;
  }

  function actionItem(action) {
    const li = el('li', {'data-code': action.code});
    li.append(el('span', {class: 'code'}, action.code), ' ', document.createTextNode(action.message || plain(action.code)));
    if (action.actor && action.actor !== 'NONE') li.append(' ', el('span', {class: 'when'}, '(' + plain(action.actor) + ')'));
    if (Array.isArray(action.errors) && action.errors.length) {
      const sub = el('ul');
      action.errors.forEach(e => sub.append(el('li', {}, (e.instanceLocation || '') + ': ' + e.message)));
      li.append(sub);
    }
    return li;
  }

  function options(select, values, allLabel) {
    const current = select.value;
    select.replaceChildren(el('option', {value: ''}, allLabel), ...values.map(v => el('option', {value: v}, v)));
    select.value = values.includes(current) ? current : '';
  }

  function applyFilters() {
    const state = filterState.value;
    const cause = filterCause.value;
    let count = 0;
    rows.forEach(({tr, d}) => {
      const ok = (!state || d.state === state) && (!cause || (d.causes || []).some(c => c.code === cause));
      tr.hidden = !ok;
      if (ok) count++;
    });
    shown.textContent = count + ' of ' + rows.length + ' shown';
  }

  function render(answer) {
    const list = Array.isArray(answer.results) ? answer.results : [answer];
    const counts = answer.summary || countsOf(list);
    document.getElementById('summary-counts').textContent =
      counts.users + ' user' + (counts.users === 1 ? '' : 's') + ', ' + counts.canSend + ' can send SMS.';
    fillCounts(document.getElementById('by-state'), counts.byState || {});
    fillCounts(document.getElementById('by-cause'), counts.byCause || {});
    rows = list.map(d => {
      const tr = el('tr', {'data-state': d.state});
      const causes = el('ul', {class: 'causes'});
      (d.causes || []).forEach(c => causes.append(causeItem(c)));
      const actions = el('ul', {class: 'actions-list'});
      (d.actions || []).forEach(a => actions.append(actionItem(a)));
      tr.append(el('th', {scope: 'row'}, d.userId || '—'), el('td', {class: 'state'}, d.state),
        el('td', {class: d.canSend ? 'yes' : 'no'}, d.canSend ? 'Yes' : 'No'), el('td'), el('td'));
      tr.children[3].append(causes);
      tr.children[4].append(actions);
      return {tr, d};
    });
    tbody.replaceChildren(...rows.map(r => r.tr));
    options(filterState, Array.from(new Set(list.map(d => d.state))).sort(), 'All states');
    options(filterCause, Array.from(new Set(list.flatMap(d => (d.causes || []).map(c => c.code)))).sort(), 'All causes');
    summary.hidden = false;
    results.hidden = false;
    applyFilters();
  }

  async function diagnose() {
    problem.hidden = true;
    input.removeAttribute('aria-invalid');
    let response;
    try {
      response = await fetch('/v1/enablement/diagnose', {
        method: 'POST', headers: {'Content-Type': 'application/json'}, body: input.value
      });
    } catch (e) {
      problem.textContent = 'The service could not be reached: ' + e.message;
      problem.hidden = false;
      return;
    }
    const body = await response.json();
    if (!response.ok) {
      problem.textContent = 'Error: ' + (body.detail || ('HTTP ' + response.status)) +
        (body.instanceLocation ? ' (at ' + body.instanceLocation + ')' : '');
      problem.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      summary.hidden = true;
      results.hidden = true;
      return;
    }
    render(body);
    form.dataset.done = 'true';
  }

  file.addEventListener('change', () => {
    const f = file.files[0];
    if (!f) return;
    f.text().then(text => { input.value = text; diagnose(); });
  });
  form.addEventListener('submit', e => { e.preventDefault(); diagnose(); });
  filterState.addEventListener('change', applyFilters);
  filterCause.addEventListener('change', applyFilters);
})();
