// "Add a row" without a round trip: the worksheet form works without JavaScript (the button saves and comes back with
// a blank row); with it, the button copies the table's last row blank in place and the next save keeps it if filled.
// Contract with the editor partials (Features/Worksheets/Fields/<Type>/): the button is
// <button name="op" value="add:{key}">; a table's rows sit in the tbody
// under #{id}-rows and its row count in <input type="hidden" name="{key}.rows">; a list's items in <ol id="{id}">,
// where {id} is "in_" + key with dots as underscores and row inputs are named {key}.{row}.{part}.
(function () {
  'use strict';
  const idOf = (key) => 'in_' + key.replace(/\./g, '_');

  function addTableRow(key, body, count) {
    const n = parseInt(count.value, 10);
    const last = body.rows[body.rows.length - 1];
    if (!last || isNaN(n) || n < 1) return null;
    const row = last.cloneNode(true);
    const oldName = key + '.' + (n - 1) + '.',
      newName = key + '.' + n + '.';
    const oldId = idOf(key) + '_' + (n - 1) + '_',
      newId = idOf(key) + '_' + n + '_';
    row.querySelectorAll('[name]').forEach((el) => {
      el.name = el.name.replace(oldName, newName);
    });
    row.querySelectorAll('[id]').forEach((el) => {
      el.id = el.id.replace(oldId, newId);
    });
    row.querySelectorAll('label[for]').forEach((el) => {
      el.htmlFor = el.htmlFor.replace(oldId, newId);
    });
    row.querySelectorAll('output').forEach((el) => {
      el.htmlFor.value = el.htmlFor.value.split(oldId).join(newId);
      if (el.hasAttribute('data-quadrant-for')) el.setAttribute('data-quadrant-for', String(n));
      el.textContent = '—';
    });
    row.querySelectorAll('.visually-hidden').forEach((el) => {
      el.textContent = el.textContent.replace('row ' + n, 'row ' + (n + 1));
    });
    row.querySelectorAll('input, textarea').forEach((el) => {
      if (el.type === 'checkbox' || el.type === 'radio') el.checked = false;
      else el.value = '';
      el.removeAttribute('aria-invalid');
    });
    if (row.hasAttribute('data-index')) row.setAttribute('data-index', String(n));
    body.appendChild(row);
    count.value = String(n + 1);
    return row;
  }

  function addListItem(list) {
    const last = list.lastElementChild;
    if (!last) return null;
    const item = last.cloneNode(true);
    const n = list.children.length;
    item.querySelectorAll('input').forEach((el) => {
      el.value = '';
      el.id = el.id.replace(/_\d+$/, '_' + n);
    });
    item.querySelectorAll('label[for]').forEach((el) => {
      el.htmlFor = el.htmlFor.replace(/_\d+$/, '_' + n);
      el.textContent = el.textContent.replace(/item \d+$/, 'item ' + (n + 1));
    });
    list.appendChild(item);
    return item;
  }

  document.addEventListener('click', (e) => {
    const button = e.target.closest("button[name=op][value^='add:']");
    if (!button) return;
    const key = button.value.slice(4);
    const box = document.getElementById(idOf(key) + '-rows');
    const count = button.form && button.form.querySelector("input[type=hidden][name='" + key + ".rows']");
    const body = box && box.querySelector('tbody');
    let added = null;
    if (body && count) added = addTableRow(key, body, count);
    else {
      const list = document.getElementById(idOf(key));
      if (list && list.tagName === 'OL') added = addListItem(list);
    }
    if (!added) return; // no room to copy from: let the form post as without JavaScript
    e.preventDefault();
    const first = added.querySelector('input:not([type=hidden]):not([type=checkbox]), textarea');
    if (first) first.focus();
  });
})();
