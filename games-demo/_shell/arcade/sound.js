/*
 * Tiny Web Audio beeps, no audio files. Sound needs a gesture inside the frame, or autoplay passed on by the page
 * that embeds it: a click on the portal does not activate a cross-origin iframe, but with allow="autoplay" on the
 * frame the portal's own activation (the Play press) lets the frame start audio (Chromium's autoplay delegation).
 */
(function () {
  "use strict";

  /** Beeps that stay silent until sound is allowed; mute state survives reloads; onState hears the context's state. */
  function createSound(storeKey, store, onState) {
    let ctx = null;
    let muted = store.read(storeKey) === "1";
    const report = () => onState && onState(ctx ? ctx.state : "none");

    function context() {
      if (ctx) return ctx;
      const AudioCtor = window.AudioContext || window.webkitAudioContext;
      if (!AudioCtor) return null;
      try {
        ctx = new AudioCtor();
      } catch {
        return null;
      }
      ctx.addEventListener("statechange", report);
      report();
      return ctx;
    }

    /** Call in a gesture handler: creates or resumes the context. */
    function unlock() {
      const audio = context();
      if (audio && audio.state === "suspended") audio.resume().catch(() => {});
    }

    /**
     * Calls back once if the browser lets this page play sound without a gesture of its own. Chromium decides
     * when the context is created; Firefox moves a new context to "running" a moment later.
     */
    function whenAllowedWithoutGesture(callback) {
      const audio = context();
      if (!audio) return;
      if (audio.state === "running") return callback();
      const onChange = () => {
        if (audio.state !== "running") return;
        audio.removeEventListener("statechange", onChange);
        callback();
      };
      audio.addEventListener("statechange", onChange);
    }

    function beep(freq, ms, options) {
      if (muted || !ctx || ctx.state !== "running") return;
      const { type = "square", volume = 0.05, slideTo } = options || {};
      const start = ctx.currentTime;
      const end = start + ms / 1000;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = type;
      osc.frequency.setValueAtTime(freq, start);
      if (slideTo) osc.frequency.exponentialRampToValueAtTime(slideTo, end);
      gain.gain.setValueAtTime(volume, start);
      gain.gain.exponentialRampToValueAtTime(0.0001, end);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(end + 0.02);
    }

    function toggle() {
      muted = !muted;
      store.write(storeKey, muted ? "1" : "0");
      return muted;
    }

    return {
      unlock,
      whenAllowedWithoutGesture,
      beep,
      toggle,
      get muted() {
        return muted;
      },
    };
  }

  window.Arcade = Object.assign(window.Arcade || {}, { createSound });
})();
