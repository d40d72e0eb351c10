// Type-ahead for the search box: the ARIA combobox pattern (list autocomplete), keyboard first.
// Down/Up move through suggestions, Enter searches the one chosen, Escape closes the list (or clears the box).
(() => {
  const input = document.getElementById('q');
  const list = document.getElementById('q-suggestions');
  const status = document.getElementById('q-status');
  if (!input || !list) return;
  let items = [];
  let active = -1;
  let timer = 0;
  let asked = '';

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const choose = (index) => {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) input.setAttribute('aria-activedescendant', list.children[index].id);
    else input.removeAttribute('aria-activedescendant');
  };

  const show = (suggestions) => {
    items = suggestions.map((s) => s.text);
    list.replaceChildren(...items.map((text, i) => {
      const li = document.createElement('li');
      li.id = 'q-suggestion-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.textContent = text;
      // mousedown, not click: it comes before the input loses focus.
      li.addEventListener('mousedown', (e) => { e.preventDefault(); submit(text); });
      return li;
    }));
    if (items.length === 0) { close(); status.textContent = ''; return; }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    choose(-1);
    status.textContent = items.length + (items.length === 1 ? ' suggestion' : ' suggestions') + '; use the arrow keys to choose';
  };

  const submit = (text) => {
    input.value = text;
    close();
    input.form.requestSubmit();
  };

  const ask = () => {
    const typed = input.value;
    if (typed.trim().length < 2) { close(); return; }
    asked = typed;
    fetch('/api/suggest?limit=8&q=' + encodeURIComponent(typed), { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : { suggestions: [] }))
      // An answer to an older input is dropped.
      .then((body) => { if (asked === input.value) show(body.suggestions); })
      .catch(() => close());
  };

  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(ask, 120); });
  input.addEventListener('keydown', (e) => {
    const open = !list.hidden;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) { ask(); return; }
      choose((active + 1) % items.length);
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      choose(active <= 0 ? items.length - 1 : active - 1);
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      submit(items[active]);
    } else if (e.key === 'Escape') {
      if (open) { e.preventDefault(); close(); } else { input.value = ''; }
    } else if (e.key === 'Tab') {
      close();
    }
  });
  input.addEventListener('blur', close);

  // On a phone the filters start folded, above the results; on a wide screen they stay open beside them.
  const facets = document.querySelector('details.facets');
  if (facets && !window.matchMedia('(min-width: 48rem)').matches) facets.open = false;
})();
