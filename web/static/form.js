// The registration form: built from the service's JSON Schema, checked
// through POST /v1/registrations/validate, findings shown beside fields.
'use strict';
(function () {
  // INTERFACE section 1: every brand and campaign field, in form order.
  const FIELDS = {
    brand: ['entityType', 'displayName', 'companyName', 'ein', 'einIssuingCountry', 'firstName', 'lastName',
      'phone', 'mobilePhone', 'street', 'city', 'state', 'postalCode', 'country', 'email',
      'businessContactEmail', 'stockSymbol', 'stockExchange', 'website', 'vertical', 'brandRelationship',
      'altBusinessId', 'altBusinessIdType'],
    campaign: ['usecase', 'subUsecases', 'description', 'messageFlow', 'sample1', 'sample2', 'sample3',
      'sample4', 'sample5', 'helpMessage', 'optinMessage', 'optoutMessage', 'helpKeywords', 'optinKeywords',
      'optoutKeywords', 'subscriberOptin', 'subscriberOptout', 'subscriberHelp', 'embeddedLink',
      'embeddedLinkSample', 'embeddedPhone', 'numberPool', 'ageGated', 'directLending', 'affiliateMarketing',
      'privacyPolicyLink', 'termsAndConditionsLink', 'termsAndConditions']
  };

  const form = document.getElementById('registration');
  const banner = document.getElementById('banner');
  const general = document.getElementById('general');
  const generalList = document.getElementById('general-list');
  const fields = new Map();  // "/brand/ein" -> {kind, control, wrapper, findings, title, types}
  const touched = new Set();
  let sequence = 0;
  let pending = null;

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Entity types for which a field is shown, read from the schema's
  // if/then rules: a field some types require (and no rule makes required
  // for all) shows only for those; a field a type forbids hides for it.
  function visibilityRules(brandSchema) {
    const requiredBy = new Map();
    const forbiddenFor = new Map();
    (brandSchema.allOf || []).forEach(rule => {
      const cond = rule.if && rule.if.properties && rule.if.properties.entityType;
      if (!cond || !rule.then) return;
      const types = cond.enum || (cond.const ? [cond.const] : []);
      (rule.then.required || []).forEach(f => {
        requiredBy.set(f, (requiredBy.get(f) || []).concat(types));
      });
      (rule.then['x-smsreg-forbidden'] || []).forEach(f => {
        forbiddenFor.set(f, (forbiddenFor.get(f) || []).concat(types));
      });
    });
    const always = new Set(brandSchema.required || []);
    return name => {
      return entityType => {
        if ((forbiddenFor.get(name) || []).includes(entityType)) return false;
        if (always.has(name) || !requiredBy.has(name)) return true;
        return requiredBy.get(name).includes(entityType);
      };
    };
  }

  function addField(container, part, name, schema, shownFor) {
    const id = part + '-' + name;
    const key = '/' + part + '/' + name;
    const title = schema.title || name;
    const wrapper = el('div', {class: 'field', id: 'wrap-' + id});
    const findings = el('div', {class: 'findings', id: id + '-findings'});
    let control;
    let kind;
    if (schema.type === 'boolean') {
      kind = 'boolean';
      wrapper.classList.add('check');
      control = el('input', {type: 'checkbox', id: id, name: name});
      wrapper.append(control, el('label', {for: id}, title));
    } else if (schema.type === 'array' && schema.items && schema.items.enum) {
      kind = 'set';
      control = el('fieldset', {id: id, class: 'choices'});
      control.append(el('legend', {}, title));
      schema.items.enum.forEach(v => {
        const boxId = id + '-' + v;
        const box = el('input', {type: 'checkbox', id: boxId, value: v});
        const row = el('span', {class: 'choice'});
        row.append(box, el('label', {for: boxId}, v));
        control.append(row);
      });
      wrapper.append(control);
    } else {
      wrapper.append(el('label', {for: id}, title));
      if (schema.enum) {
        kind = 'text';
        control = el('select', {id: id, name: name});
        control.append(el('option', {value: ''}, 'Choose…'));
        schema.enum.forEach(v => control.append(el('option', {value: v}, v)));
      } else if ((schema.maxLength || 0) > 255) {
        kind = 'text';
        control = el('textarea', {id: id, name: name, rows: '3'});
      } else {
        kind = 'text';
        control = el('input', {type: 'text', id: id, name: name});
      }
      if (schema.maxLength) control.setAttribute('maxlength', String(schema.maxLength));
      wrapper.append(control);
    }
    if (schema['x-smsreg-hint']) {
      const hint = el('p', {class: 'hint', id: id + '-hint'}, schema['x-smsreg-hint']);
      wrapper.append(hint);
    }
    wrapper.append(findings);
    container.append(wrapper);
    fields.set(key, {kind, control, wrapper, findings, title, shownFor, key});
  }

  function addNumbers(container, schema) {
    const id = 'phoneNumbers';
    const wrapper = el('div', {class: 'field', id: 'wrap-' + id});
    const control = el('textarea', {id: id, rows: '2', spellcheck: 'false'});
    wrapper.append(el('label', {for: id}, (schema && schema.title ? schema.title : 'Phone numbers') +
      ' (one a line, optional)'), control, el('div', {class: 'findings', id: id + '-findings'}));
    container.append(wrapper);
    fields.set('/phoneNumbers', {kind: 'lines', control, wrapper, findings: wrapper.lastChild,
      title: 'Phone numbers', shownFor: () => true, key: '/phoneNumbers'});
  }

  function entityType() {
    return fields.get('/brand/entityType').control.value;
  }

  function visible(f) {
    return f.shownFor(entityType());
  }

  function applyVisibility() {
    fields.forEach(f => { f.wrapper.hidden = !visible(f); });
  }

  function valueOf(f) {
    const c = f.control;
    if (f.kind === 'boolean') return c.checked;
    if (f.kind === 'set') {
      const picked = Array.from(c.querySelectorAll('input:checked')).map(b => b.value);
      return picked.length ? picked : undefined;
    }
    if (f.kind === 'lines') {
      const lines = c.value.split('\n').map(s => s.trim()).filter(s => s);
      return lines.length ? lines : undefined;
    }
    return c.value.trim() === '' ? undefined : c.value;
  }

  function submission() {
    const out = {brand: {}, campaign: {}};
    fields.forEach((f, key) => {
      if (!visible(f)) return;
      const v = valueOf(f);
      if (v === undefined) return;
      const [, part, name] = key.split('/');
      if (name === undefined) out[part] = v; else out[part][name] = v;
    });
    return out;
  }

  // The form field a finding belongs to: "/campaign/subUsecases/1" -> "/campaign/subUsecases".
  function fieldKey(pointer) {
    const parts = pointer.split('/');
    if (parts[1] === 'phoneNumbers') return '/phoneNumbers';
    return parts.length >= 3 ? '/' + parts[1] + '/' + parts[2] : null;
  }

  function describe(f, hasFindings, hasErrors) {
    const target = f.control;
    const ids = [];
    const hint = document.getElementById(f.control.id + '-hint');
    if (hint) ids.push(hint.id);
    if (hasFindings) ids.push(f.findings.id);
    if (ids.length) target.setAttribute('aria-describedby', ids.join(' ')); else target.removeAttribute('aria-describedby');
    if (hasErrors) target.setAttribute('aria-invalid', 'true'); else target.removeAttribute('aria-invalid');
  }

  function useSuggestion(f, suggestion) {
    if (f.kind === 'boolean') f.control.checked = suggestion === true || suggestion === 'true';
    else f.control.value = suggestion;
    touched.add(f.key);
    f.control.focus();
    check('touched');
  }

  function findingNode(finding, severity, f) {
    const p = el('p', {class: 'finding ' + severity});
    p.append(el('span', {class: 'severity'}, severity === 'error' ? 'Error: ' : 'Warning: '),
      document.createTextNode(finding.message));
    const suggestion = finding.params && finding.params.suggestion;
    if (f && suggestion !== undefined && suggestion !== null) {
      const b = el('button', {type: 'button', class: 'use-suggestion'}, 'Use “' + suggestion + '”');
      b.addEventListener('click', () => useSuggestion(f, suggestion));
      p.append(' ', b);
    }
    return p;
  }

  function render(report, scope) {
    const perField = new Map();
    const loose = [];
    [['error', report.errors || []], ['warning', report.warnings || []]].forEach(([severity, list]) => {
      list.forEach(finding => {
        const key = fieldKey(finding.instanceLocation);
        const f = key && fields.get(key);
        if (f && visible(f)) {
          if (scope === 'all' || touched.has(key)) {
            if (!perField.has(key)) perField.set(key, []);
            perField.get(key).push([finding, severity]);
          }
        } else if (scope === 'all') {
          loose.push([finding, severity, f]);
        }
      });
    });
    fields.forEach((f, key) => {
      const list = perField.get(key) || [];
      f.findings.replaceChildren(...list.map(([finding, severity]) => findingNode(finding, severity, f)));
      f.wrapper.classList.toggle('has-error', list.some(([, s]) => s === 'error'));
      f.wrapper.classList.toggle('has-warning', list.some(([, s]) => s === 'warning'));
      describe(f, list.length > 0, list.some(([, s]) => s === 'error'));
    });
    if (scope === 'all') {
      generalList.replaceChildren(...loose.map(([finding, severity, f]) => {
        const li = el('li');
        const where = f ? f.title : (finding.instanceLocation || 'the submission');
        li.append(el('strong', {}, where + ': '), findingNode(finding, severity, null));
        return li;
      }));
      general.hidden = loose.length === 0;
    }
    const errors = (report.errors || []).length;
    const warnings = (report.warnings || []).length;
    if (report.status === 'VERIFIED') {
      banner.dataset.status = 'VERIFIED';
      banner.textContent = 'VERIFIED — nothing blocks this registration.' +
        (warnings ? ' ' + warnings + ' warning' + (warnings > 1 ? 's' : '') + ' to consider.' : '');
      banner.hidden = false;
    } else if (scope === 'all') {
      banner.dataset.status = 'NOT_VERIFIED';
      banner.textContent = 'Not verified: ' + errors + ' error' + (errors > 1 ? 's' : '') + ' to correct before you submit.';
      banner.hidden = false;
    } else {
      banner.hidden = true;
    }
  }

  function showProblem(text) {
    banner.dataset.status = 'PROBLEM';
    banner.textContent = text;
    banner.hidden = false;
  }

  async function check(scope) {
    const mine = ++sequence;
    let response;
    try {
      response = await fetch('/v1/registrations/validate', {
        method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(submission())
      });
    } catch (e) {
      if (mine === sequence) showProblem('The service could not be reached: ' + e.message);
      return;
    }
    const body = await response.json();
    if (mine !== sequence) return;  // a later check is on its way
    if (!response.ok) { showProblem(body.detail || ('HTTP ' + response.status)); return; }
    render(body, scope);
    form.dataset.checked = String(mine);
    // Which checks were whole-form ones: a field's check that lands while a
    // whole-form check is on its way must not read as that check's answer.
    if (scope === 'all') form.dataset.checkedAll = String(mine);
    if (scope === 'all') {
      const firstBad = Array.from(fields.values()).find(f => !f.wrapper.hidden && f.wrapper.classList.contains('has-error'));
      if (firstBad) firstBad.control.focus();
    }
  }

  function schedule(key) {
    if (key) touched.add(key);
    clearTimeout(pending);
    pending = setTimeout(() => check('touched'), 100);
  }

  function keyOfTarget(target) {
    for (const [key, f] of fields) {
      if (f.control === target || f.control.contains(target)) return key;
    }
    return null;
  }

  async function start() {
    const response = await fetch('/v1/schemas/registration');
    const schema = await response.json();
    const defs = schema.definitions;
    const shown = visibilityRules(defs.brand);
    ['brand', 'campaign'].forEach(part => {
      const box = document.getElementById(part);
      box.querySelectorAll('.loading').forEach(n => n.remove());
      FIELDS[part].forEach(name => {
        const props = defs[part].properties[name] || {type: 'string'};
        addField(box, part, name, props, part === 'brand' ? shown(name) : () => true);
      });
    });
    addNumbers(document.getElementById('numbers'), schema.properties.phoneNumbers);
    applyVisibility();
    form.addEventListener('focusout', e => {
      const key = keyOfTarget(e.target);
      if (key) schedule(key);
    });
    form.addEventListener('change', e => {
      const key = keyOfTarget(e.target);
      if (key === '/brand/entityType') applyVisibility();
      if (key) schedule(key);
    });
    form.addEventListener('submit', e => {
      e.preventDefault();
      clearTimeout(pending);
      fields.forEach((f, key) => touched.add(key));
      check('all');
    });
    form.dataset.ready = 'true';
  }

  start().catch(e => showProblem('The form could not load: ' + e.message));
})();
