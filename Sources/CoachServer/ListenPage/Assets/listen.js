// Trailbrake listen page: follows one driver's live session over the read-only socket
// /api/v1/coaching/listen (docs/protocol.md, "Listening") and shows the delta, the last cues
// and the lap times. Every cue shown and every clip decoded is also written to the hidden
// #report list (what the browser test reads, and a trace for whoever debugs a page).
'use strict';
(() => {
  const audio = window.TrailbrakeAudio;
  const $ = (id) => document.getElementById(id);
  const ui = {
    status: $('status'), delta: $('delta'), where: $('where'), reference: $('reference'),
    unlock: $('unlock'), cues: $('cues'), laps: $('laps'), audioState: $('audio-state'), report: $('report'),
  };
  const driver = $('listen').dataset.driver;
  const SHOWN_CUES = 6;
  const SHOWN_LAPS = 20;
  const REMEMBERED_CUES = 64;
  const REPORT_LIMIT = 2000;
  // Wall-clock milliseconds, the clock the browser test compares with the driver's send times.
  const now = () => Date.now();

  // The followed session; `cues` keeps each recent cue's deadline for its clip.
  const session = { id: null, lap: null, dist: null, cues: new Map(), best: null };

  function record(kind, fields) {
    const item = document.createElement('li');
    item.dataset.kind = kind;
    for (const [key, value] of Object.entries(fields)) item.dataset[key] = String(value);
    ui.report.append(item);
    while (ui.report.childElementCount > REPORT_LIMIT) ui.report.firstElementChild.remove();
    return item;
  }

  function setStatus(state, text) {
    ui.status.dataset.state = state;
    ui.status.textContent = text;
  }

  // MARK: the socket

  let socket = null;
  let failures = 0;
  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(`${scheme}//${location.host}/api/v1/coaching/listen`);
    socket.binaryType = 'arraybuffer';
    let opened = false;
    socket.onopen = () => {
      opened = true;
      failures = 0;
      setStatus('waiting', `Connected · waiting for ${driver}`);
    };
    socket.onmessage = (event) => (typeof event.data === 'string' ? onText(event.data) : onClip(event.data));
    socket.onclose = (event) => {
      socket = null;
      failures += 1;
      // 4401: this browser's sign-in ended (signed out, expired or replaced by a newer one).
      const signedOut = event.code === 4401;
      if (signedOut) setStatus('error', 'Your sign-in has ended');
      else if (event.code === 1008) setStatus('error', 'This driver has as many listeners as allowed');
      else setStatus('error', opened ? 'Disconnected · reconnecting' : 'Cannot connect · retrying');
      const delay = Math.min(15000, 500 * 2 ** Math.min(failures, 5)) * (event.code === 1008 ? 4 : 1);
      setTimeout(() => (opened && !signedOut ? connect() : checkSignedInThenConnect()), delay);
    };
  }

  // A socket refused before it opened may mean the sign-in ended: the page then shows sign-in.
  async function checkSignedInThenConnect() {
    try {
      const answer = await fetch('/listen/session', { cache: 'no-store', credentials: 'same-origin' });
      if (answer.status === 401) {
        location.reload();
        return;
      }
    } catch (error) {
      // The server is away; keep trying.
    }
    connect();
  }

  function onText(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch (error) {
      return;
    }
    switch (message.type) {
      case 'welcome': return onWelcome(message);
      case 'delta': return onDelta(message);
      case 'cue': return onCue(message);
      case 'lap': return onLap(message);
      case 'session_ended': return onSessionEnded(message);
      case 'error': return setStatus('error', message.message || message.code);
      default: return undefined;
    }
  }

  // MARK: messages

  function onWelcome(message) {
    if (message.session !== session.id) {
      session.id = message.session;
      session.lap = null;
      session.dist = null;
      session.cues.clear();
      session.best = null;
      ui.laps.replaceChildren();
      ui.delta.textContent = '–.––';
      ui.delta.dataset.sign = 'none';
      ui.where.textContent = 'Session started';
    }
    const reference = message.reference;
    ui.reference.textContent = reference ? `Reference ${formatLapTime(reference.lap_time)} · ${reference.car}` : 'No reference lap yet';
    setStatus('live', `Live · ${driver}`);
    record('welcome', { session: message.session, at: now().toFixed(1) });
  }

  function onDelta(message) {
    session.lap = message.lap;
    session.dist = message.dist;
    const delta = message.delta;
    ui.delta.textContent = `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${Math.abs(delta).toFixed(2)}`;
    ui.delta.dataset.sign = delta > 0.005 ? 'behind' : delta < -0.005 ? 'ahead' : 'none';
    ui.where.textContent = `Lap ${message.lap} · ${Math.round(message.dist)} m`;
  }

  function onCue(message) {
    const item = document.createElement('li');
    item.className = `cue fresh severity-${message.severity}`;
    item.textContent = message.text;
    const meta = document.createElement('span');
    meta.className = 'meta';
    const where = message.corner_name || (message.corner > 0 ? `Turn ${message.corner}` : 'Lap');
    meta.textContent = `${where} · ${message.kind === 'anticipatory' ? 'approach' : 'feedback'}`;
    item.append(meta);
    ui.cues.prepend(item);
    while (ui.cues.childElementCount > SHOWN_CUES) ui.cues.lastElementChild.remove();

    session.cues.set(message.id, audio.deadline(message.deadline, session.lap, session.dist));
    if (session.cues.size > REMEMBERED_CUES) session.cues.delete(session.cues.keys().next().value);

    const entry = record('cue', { id: message.id, seq: message.seq, cueKind: message.kind, clip: message.clip ? message.clip.id : '', receivedAt: now().toFixed(1) });
    // Shown once the browser has laid it out for the next frame.
    requestAnimationFrame(() => { entry.dataset.shownAt = now().toFixed(1); });
  }

  function onLap(message) {
    const row = document.createElement('tr');
    const valid = message.valid && typeof message.time === 'number';
    if (!valid) row.className = 'invalid';
    const delta = typeof message.delta === 'number' ? message.delta : null;
    const cells = [
      String(message.lap),
      typeof message.time === 'number' ? formatLapTime(message.time) : '–',
      delta === null ? '' : `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${Math.abs(delta).toFixed(3)}`,
      valid ? '' : (message.invalid_reason || 'invalid').replace(/_/g, ' '),
    ];
    for (const text of cells) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    if (delta !== null) row.children[2].className = delta > 0 ? 'behind' : 'ahead';
    if (valid && (session.best === null || message.time < session.best)) {
      session.best = message.time;
      for (const other of ui.laps.querySelectorAll('tr.best')) other.classList.remove('best');
      row.classList.add('best');
    }
    ui.laps.prepend(row);
    while (ui.laps.childElementCount > SHOWN_LAPS) ui.laps.lastElementChild.remove();
    record('lap', { lap: message.lap, time: message.time === null ? '' : message.time });
  }

  function onSessionEnded(message) {
    if (message.session !== session.id) return;
    setStatus('waiting', `${driver} ended the session · waiting for the next`);
    ui.delta.textContent = '–.––';
    ui.delta.dataset.sign = 'none';
    ui.where.textContent = 'Session ended';
    record('session-ended', { session: message.session });
  }

  // MARK: clips

  function onClip(data) {
    const clip = audio.parseClip(data);
    if (clip.error) {
      record('clip-rejected', { reason: clip.error });
      return;
    }
    const deadline = session.cues.get(clip.cueID);
    audio.decode(clip.ogg).then(
      (buffer) => {
        record('clip', { cue: clip.cueID, clip: clip.clipID, ok: true, header: clip.duration.toFixed(4), decoded: buffer.duration.toFixed(4) });
        audio.play(buffer, () => !audio.isPast(deadline, session.lap, session.dist), (reason) => record('clip-dropped', { cue: clip.cueID, reason }));
      },
      (error) => {
        record('clip', { cue: clip.cueID, clip: clip.clipID, ok: false, error: String(error) });
        ui.audioState.textContent = 'This browser cannot decode the voice clips; the cues still show here.';
      },
    );
  }

  // MARK: audio and screen

  ui.unlock.addEventListener('click', async () => {
    const started = await audio.unlock();
    if (started) ui.unlock.hidden = true;
  });
  audio.onStateChange(({ unlocked, screen }) => {
    ui.audioState.textContent = `${unlocked ? 'Audio on' : 'Audio off · tap the button above to hear the cues'} · ${screen}`;
  });

  function formatLapTime(seconds) {
    const minutes = Math.floor(seconds / 60);
    const rest = (seconds - minutes * 60).toFixed(3).padStart(6, '0');
    return minutes > 0 ? `${minutes}:${rest}` : rest;
  }

  connect();
})();
