// The local workspace's page script. The server renders every message and form to HTML; this
// script only posts what the user did, inserts the fragments it gets back, and listens for live
// updates. Plain modern JS, served as is: no build step.
const body = document.body;
const persona = body.dataset.persona;
const current = body.dataset.conversation;
const messages = document.getElementById('messages');
const dialog = document.getElementById('form-dialog');
const toasts = document.getElementById('toasts');
let returnFocus = null;
// Like any chat app, open at the newest message.
messages.scrollTop = messages.scrollHeight;

// Whatever goes wrong on the way, the persona reads it in their language: never "500 Internal
// Server Error" or "Failed to fetch".
async function post(path, payload) {
  let res;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dandang-persona': persona },
      body: JSON.stringify(payload),
    });
  } catch {
    return { kind: 'error', text: body.dataset.unreachable };
  }
  const reply = await res.json().catch(() => null);
  return reply && typeof reply.kind === 'string' ? reply : { kind: 'error', text: body.dataset.failed };
}

function toast(text, kind = 'info') {
  const el = document.createElement('p');
  el.className = `toast toast-${kind}`;
  el.textContent = text;
  toasts.append(el);
  setTimeout(() => el.remove(), kind === 'error' ? 10000 : 6000);
}

// Live fragments are shared by every viewer; show their times in this persona's zone and language.
const timeFormat = new Intl.DateTimeFormat(document.documentElement.lang, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: body.dataset.timezone,
});

function fragment(html) {
  const t = document.createElement('template');
  t.innerHTML = html.trim();
  const el = t.content.firstElementChild;
  for (const time of el.querySelectorAll('time[datetime]'))
    time.textContent = timeFormat.format(new Date(time.getAttribute('datetime')));
  return el;
}

function appendToConversation(el) {
  messages.querySelector('.empty')?.remove();
  messages.append(el);
  el.scrollIntoView({ block: 'nearest' });
}

function openDialog(html) {
  returnFocus = document.activeElement;
  dialog.innerHTML = html;
  dialog.setAttribute('aria-labelledby', dialog.querySelector('.form-title')?.id ?? '');
  if (!dialog.open) dialog.showModal();
  dialog.querySelector('input, textarea, select')?.focus();
}

function closeDialog() {
  if (dialog.open) dialog.close();
}
dialog.addEventListener('close', () => {
  dialog.innerHTML = '';
  returnFocus?.focus?.();
});

function clearErrors(form) {
  for (const field of form.querySelectorAll('.field')) {
    field.classList.remove('has-error');
    const err = field.querySelector('.field-error');
    err.hidden = true;
    err.textContent = '';
    field.querySelector('[name]')?.removeAttribute('aria-invalid');
  }
  const top = form.querySelector('.form-error');
  top.hidden = true;
  top.textContent = '';
}

function showErrors(form, errors, summary) {
  clearErrors(form);
  let first = null;
  const unplaced = [];
  for (const [id, text] of Object.entries(errors)) {
    const field = form.querySelector(`.field[data-input="${CSS.escape(id)}"]`);
    if (!field) {
      unplaced.push(text);
      continue;
    }
    field.classList.add('has-error');
    // A field behind "More" is shown with its error.
    field.closest('details')?.setAttribute('open', '');
    const err = field.querySelector('.field-error');
    err.textContent = text;
    err.hidden = false;
    const control = field.querySelector('[name]');
    control.setAttribute('aria-invalid', 'true');
    first ??= control;
  }
  const top = form.querySelector('.form-error');
  top.textContent = unplaced.length ? unplaced.join(' ') : summary;
  top.hidden = false;
  first?.focus();
}

function formValues(form) {
  const values = {};
  for (const el of form.querySelectorAll('[name]')) {
    if (el.type === 'file') continue;
    if (el.type === 'checkbox') {
      // Checkboxes of one input share its name: the checked values, [] when none is.
      values[el.name] ??= [];
      if (el.checked) values[el.name].push(el.value);
    } else if (el.dataset.suggest) values[el.name] = pickedOption(el)?.dataset.value ?? el.value;
    else values[el.name] = el.multiple ? [...el.selectedOptions].map((o) => o.value) : el.value;
  }
  return values;
}

