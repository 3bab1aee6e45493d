/*
 * Tiny Web Audio beeps, no audio files. The AudioContext is created on the first gesture inside the frame:
 * a click on the portal does not activate a cross-origin iframe, so audio made earlier would stay suspended.
 */
(function () {
  "use strict";

  /** Beeps that stay silent until unlock() runs in a gesture handler; mute state survives reloads. */
  function createSound(storeKey, store) {
    let ctx = null;
    let muted = store.read(storeKey) === "1";

    function unlock() {
      if (!ctx) {
        const AudioCtor = window.AudioContext || window.webkitAudioContext;
        if (!AudioCtor) return;
        try {
          ctx = new AudioCtor();
        } catch {
          return;
        }
      }
      if (ctx.state === "suspended") ctx.resume().catch(() => {});
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
      beep,
      toggle,
      get muted() {
        return muted;
      },
    };
  }

  window.Arcade = Object.assign(window.Arcade || {}, { createSound });
})();
