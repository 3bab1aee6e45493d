/*
 * The part every demo game shares, modelled on how a pygbag build behaves inside the portal's iframe:
 * a "click or tap to start" gate, focus on the canvas, pause when hidden, score and best, restart.
 *
 * Messages to the portal (window.parent.postMessage, target "*"):
 *   { type: "arcade:loaded",  game: "<id>" }  once the page has loaded (the gate is showing);
 *   { type: "arcade:started", game: "<id>" }  once, when the first round becomes playable after the gesture.
 * The target is "*" because any host may embed a game and the message carries nothing secret;
 * the portal checks event.origin against the game's url.
 *
 * For automated tests, <body> carries data-state ("ready" | "playing" | "paused" | "over") and data-score.
 * With ?seed=<anything> in the URL every round replays the same random sequence.
 */
(function () {
  "use strict";

  const STEP = 1 / 120;
  // Mashing Space or tapping as you die must not skip the score screen.
  const OVER_LOCK_MS = 600;

  const store = {
    read(key) {
      try {
        return window.localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    write(key, value) {
      try {
        window.localStorage.setItem(key, String(value));
      } catch {
        // Storage is blocked in some third-party frames and private modes; the game plays on without it.
      }
    },
  };

  function seedFromUrl() {
    const text = new URLSearchParams(window.location.search).get("seed");
    if (!text) return null;
    let hash = 2166136261;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
    return hash >>> 0 || 1;
  }

  function createRng(seed) {
    let x = seed >>> 0 || 1;
    return function next() {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) / 4294967296;
    };
  }

  function post(type, game) {
    if (window.parent === window) return;
    try {
      window.parent.postMessage({ type, game }, "*");
    } catch {
      // A detached parent cannot receive; the game does not depend on the portal listening.
    }
  }

  /** Runs a game object { reset, update, draw, onAction?, onPointer? } inside this page's stage. */
  function run(game) {
    const body = document.body;
    const id = body.dataset.game;
    const width = Number(body.dataset.width);
    const height = Number(body.dataset.height);
    const stage = document.getElementById("stage");
    const canvas = document.getElementById("screen");
    stage.style.setProperty("--hud", String((Number(body.dataset.hud || 0) / height) * 100));

    const screen = window.Arcade.createScreen(stage, canvas, width, height);
    const input = window.Arcade.createInput(canvas, { width, height });
    const sound = window.Arcade.createSound("arcade:" + id + ":muted", store);
    const pauseButton = document.querySelector('[data-do="pause"]');
    const muteButton = document.querySelector('[data-do="mute"]');
    const newBestNote = document.querySelector("[data-new-best]");
    const fixedSeed = seedFromUrl();
    const bestKey = "arcade:" + id + ":best";

    let best = Number(store.read(bestKey)) || 0;
    let bestBefore = best;
    let score = 0;
    let state = "ready";
    let rng = Math.random;
    let announced = false;
    let overAt = 0;

    function show(name, value) {
      for (const el of document.querySelectorAll('[data-out="' + name + '"]')) el.textContent = String(value);
    }
    function setScore(next) {
      score = next;
      body.dataset.score = String(score);
      show("score", score);
      if (score > best) {
        best = score;
        show("best", best);
      }
    }
    function setState(next) {
      state = next;
      body.dataset.state = next;
      if (pauseButton) pauseButton.setAttribute("aria-label", next === "paused" ? "Resume (P)" : "Pause (P)");
    }
    function focusGame() {
      canvas.focus({ preventScroll: true });
    }
    function newRound() {
      rng = createRng(fixedSeed === null ? (Math.random() * 4294967296) >>> 0 : fixedSeed);
      bestBefore = best;
      setScore(0);
      game.reset(api);
    }

    function start() {
      sound.unlock();
      newRound();
      setState("playing");
      focusGame();
      if (!announced) {
        announced = true;
        post("arcade:started", id);
      }
    }
    function pause() {
      if (state !== "playing") return;
      setState("paused");
      store.write(bestKey, best);
    }
    function resume() {
      if (state === "paused") setState("playing");
    }
    function restart() {
      newRound();
      setState("playing");
      focusGame();
    }
    function end() {
      if (state !== "playing") return;
      overAt = performance.now();
      store.write(bestKey, best);
      if (newBestNote) newBestNote.hidden = !(score > bestBefore);
      setState("over");
    }
    function primary() {
      if (state === "ready") start();
      else if (state === "paused") resume();
      else if (state === "over" && performance.now() - overAt > OVER_LOCK_MS) restart();
    }
    function toggleMute() {
      const muted = sound.toggle();
      if (muteButton) muteButton.setAttribute("aria-pressed", String(muted));
    }

    const api = {
      width,
      height,
      random: () => rng(),
      addScore: (points) => setScore(score + points),
      held: input.held,
      beep: sound.beep,
      over: end,
      info: (text) => show("info", text),
      get score() {
        return score;
      },
      get state() {
        return state;
      },
    };

    input.onPress((action) => {
      sound.unlock();
      if (action === "mute") return toggleMute();
      if (state === "ready") {
        if (action !== "pause") start();
        return;
      }
      if (action === "restart") return restart();
      if (state === "playing") {
        if (action === "pause") pause();
        else if (game.onAction) game.onAction(action, api);
      } else if (state === "paused") {
        if (action === "pause" || action === "confirm" || action === "action") resume();
      } else if (action === "confirm") {
        restart();
      } else if (action === "action") {
        primary();
      }
    });
    input.onPointer((point) => {
      if (state === "playing" && game.onPointer) game.onPointer(point, api);
    });

    document.getElementById("overlay").addEventListener("click", primary);
    if (pauseButton) pauseButton.addEventListener("click", () => (state === "paused" ? resume() : pause()));
    if (muteButton) muteButton.addEventListener("click", toggleMute);
    // Keys only reach a focused frame; a click anywhere puts focus back on the game (pygbag's focus_handler does the same).
    document.addEventListener("click", focusGame);
    window.addEventListener("pointerdown", sound.unlock, true);
    document.addEventListener("visibilitychange", () => {
      if (document.hidden) pause();
    });
    // Focus left the frame (the player clicked the portal): keys no longer arrive, so stop the clock.
    window.addEventListener("blur", pause);
    window.addEventListener("pagehide", () => store.write(bestKey, best));
    window.addEventListener("load", () => {
      focusGame();
      post("arcade:loaded", id);
    });

    let last = performance.now();
    let pending = 0;
    function frame(now) {
      const dt = Math.min((now - last) / 1000, 0.1);
      last = now;
      if (state === "playing") {
        pending += dt;
        while (pending >= STEP && state === "playing") {
          pending -= STEP;
          game.update(STEP, api);
        }
      } else {
        pending = 0;
      }
      game.draw(screen.ctx, api, now / 1000);
      window.requestAnimationFrame(frame);
    }

    if (muteButton) muteButton.setAttribute("aria-pressed", String(sound.muted));
    show("best", best);
    newRound();
    setState("ready");
    window.requestAnimationFrame(frame);
  }

  window.Arcade = Object.assign(window.Arcade || {}, { run });
})();
