// Diorama studio: the page over the server's own API (/v1). No framework, no build step, nothing
// fetched from elsewhere.
//
// Authentication: API calls carry "Authorization: Bearer KEY" (the key the user typed once, kept
// in this browser's localStorage). The <video>, the thumbnails and the EventSource cannot send that
// header, so the page trades its key for an HttpOnly cookie (POST /v1/studio/session) that the
// server accepts only for reading a video's media and events. Under `diorama serve --no-auth` no
// key is asked for.
'use strict';

(() => {
  const KEY_STORAGE = 'diorama.apiKey';
  const SESSION_RENEW_MS = 30 * 60 * 1000;
  const PAGE = 12;

  const $ = (id) => document.getElementById(id);
  const el = {
    compose: $('compose'), prompt: $('prompt'), size: $('size'), seconds: $('seconds'), seed: $('seed'),
    backdrop: $('backdrop'),
    submit: $('submit'), composeStatus: $('compose-status'),
    remixing: $('remixing'), remixOf: $('remix-of'), remixCancel: $('remix-cancel'),
    explainEmpty: $('explain-empty'), explainBody: $('explain-body'), explainObjects: $('explain-objects'),
    explainFacts: $('explain-facts'), explainIgnoredWrap: $('explain-ignored-wrap'), explainIgnored: $('explain-ignored'),
    explainNotesWrap: $('explain-notes-wrap'), explainNotes: $('explain-notes'), explainError: $('explain-error'),
    job: $('job'), jobStatus: $('job-status'), jobPercent: $('job-percent'), progress: $('progress'), progressFill: $('progress-fill'),
    stage: $('stage'), player: $('player'), now: $('now'), nowPrompt: $('now-prompt'), nowMeta: $('now-meta'),
    track: $('track'), ticks: $('ticks'), playhead: $('playhead'), timelineSummary: $('timeline-summary'), markDetail: $('mark-detail'),
    remix: $('remix'), download: $('download'), groundTruth: $('ground-truth'), del: $('delete'),
    gallery: $('gallery'), galleryEmpty: $('gallery-empty'), more: $('more'), refresh: $('refresh'),
    account: $('account'), accountLabel: $('account-label'), forgetKey: $('forget-key'),
    keyDialog: $('key-dialog'), keyForm: $('key-form'), keyInput: $('key-input'), keyError: $('key-error'),
    cardTemplate: $('card-template'),
  };

  const state = {
    key: localStorage.getItem(KEY_STORAGE),
    connected: false,
    shown: null,          // the video object in the player
    remixFrom: null,      // the video a submit remixes, or null
    tracking: null,       // {id, source, poll}: the job whose progress the bar shows
    videos: new Map(),    // id -> video object, as last seen
    lastId: null, hasMore: false,
    galleryTimer: null, sessionTimer: null,
    explainSeq: 0, explainTimer: null,
    duration: 0, events: [], slow: 1,
  };

  // ---- the API ----

  class ApiFailure extends Error {
    constructor(status, error, retryAfter) {
      super(error && error.message ? error.message : 'HTTP ' + status);
      this.status = status;
      this.code = error && error.code;
      this.param = error && error.param;
      this.retryAfter = retryAfter;
    }
  }

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (state.key) headers.Authorization = 'Bearer ' + state.key;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    } catch (e) {
      throw new ApiFailure(0, { message: 'The server cannot be reached (' + e.message + ').' });
    }
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { /* not JSON: reported below */ }
    if (!response.ok) {
      const failure = new ApiFailure(response.status, json && json.error, response.headers.get('Retry-After'));
      if (response.status === 401) askForKey(failure.message);
      throw failure;
    }
    return json;
  }

  /** A picture file as a data: URL (what the API takes as input_reference.image_url). */
  const dataUrl = (file) => new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(new Error('Could not read the picture ' + file.name + '.'));
    reader.readAsDataURL(file);
  });

  const videoPath = (id, tail = '') => '/v1/videos/' + encodeURIComponent(id) + tail;

  // ---- key and session ----

  function askForKey(message) {
    state.connected = false;
    el.keyError.hidden = !message || !state.key;
    el.keyError.textContent = state.key ? message : '';
    if (!el.keyDialog.open) {
      el.keyInput.value = '';
      el.keyDialog.showModal();
      el.keyInput.focus();
    }
  }

  el.keyForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const key = el.keyInput.value.trim();
    if (!key) return;
    state.key = key;
    localStorage.setItem(KEY_STORAGE, key);
    el.keyDialog.close();
    connect();
  });
  // The page needs a key to do anything: Escape keeps the dialog open.
  el.keyDialog.addEventListener('cancel', (e) => { if (!state.connected) e.preventDefault(); });

  el.forgetKey.addEventListener('click', async () => {
    try { await api('DELETE', '/v1/studio/session'); } catch { /* the cookie expires anyway */ }
    localStorage.removeItem(KEY_STORAGE);
    state.key = null;
    location.reload();
  });

  async function openSession() {
    const s = await api('POST', '/v1/studio/session');
    clearInterval(state.sessionTimer);
    if (s && s.auth) state.sessionTimer = setInterval(() => openSession().catch(() => {}), SESSION_RENEW_MS);
    return s;
  }

  async function connect() {
    let page;
    try {
      page = await api('GET', '/v1/videos?limit=' + PAGE);
      const session = await openSession();
      state.connected = true;
      el.account.hidden = !session.auth;
      el.accountLabel.textContent = session.auth && state.key ? 'key ' + state.key.slice(0, 8) + '…' : '';
    } catch (e) {
      if (e.status !== 401) setStatus(e.message, true);
      return;
    }
    renderGallery(page, false);
    const first = page.data.find((v) => v.status === 'completed');
    if (first && !state.shown) show(first, false);
    const running = page.data.find((v) => v.status === 'queued' || v.status === 'in_progress');
    if (running) track(running);
    if (el.prompt.value.trim()) scheduleExplain(0);
  }

  // ---- compose ----

  function setStatus(text, isError = false) {
    el.composeStatus.textContent = text || '';
    el.composeStatus.classList.toggle('error', !!isError);
  }

  el.prompt.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      el.compose.requestSubmit();
    }
  });
  el.prompt.addEventListener('input', () => scheduleExplain(450));
  el.size.addEventListener('change', () => scheduleExplain(0));
  el.seconds.addEventListener('change', () => scheduleExplain(0));

  for (const chip of document.querySelectorAll('.example')) {
    chip.addEventListener('click', () => {
      el.prompt.value = chip.textContent.trim();
      el.prompt.focus();
      scheduleExplain(0);
    });
  }

  el.compose.addEventListener('submit', async (e) => {
    e.preventDefault();
    const prompt = el.prompt.value.trim();
    if (!prompt) {
      setStatus('Describe a scene first, for example one of the examples.', true);
      el.prompt.focus();
      return;
    }
    el.submit.disabled = true;
    setStatus(state.remixFrom ? 'Sending the remix…' : 'Sending…');
    try {
      let video;
      if (state.remixFrom) {
        video = await api('POST', videoPath(state.remixFrom.id, '/remix'), { prompt });
      } else {
        const body = { prompt, size: el.size.value };
        if (el.seconds.value) body.seconds = el.seconds.value;
        const seed = el.seed.value.trim();
        if (seed && seed !== '0') body.seed = seed;
        const picture = el.backdrop && el.backdrop.files && el.backdrop.files[0];
        if (picture) body.input_reference = { image_url: await dataUrl(picture) };
        video = await api('POST', '/v1/videos', body);
      }
      setRemix(null);
      setStatus('Accepted: ' + describe(video) + '.');
      remember(video);
      addCard(video, true);
      track(video);
    } catch (err) {
      const wait = err.retryAfter ? ' Try again in ' + err.retryAfter + ' s.' : '';
      setStatus(err.message + wait, true);
      if (err.param === 'prompt') el.prompt.focus();
    } finally {
      el.submit.disabled = false;
    }
  });

  function setRemix(video) {
    state.remixFrom = video;
    el.remixing.hidden = !video;
    el.submit.textContent = video ? 'Film the remix' : 'Film it';
    el.size.disabled = el.seconds.disabled = el.seed.disabled = !!video;
    if (video) el.remixOf.textContent = video.prompt;
  }
  el.remixCancel.addEventListener('click', () => { setRemix(null); el.prompt.focus(); });

  // ---- explain ----

  function scheduleExplain(delay) {
    clearTimeout(state.explainTimer);
    state.explainTimer = setTimeout(explain, delay);
  }

  async function explain() {
    const prompt = el.prompt.value.trim();
    const seq = ++state.explainSeq;
    if (!prompt) {
      el.explainEmpty.hidden = false;
      el.explainBody.hidden = el.explainError.hidden = true;
      return;
    }
    if (!state.connected) return;
    const body = { prompt, size: state.remixFrom ? state.remixFrom.size : el.size.value };
    const seconds = state.remixFrom ? null : el.seconds.value;
    if (seconds) body.seconds = seconds;
    try {
      const x = await api('POST', '/v1/explain', body);
      if (seq !== state.explainSeq) return;
      renderExplanation(x);
    } catch (err) {
      if (seq !== state.explainSeq) return;
      el.explainEmpty.hidden = true;
      el.explainBody.hidden = true;
      el.explainError.hidden = false;
      el.explainError.textContent = err.message;
    }
  }

  const MATERIAL_COLORS = {
    rubber: '#3a3a3a', steel: '#9aa3ad', chrome: '#dfe6ee', wood: '#a8743f', glass: 'rgba(190, 230, 255, 0.45)',
    plastic: '#f2f2f2', stone: '#8d8a84',
  };

  // Colour names are CSS's, but for these three of Diorama's palette (scene/.../Colors.java).
  const NON_CSS_COLORS = { amber: '#ffbf00', emerald: '#50c878', scarlet: '#ff2400' };

  function cssColor(o) {
    const c = o.color;
    if (typeof c === 'string') return NON_CSS_COLORS[c] || c;
    if (Array.isArray(c)) return 'rgb(' + c.map((v) => Math.round(255 * Math.min(1, Math.max(0, v)))).join(', ') + ')';
    return MATERIAL_COLORS[o.material] || '#888';
  }

  function objectLabel(o) {
    const colour = typeof o.color === 'string' ? o.color.replace(/-/g, ' ') + ' ' : '';
    const cm = (m) => (m >= 1 ? m.toFixed(2).replace(/\.?0+$/, '') + ' m' : Math.round(m * 100) + ' cm');
    return colour + o.material + ' ' + o.shape + ', ' + cm(Math.max(...o.size));
  }

  function renderExplanation(x) {
    const scene = x.scene;
    el.explainEmpty.hidden = true;
    el.explainError.hidden = true;
    el.explainBody.hidden = false;

    // Identical objects are shown once with a count.
    const groups = new Map();
    for (const o of scene.objects) {
      const label = objectLabel(o);
      const g = groups.get(label) || { o, n: 0 };
      g.n++;
      groups.set(label, g);
    }
    el.explainObjects.replaceChildren(...[...groups].map(([label, g]) => {
      const li = document.createElement('li');
      const sw = document.createElement('span');
      sw.className = 'swatch ' + g.o.shape;
      sw.style.background = cssColor(g.o);
      li.append(sw);
      if (g.n > 1) {
        const n = document.createElement('span');
        n.className = 'count';
        n.textContent = g.n + ' ×';
        li.append(n);
      }
      li.append(document.createTextNode(label));
      return li;
    }));

    const env = scene.environment || {};
    const facts = [
      ['Place', env.kind === 'indoor'
        ? 'indoors, ' + (env.room && env.room.size ? env.room.size.join(' × ') + ' m room' : 'a room')
        : 'outdoors'],
      ['Where', (env.place ? env.place + ', ' : '') + (env.latitude !== undefined
        ? Math.abs(env.latitude).toFixed(2) + '° ' + (env.latitude >= 0 ? 'N' : 'S') + ', '
          + Math.abs(env.longitude).toFixed(2) + '° ' + (env.longitude >= 0 ? 'E' : 'W') : '')],
      ['Floor', env.floor || '—'],
      ['Time', (scene.time || '—') + (env.date ? ' on ' + env.date : '')],
      ['Film', scene.seconds + ' s · ' + scene.size + ' · ' + scene.fps + ' fps · seed ' + scene.seed
        + (scene.captureFps && scene.captureFps !== scene.fps
          ? ' · slow motion: filmed at ' + scene.captureFps + ' fps, ' + +(scene.captureFps / scene.fps).toFixed(2) + ' times slower'
          : '')],
    ];
    el.explainFacts.replaceChildren(...facts.flatMap(([k, v]) => {
      const dt = document.createElement('dt');
      dt.textContent = k;
      const dd = document.createElement('dd');
      dd.textContent = v;
      return [dt, dd];
    }));

    el.explainIgnoredWrap.hidden = x.ignored_words.length === 0;
    el.explainIgnored.replaceChildren(...x.ignored_words.map((w) => {
      const s = document.createElement('span');
      s.textContent = w;
      return s;
    }));
    el.explainNotesWrap.hidden = x.notes.length === 0;
    el.explainNotes.replaceChildren(...x.notes.map((n) => {
      const li = document.createElement('li');
      li.textContent = n;
      return li;
    }));
  }

  // ---- progress ----

  function track(video) {
    stopTracking();
    const t = { id: video.id, source: null, poll: null };
    state.tracking = t;
    updateJob(video);
    // EventSource sends the studio cookie (same origin) and Accept: text/event-stream.
    const source = new EventSource(videoPath(video.id, '/events'));
    t.source = source;
    const onEvent = (e) => {
      if (state.tracking !== t) return;
      const v = JSON.parse(e.data);
      if (e.type === 'deleted') { finishTracking(t); el.job.hidden = true; removeCard(v.id); return; }
      updateJob(v);
    };
    for (const name of ['queued', 'in_progress', 'completed', 'failed', 'deleted']) source.addEventListener(name, onEvent);
    // The stream ends when the video is done (the browser would reconnect: close it first); if it
    // cannot be opened at all (an expired session), poll with the key instead.
    source.onerror = () => {
      if (state.tracking !== t || t.poll) return;
      source.close();
      t.poll = setInterval(async () => {
        try { updateJob(await api('GET', videoPath(t.id))); } catch (err) { if (err.status === 404) finishTracking(t); }
      }, 1000);
    };
  }

  function finishTracking(t) {
    if (t.source) t.source.close();
    clearInterval(t.poll);
    if (state.tracking === t) state.tracking = null;
  }

  function stopTracking() {
    if (state.tracking) finishTracking(state.tracking);
  }

  function updateJob(v) {
    remember(v);
    updateCard(v);
    if (!state.tracking || state.tracking.id !== v.id) return;
    const done = v.status === 'completed', failed = v.status === 'failed';
    const pct = done ? 100 : v.progress;
    el.job.hidden = false;
    el.job.classList.toggle('done', done);
    el.job.classList.toggle('failed', failed);
    el.jobStatus.textContent = failed ? 'Failed: ' + (v.error ? v.error.message : 'unknown error')
      : done ? 'Done: ' + shortPrompt(v.prompt)
        : v.status === 'queued' ? 'Waiting in line…' : pct < 10 ? 'Simulating…' : pct < 95 ? 'Filming and voicing…' : 'Finishing…';
    el.jobPercent.textContent = failed ? '' : pct + ' %';
    el.progress.setAttribute('aria-valuenow', String(pct));
    el.progressFill.style.width = pct + '%';
    if (done || failed) {
      finishTracking(state.tracking);
      if (done) {
        show(v, true);
        setStatus('Done in ' + (v.completed_at - v.created_at) + ' s.');
      } else {
        setStatus(el.jobStatus.textContent, true);
      }
    }
  }

  // ---- the player and the ground truth ----

  async function show(v, play) {
    state.shown = v;
    markCurrent(v.id);
    el.stage.classList.remove('empty');
    const [w, h] = v.size.split('x').map(Number);
    el.stage.style.aspectRatio = w + ' / ' + h;
    el.player.poster = videoPath(v.id, '/content?variant=thumbnail');
    el.player.src = videoPath(v.id, '/content');
    el.now.hidden = false;
    el.nowPrompt.textContent = v.prompt;
    el.nowMeta.textContent = describe(v) + (v.remixed_from_video_id ? ' · remix' : '') + ' · ' + v.id;
    el.download.href = videoPath(v.id, '/content');
    el.download.setAttribute('download', 'diorama-' + v.id.slice(6, 14) + '.mp4');
    el.groundTruth.href = videoPath(v.id, '/ground_truth');
    el.groundTruth.setAttribute('download', 'diorama-' + v.id.slice(6, 14) + '.json');
    state.duration = Number(v.seconds);
    drawTimeline([]);
    el.timelineSummary.textContent = 'loading…';
    if (play) {
      // Playing with sound is allowed after the user's own click or key; if the browser refuses, the controls are there.
      el.player.play().catch(() => {});
    }
    try {
      const truth = await api('GET', videoPath(v.id, '/ground_truth'));
      if (state.shown !== v) return;
      state.duration = truth.frameCount / truth.fps;
      // slow motion: the ground truth's times are the world's; the film shows them captureFps / fps times later
      state.slow = ((truth.scene && truth.scene.captureFps) || truth.fps) / truth.fps;
      drawTimeline(truth.events.filter((e) => e.kind === 'impact'));
    } catch (err) {
      if (state.shown === v) el.timelineSummary.textContent = 'ground truth unavailable: ' + err.message;
    }
  }

  function drawTimeline(events) {
    state.events = events;
    const d = state.duration || 1;
    const step = d <= 5 ? 0.5 : d <= 12 ? 1 : d <= 30 ? 5 : 10;
    const ticks = [];
    for (let t = 0; t <= d + 1e-9; t += step) {
      const tick = document.createElement('div');
      tick.className = 'tick';
      tick.style.left = (100 * t / d) + '%';
      if (Math.abs(t / step - Math.round(t / step)) < 1e-6 && (step >= 1 || Math.abs(t - Math.round(t)) < 1e-9)) {
        const label = document.createElement('span');
        label.textContent = (Math.round(t * 10) / 10) + ' s';
        if (t + step > d + 1e-9 && t > 0) tick.classList.add('last');
        tick.append(label);
      }
      ticks.push(tick);
    }
    el.ticks.replaceChildren(...ticks);
    for (const m of el.track.querySelectorAll('.mark')) m.remove();
    const maxSpeed = Math.max(0.5, ...events.map((e) => e.speed));
    events.forEach((e, i) => {
      const b = document.createElement('button');
      b.type = 'button';
      const other = e.b === 'floor' || e.b === 'wall' ? e.b : e.a === 'floor' || e.a === 'wall' ? e.a : 'pair';
      b.className = 'mark ' + other;
      const at = e.t * (state.slow || 1);
      b.style.left = (100 * at / d) + '%';
      b.style.height = (16 + 26 * Math.sqrt(e.speed / maxSpeed)) + 'px';
      b.tabIndex = i === 0 ? 0 : -1;
      b.dataset.t = String(at);
      const what = e.a + (e.b ? ' on ' + e.b : '');
      b.setAttribute('aria-label', 'Impact at ' + at.toFixed(2) + ' s: ' + what + ', ' + e.speed.toFixed(2) + ' m/s');
      b.title = at.toFixed(2) + ' s · ' + what + ' · ' + e.speed.toFixed(2) + ' m/s';
      b.addEventListener('click', () => seek(e, b));
      b.addEventListener('focus', () => { el.markDetail.textContent = b.title; });
      el.track.append(b);
    });
    el.track.tabIndex = events.length ? -1 : 0;
    el.timelineSummary.textContent = events.length === 0 ? 'no impacts'
      : events.length + ' impact' + (events.length === 1 ? '' : 's') + ' · choose one to see it';
    el.markDetail.textContent = '';
    movePlayhead();
  }

  function seek(e, button) {
    const slow = state.slow || 1;
    el.player.currentTime = e.t * slow;
    for (const m of el.track.querySelectorAll('.mark.active')) m.classList.remove('active');
    button.classList.add('active');
    el.markDetail.textContent = 'At ' + (e.t * slow).toFixed(2) + ' s (frame ' + e.frame
      + (slow > 1 ? '; ' + e.t.toFixed(3) + ' s of the world, in slow motion' : '') + '): ' + e.a + (e.b ? ' hits ' + e.b : '')
      + ' at ' + e.speed.toFixed(2) + ' m/s, impulse ' + e.impulse.toFixed(3) + ' N·s.';
    movePlayhead();
  }

  // Arrow keys move between the marks (one tab stop for the whole timeline); Enter or Space seeks.
  el.track.addEventListener('keydown', (e) => {
    const marks = [...el.track.querySelectorAll('.mark')];
    const i = marks.indexOf(document.activeElement);
    if (i < 0) return;
    let j = i;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') j = Math.min(marks.length - 1, i + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') j = Math.max(0, i - 1);
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = marks.length - 1;
    else return;
    e.preventDefault();
    marks[i].tabIndex = -1;
    marks[j].tabIndex = 0;
    marks[j].focus();
  });

  function movePlayhead() {
    const d = state.duration || 1;
    el.playhead.style.left = Math.min(100, 100 * (el.player.currentTime || 0) / d) + '%';
  }
  let raf = 0;
  const animate = () => { movePlayhead(); raf = el.player.paused ? 0 : requestAnimationFrame(animate); };
  el.player.addEventListener('play', () => { if (!raf) raf = requestAnimationFrame(animate); });
  el.player.addEventListener('seeked', movePlayhead);
  el.player.addEventListener('timeupdate', movePlayhead);
  el.player.addEventListener('error', () => {
    // A media request refused (a session that ended with a restart of the server): renew it once and retry.
    const v = state.shown;
    if (!v || el.player.dataset.retried === v.id) return;
    el.player.dataset.retried = v.id;
    openSession().then(() => { if (state.shown === v) { el.player.src = videoPath(v.id, '/content'); } }).catch(() => {});
  });

  el.remix.addEventListener('click', () => {
    if (!state.shown) return;
    setRemix(state.shown);
    el.prompt.focus();
    el.prompt.select();
    scheduleExplain(0);
  });

  el.del.addEventListener('click', async () => {
    const v = state.shown;
    if (!v || !confirm('Delete this film and its files?\n\n' + v.prompt)) return;
    try {
      await api('DELETE', videoPath(v.id));
      removeCard(v.id);
      state.shown = null;
      el.player.removeAttribute('src');
      el.player.removeAttribute('poster');
      el.player.load();
      el.stage.classList.add('empty');
      el.now.hidden = true;
      setStatus('Deleted.');
    } catch (err) {
      setStatus(err.message, true);
    }
  });

  // ---- gallery ----

  function remember(v) {
    state.videos.set(v.id, v);
  }

  function describe(v) {
    return v.size.replace('x', ' × ') + ' · ' + v.seconds + ' s';
  }

  function shortPrompt(p) {
    return p.length > 60 ? p.slice(0, 57) + '…' : p;
  }

  function ago(unix) {
    const s = Math.max(0, Math.round(Date.now() / 1000 - unix));
    if (s < 60) return 'just now';
    if (s < 3600) return Math.round(s / 60) + ' min ago';
    if (s < 86400) return Math.round(s / 3600) + ' h ago';
    return new Date(unix * 1000).toLocaleDateString();
  }

  function renderGallery(page, append) {
    if (!append) el.gallery.replaceChildren();
    for (const v of page.data) addCard(v, false);
    state.lastId = page.last_id;
    state.hasMore = page.has_more;
    el.more.hidden = !page.has_more;
    el.galleryEmpty.hidden = el.gallery.children.length > 0;
    scheduleGalleryRefresh();
  }

  function card(id) {
    return el.gallery.querySelector('[data-id="' + CSS.escape(id) + '"]');
  }

  function addCard(v, atTop) {
    remember(v);
    let li = card(v.id);
    if (!li) {
      li = el.cardTemplate.content.firstElementChild.cloneNode(true);
      li.dataset.id = v.id;
      li.querySelector('.card-open').addEventListener('click', () => {
        const latest = state.videos.get(v.id);
        if (latest.status === 'completed') show(latest, true);
        else if (latest.status !== 'failed') track(latest);
        else setStatus('That film failed: ' + (latest.error ? latest.error.message : 'unknown error'), true);
      });
      if (atTop) el.gallery.prepend(li); else el.gallery.append(li);
    }
    fillCard(li, v);
    el.galleryEmpty.hidden = true;
    if (state.shown && state.shown.id === v.id) li.classList.add('current');
  }

  function fillCard(li, v) {
    li.dataset.status = v.status;
    const img = li.querySelector('img');
    if (v.status === 'completed' && !img.getAttribute('src')) img.src = videoPath(v.id, '/content?variant=thumbnail');
    const badge = li.querySelector('.badge');
    badge.className = 'badge ' + v.status;
    badge.textContent = v.status === 'completed' ? v.seconds + ' s'
      : v.status === 'in_progress' ? v.progress + ' %' : v.status === 'queued' ? 'queued' : 'failed';
    li.querySelector('.card-prompt').textContent = v.prompt;
    li.querySelector('.card-meta').textContent = v.size.replace('x', '×') + ' · ' + ago(v.created_at)
      + (v.remixed_from_video_id ? ' · remix' : '');
    const bar = li.querySelector('.card-progress');
    bar.hidden = !(v.status === 'in_progress' || v.status === 'queued');
    bar.firstElementChild.style.width = v.progress + '%';
    li.querySelector('.card-open').setAttribute('aria-label', v.prompt + ' (' + (v.status === 'completed' ? 'play' : v.status) + ')');
  }

  function updateCard(v) {
    const li = card(v.id);
    if (li) fillCard(li, v);
    if (v.status === 'completed' || v.status === 'failed') scheduleGalleryRefresh();
  }

  function removeCard(id) {
    const li = card(id);
    if (li) li.remove();
    state.videos.delete(id);
    el.galleryEmpty.hidden = el.gallery.children.length > 0;
  }

  function markCurrent(id) {
    for (const li of el.gallery.querySelectorAll('.card.current')) li.classList.remove('current');
    const li = card(id);
    if (li) li.classList.add('current');
  }

  // While any listed film is unfinished, the list is fetched again every few seconds (a film
  // started elsewhere, by the API, shows up too).
  function scheduleGalleryRefresh() {
    clearTimeout(state.galleryTimer);
    const unfinished = [...state.videos.values()].some((v) => v.status === 'queued' || v.status === 'in_progress');
    state.galleryTimer = setTimeout(refreshGallery, unfinished ? 3000 : 30000);
  }

  async function refreshGallery() {
    if (!state.connected) return;
    try {
      const page = await api('GET', '/v1/videos?limit=' + PAGE);
      // Keep the older pages the user opened; update and prepend what the first page holds.
      for (const v of [...page.data].reverse()) {
        if (card(v.id)) { remember(v); fillCard(card(v.id), v); } else addCard(v, true);
      }
      // A film that the first page should hold but does not was deleted (or expired) meanwhile.
      const listed = new Set(page.data.map((v) => v.id));
      const oldest = page.has_more && page.data.length ? page.data[page.data.length - 1].created_at : -Infinity;
      for (const li of [...el.gallery.children]) {
        const v = state.videos.get(li.dataset.id);
        if (v && !listed.has(v.id) && v.created_at > oldest) removeCard(v.id);
      }
    } catch { /* shown on the next action */ }
    scheduleGalleryRefresh();
  }

  el.refresh.addEventListener('click', () => refreshGallery());
  el.more.addEventListener('click', async () => {
    try {
      renderGallery(await api('GET', '/v1/videos?limit=' + PAGE + '&after=' + encodeURIComponent(state.lastId)), true);
    } catch (err) {
      setStatus(err.message, true);
    }
  });

  // ---- start ----
  el.stage.classList.add('empty');
  connect();
})();