/**
 * Each chosen file goes to /api/upload on its own (the server checks its size and real type there,
 * and stores nothing yet); the submission then names the tokens it got back. A refused file shows
 * its error on the field and stops the submission.
 */
async function uploadFiles(form) {
  const files = {};
  for (const input of form.querySelectorAll('input[type="file"][name]')) {
    const tokens = [];
    for (const file of input.files) {
      const res = await fetch('/api/upload', {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          'x-dandang-persona': persona,
          'x-file-name': encodeURIComponent(file.name),
        },
        body: file,
      });
      const answer = await res.json().catch(() => ({ kind: 'error', text: `${res.status} ${res.statusText}` }));
      if (!answer.token) return { errors: { [input.name]: answer.text ?? String(res.status) } };
      tokens.push(answer.token);
    }
    files[input.name] = tokens;
  }
  return { files };
}

/** Acts on the server's answer. `form` is the form that was submitted, if any. */
function handleReply(reply, form) {
  switch (reply.kind) {
    case 'ok':
      scheduleHomeRedraw();
      if (form && dialog.contains(form)) closeDialog();
      if (reply.html) appendToConversation(fragment(reply.html));
      if (reply.toast) toast(reply.toast);
      return true;
    case 'form':
      openDialog(reply.html);
      return true;
    case 'formErrors':
      if (form) showErrors(form, reply.errors, reply.text);
      else toast(reply.text, 'error');
      return false;
    case 'error':
    default:
      // A refusal that comes with the buttons that unblock it stays in the conversation, where the
      // buttons can be pressed (a dialog in the way is closed).
      if (reply.html) {
        if (form && dialog.contains(form)) closeDialog();
        appendToConversation(fragment(reply.html));
      } else if (form) {
        const top = form.querySelector('.form-error');
        top.textContent = reply.text;
        top.hidden = false;
      }
      toast(reply.text ?? 'error', 'error');
      return false;
  }
}

async function busy(control, fn) {
  control.setAttribute('aria-busy', 'true');
  control.disabled = true;
  try {
    return await fn();
  } catch {
    toast(body.dataset.failed, 'error');
    return false;
  } finally {
    control.disabled = false;
    control.removeAttribute('aria-busy');
  }
}

document.getElementById('persona-select').addEventListener('change', (e) => {
  location.href = `/?as=${encodeURIComponent(e.target.value)}`;
});

document.getElementById('composer').addEventListener('submit', async (e) => {
  e.preventDefault();
  const input = document.getElementById('composer-input');
  const text = input.value.trim();
  if (!text) return;
  const button = e.target.querySelector('button[type="submit"]');
  const ok = await busy(button, async () => handleReply(await post('/api/command', { text })));
  if (ok) input.value = '';
  input.focus();
});

document.addEventListener('click', async (e) => {
  const target = e.target instanceof Element ? e.target : null;
  if (target?.closest('[data-close]')) {
    closeDialog();
    return;
  }
  const button = target?.closest('button[data-action]');
  if (!button) return;
  if (button.dataset.confirm && !window.confirm(button.dataset.confirm)) return;
  await busy(button, async () =>
    handleReply(await post('/api/action', { actionId: button.dataset.action, value: button.dataset.value })),
  );
});

document.addEventListener('submit', async (e) => {
  const form = e.target;
  if (!(form instanceof HTMLFormElement) || !form.classList.contains('nm-form')) return;
  e.preventDefault();
  const button = form.querySelector('button[type="submit"]');
  await busy(button, async () => {
    const uploaded = await uploadFiles(form);
    if (uploaded.errors) return handleReply({ kind: 'formErrors', errors: uploaded.errors, text: '' }, form);
    const reply = await post('/api/submit', {
      formId: form.dataset.formId,
      state: form.dataset.state,
      instance: form.dataset.instance,
      values: formValues(form),
      files: uploaded.files,
    });
    return handleReply(reply, form);
  });
});

