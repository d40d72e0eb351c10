// Keyboard shortcuts for the passage page (every action also works without JavaScript):
// 1-9 accept a suggested tag, a publish, r reject (asks for the reason), j/k next/previous passage.
document.addEventListener('keydown', (event) => {
  const target = event.target;
  if (event.ctrlKey || event.metaKey || event.altKey || (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)))) {
    return;
  }
  const click = (selector) => {
    const element = document.querySelector(selector);
    if (element) {
      event.preventDefault();
      element.click();
    }
  };
  if (/^[1-9]$/.test(event.key)) {
    click(`button.suggestion[data-key="${event.key}"]`);
  } else if (event.key === 'a') {
    click('#accept');
  } else if (event.key === 'r') {
    const reason = document.getElementById('reject_reason');
    if (reason && reason.value.trim() === '') {
      event.preventDefault();
      // Enter in the reason field then saves the passage as rejected.
      const status = document.getElementById('status');
      if (status) {
        status.value = 'rejected';
      }
      reason.focus();
      reason.placeholder = 'Why is it rejected? Enter saves it as rejected.';
    } else {
      click('#reject');
    }
  } else if (event.key === 'j') {
    click('#next');
  } else if (event.key === 'k') {
    click('#prev');
  }
});

// Progress of a long operation: poll its state and move the bar until it is done.
const job = document.querySelector('section.job[data-job]');
if (job && job.dataset.state === 'running') {
  const bar = job.querySelector('progress');
  const poll = async () => {
    const response = await fetch(`/api/admin/jobs/${job.dataset.job}`, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      return;
    }
    const state = await response.json();
    bar.max = Math.max(state.total, state.done, 1);
    bar.value = state.done;
    job.querySelector('.percent').textContent = `${Math.floor((100 * state.done) / bar.max)}%`;
    job.querySelector('.done').textContent = state.done;
    job.querySelector('.total').textContent = state.total;
    job.querySelector('.state').textContent = state.state;
    job.querySelector('.message').textContent = state.message;
    job.dataset.state = state.state;
    if (state.state === 'running') {
      setTimeout(poll, 500);
    }
  };
  setTimeout(poll, 500);
}

// Times in the editor's own time zone: the server writes them in UTC, and says so, for pages read without scripts.
const localTime = new Intl.DateTimeFormat(undefined, {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
});
document.querySelectorAll('time[datetime*="T"]').forEach((time) => {
  const at = new Date(time.getAttribute('datetime'));
  if (!Number.isNaN(at.getTime())) {
    time.textContent = localTime.format(at);
  }
});

// The console section this page belongs to, for people and screen readers alike.
const sections = [...document.querySelectorAll('.admin-nav a[href^="/admin"]')];
const here = sections
  .filter((a) => location.pathname === a.getAttribute('href')
    || (a.getAttribute('href') !== '/admin' && location.pathname.startsWith(`${a.getAttribute('href')}/`)))
  .sort((a, b) => b.getAttribute('href').length - a.getAttribute('href').length)[0];
if (here) {
  here.setAttribute('aria-current', 'page');
}

// A table wider than a phone scrolls inside itself; the keyboard must reach it even without a link inside.
for (const table of document.querySelectorAll('main table')) {
  if (table.scrollWidth > table.clientWidth && !table.querySelector('a[href], button, input, select, textarea')) {
    table.tabIndex = 0;
  }
}
