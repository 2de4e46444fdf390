// Trailbrake listen page: voice clips and the screen. Clips arrive as binary messages (a 44-byte
// header, then an Ogg Opus file; docs/protocol.md, "voice clip"), are decoded by the browser's
// own decodeAudioData and played one after another. Browsers only start audio after a tap
// (autoplay rules), so until then clips are decoded but not played.
'use strict';
window.TrailbrakeAudio = (() => {
  const HEADER_BYTES = 44;
  // Clips waiting to play; a clip that has waited behind this many is dropped (its cue is old).
  const MAX_WAITING = 3;
  let context = null;
  let unlocked = false;
  let playing = false;
  const waiting = [];
  let wakeLock = null;
  let wantsWakeLock = false;
  let onState = () => {};

  // The header as docs/protocol.md lays it out; an error string for anything else.
  function parseClip(data) {
    if (!(data instanceof ArrayBuffer) || data.byteLength < HEADER_BYTES) return { error: 'short' };
    const view = new DataView(data);
    if (view.getUint8(0) !== 0x54 || view.getUint8(1) !== 0x42) return { error: 'magic' };
    if (view.getUint8(2) !== 1 || view.getUint8(3) !== 2) return { error: 'version or kind' };
    const cueID = Number(view.getBigUint64(4, true));
    const clipID = String.fromCharCode(...new Uint8Array(data, 12, 16));
    const codec = view.getUint8(28);
    const rate = view.getUint32(32, true);
    const samples = view.getUint32(36, true);
    const length = view.getUint32(40, true);
    if (codec !== 1 || rate === 0 || length !== data.byteLength - HEADER_BYTES) return { error: 'codec or length' };
    return { cueID, clipID, duration: samples / rate, ogg: data.slice(HEADER_BYTES) };
  }

  // A cue's deadline is a lap distance (docs/protocol.md, "cue"); one already behind the car
  // when the cue arrives lies on the next lap. `lap`/`dist` are the latest delta's (null before one).
  function deadline(cueDeadline, lap, dist) {
    if (typeof cueDeadline !== 'number') return null;
    if (lap === null) return { lap: null, dist: cueDeadline };
    return { lap: dist !== null && cueDeadline < dist ? lap + 1 : lap, dist: cueDeadline };
  }

  // Whether the car (latest delta) is past the deadline: its clip would come too late.
  function isPast(when, lap, dist) {
    if (when === null || when === undefined || dist === null) return false;
    if (when.lap === null || lap === when.lap) return dist > when.dist;
    return lap > when.lap;
  }

  function audioContext() {
    if (context === null) {
      const Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) return null;
      context = new Context();
    }
    return context;
  }

  // Decodes an Ogg Opus file (works before the tap too: a suspended context still decodes).
  function decode(ogg) {
    const ctx = audioContext();
    if (ctx === null) return Promise.reject(new Error('no Web Audio in this browser'));
    return ctx.decodeAudioData(ogg);
  }

  // Called from the tap: starts audio and asks to keep the screen on.
  async function unlock() {
    const ctx = audioContext();
    if (ctx === null) return false;
    await ctx.resume();
    // A silent sample played inside the gesture unlocks audio on the strictest browsers.
    const silence = ctx.createBuffer(1, 1, ctx.sampleRate);
    const source = ctx.createBufferSource();
    source.buffer = silence;
    source.connect(ctx.destination);
    source.start();
    unlocked = ctx.state === 'running';
    wantsWakeLock = true;
    await requestWakeLock();
    report();
    return unlocked;
  }

  // Plays `buffer` after the clips before it; `stillWanted()` is asked right before it
  // starts (its cue's deadline may have passed meanwhile). Returns why it was not queued.
  function play(buffer, stillWanted, onDropped) {
    if (!unlocked) return onDropped('audio-locked');
    waiting.push({ buffer, stillWanted, onDropped });
    while (waiting.length > MAX_WAITING) waiting.shift().onDropped('queue');
    playNext();
  }

  function playNext() {
    if (playing) return;
    const next = waiting.shift();
    if (!next) return;
    if (!next.stillWanted()) {
      next.onDropped('deadline');
      playNext();
      return;
    }
    const source = context.createBufferSource();
    source.buffer = next.buffer;
    source.connect(context.destination);
    source.onended = () => {
      playing = false;
      playNext();
    };
    playing = true;
    source.start();
  }

  // The Wake Lock API needs a secure context (HTTPS, or localhost) and a visible page.
  async function requestWakeLock() {
    if (!('wakeLock' in navigator) || document.visibilityState !== 'visible') return;
    try {
      wakeLock = await navigator.wakeLock.request('screen');
      wakeLock.addEventListener('release', () => {
        wakeLock = null;
        report();
      });
    } catch (error) {
      wakeLock = null;
    }
    report();
  }

  document.addEventListener('visibilitychange', () => {
    if (wantsWakeLock && wakeLock === null) requestWakeLock();
  });

  function report() {
    let screen;
    if (wakeLock !== null) screen = 'screen stays on';
    else if (!('wakeLock' in navigator)) screen = window.isSecureContext ? 'this browser may let the screen sleep' : 'screen may sleep (keeping it on needs HTTPS)';
    else screen = 'screen may sleep';
    onState({ unlocked, screen });
  }

  return {
    parseClip,
    deadline,
    isPast,
    decode,
    unlock,
    play,
    get unlocked() { return unlocked; },
    onStateChange(callback) {
      onState = callback;
      report();
    },
  };
})();