// "120 / 3000 characters" under a text input (render.ts): counted as the server counts, in code points.
function updateCounter(control) {
  const counter = control.id && document.getElementById(`${control.id}-count`);
  if (!counter) return;
  const n = [...control.value].length;
  const max = Number(counter.dataset.max);
  const over = n > max;
  counter.textContent = (over ? counter.dataset.over : counter.dataset.template)
    .replace('{n}', String(n))
    .replace('{over}', String(n - max));
  counter.classList.toggle('over', over);
  counter.hidden = counter.dataset.always !== 'true' && n <= max * 0.8;
  if (over) control.setAttribute('aria-invalid', 'true');
  else if (!control.closest('.field')?.classList.contains('has-error')) control.removeAttribute('aria-invalid');
}
document.addEventListener('input', (e) => {
  if (e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement) updateCounter(e.target);
});

// Live updates: the bot's posts and in-place edits, for every conversation this persona can see.
const live = document.getElementById('live-status');
const events = new EventSource(`/api/events?as=${encodeURIComponent(persona)}`);
events.addEventListener('open', () => {
  live.textContent = live.dataset.live;
  live.classList.add('on');
});
events.addEventListener('error', () => {
  live.textContent = live.dataset.reconnecting;
  live.classList.remove('on');
});
events.addEventListener('message', (e) => {
  const m = JSON.parse(e.data);
  scheduleHomeRedraw();
  if (m.conversation !== current) {
    const badge = document.querySelector(`a[data-conversation="${CSS.escape(m.conversation)}"] .badge`);
    if (badge) {
      badge.textContent = String(Number(badge.textContent || 0) + 1);
      badge.hidden = false;
    }
    return;
  }
  const el = fragment(m.html);
  const existing = document.getElementById(`msg-${m.id}`);
  if (existing) {
    existing.replaceWith(el);
    el.classList.add('flash');
  } else if (m.threadId) {
    const thread = document.getElementById(`thread-${m.threadId}`);
    if (thread) {
      thread.hidden = false;
      thread.append(el);
    }
  } else {
    appendToConversation(el);
  }
});

// The Home (?c=home) is drawn by the server from the database. After anything this persona did, or
// a message that reached them, it is drawn again, so it never offers what is already done.
let homeRedraw = null;
function scheduleHomeRedraw() {
  if (current !== 'home') return;
  clearTimeout(homeRedraw);
  homeRedraw = setTimeout(async () => {
    const res = await fetch('/api/home', { headers: { 'x-dandang-persona': persona } }).catch(() => null);
    const reply = res?.ok ? await res.json().catch(() => null) : null;
    const old = document.getElementById('home');
    if (reply?.html && old) old.replaceWith(fragment(reply.html));
  }, 150);
}

// On a narrow screen the sidebar is a drawer behind the menu button.
const navToggle = document.getElementById('nav-toggle');
function setNav(open) {
  body.classList.toggle('nav-open', open);
  navToggle.setAttribute('aria-expanded', String(open));
}
navToggle.addEventListener('click', () => setNav(!body.classList.contains('nav-open')));
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && body.classList.contains('nav-open')) {
    setNav(false);
    navToggle.focus();
  }
});

// A search field (render.ts: a text input with a datalist): the options for what was typed come
// from the server, which decides who may see whom. Each option is a label naming its value
// (data-value): a picked label is sent as its value, anything else typed as typed (formValues).
const pickedOption = (control) => [...(control.list?.options ?? [])].find((o) => o.value === control.value);
let suggestTimer = null;
document.addEventListener('input', (e) => {
  const control = e.target;
  if (!(control instanceof HTMLInputElement) || !control.dataset.suggest) return;
  clearTimeout(suggestTimer);
  const query = control.value;
  if ([...query.trim()].length < Number(control.dataset.minQuery ?? 1) || pickedOption(control)) return;
  suggestTimer = setTimeout(async () => {
    const form = control.closest('form.nm-form');
    const reply = await post('/api/suggest', {
      formId: form?.dataset.formId,
      state: form?.dataset.state,
      inputId: control.dataset.suggest,
      query,
    });
    if (control.value !== query || !Array.isArray(reply.options)) return;
    control.list.replaceChildren(
      ...reply.options.map((o) => {
        const option = document.createElement('option');
        option.value = o.label;
        option.dataset.value = o.value;
        return option;
      }),
    );
  }, 150);
});
