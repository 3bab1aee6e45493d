/*
 * The part every demo game shares, modelled on how a pygbag build behaves inside the portal's iframe:
 * a "click or tap to start" gate, focus on the canvas, pause when hidden, score and best, restart.
 *
 * The arcade hears the game through the Cartofia Arcade SDK (arcade/cartofia-arcade.js, docs/games.md):
 * ready once the first frame is drawn, status while playing ("Level 2", "Paused", "Game over · 1,520"),
 * score at the end of every finished run; the portal's hello puts the player's name on the start and end screens.
 * Opened by the portal right after its Play press (autoplay passed on to the frame), the game starts at once,
 * with sound; opened on its own, or where the browser refuses autoplay, it waits behind its start gate.
 *
 * For automated tests, <body> carries data-state ("ready" | "playing" | "paused" | "over"), data-score,
 * data-audio (the Web Audio state: "none" | "suspended" | "running") and data-autoplay ("standalone" when not
 * in a frame, "waiting" while the gate waits for a gesture in a frame, "allowed" when autoplay started the game).
 * With ?seed=<anything> in the URL every round replays the same random sequence.
 */
(function () {
  "use strict";

  const STEP = 1 / 120;
  // The SDK file is loaded before this one; should it be missing, the game plays on without the arcade.
  const NO_ARCADE = { ready() {}, score() {}, status() {}, onHello() {} };
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
    const arcade = window.CartofiaArcade || NO_ARCADE;
    const embedded = window.parent !== window;
    body.dataset.audio = "none";
    const sound = window.Arcade.createSound("arcade:" + id + ":muted", store, (audio) => (body.dataset.audio = audio));
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
    let overAt = 0;
    let drawn = false;
    let gameStatus = "";
    let wantedStatus = null;
    let sentStatus = null;

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
    // Sent at once, except before the first frame: the arcade hears "ready" first (autoplay starts a round earlier).
    function sendStatus(text) {
      wantedStatus = text;
      if (drawn) flushStatus();
    }
    function flushStatus() {
      if (wantedStatus === null || wantedStatus === sentStatus) return;
      sentStatus = wantedStatus;
      arcade.status(sentStatus);
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
      sendStatus(gameStatus);
      focusGame();
    }
    function pause() {
      if (state !== "playing") return;
      setState("paused");
      sendStatus("Paused");
      store.write(bestKey, best);
    }
    function resume() {
      if (state !== "paused") return;
      setState("playing");
      sendStatus(gameStatus);
    }
    function restart() {
      newRound();
      setState("playing");
      sendStatus(gameStatus);
      focusGame();
    }
    function end() {
      if (state !== "playing") return;
      overAt = performance.now();
      store.write(bestKey, best);
      if (newBestNote) newBestNote.hidden = !(score > bestBefore);
      setState("over");
      arcade.score(score);
      sendStatus("Game over · " + score.toLocaleString("en-US"));
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
      // What the player is doing, for the arcade ("Level 2"); sent while playing, and only when it changes.
      status: (text) => {
        gameStatus = String(text);
        if (state === "playing") sendStatus(gameStatus);
      },
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
    window.addEventListener("load", focusGame);
    arcade.onHello((player) => {
      show("player", player.name);
      for (const el of document.querySelectorAll("[data-greeting]")) el.hidden = false;
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
      if (!drawn) {
        // Input listeners are already in place, so after this first frame the game takes input: tell the arcade.
        drawn = true;
        arcade.ready();
        flushStatus();
      }
      window.requestAnimationFrame(frame);
    }

    if (muteButton) muteButton.setAttribute("aria-pressed", String(sound.muted));
    show("best", best);
    newRound();
    setState("ready");
    body.dataset.autoplay = embedded ? "waiting" : "standalone";
    // The portal's Play press was the gesture: where the browser passes it on to this frame, skip the gate.
    // Opened on its own the page always shows the gate, so nobody is surprised by a game that runs by itself.
    if (embedded) {
      sound.whenAllowedWithoutGesture(() => {
        if (state !== "ready") return;
        body.dataset.autoplay = "allowed";
        start();
      });
    }
    window.requestAnimationFrame(frame);
  }

  window.Arcade = Object.assign(window.Arcade || {}, { run });
})();
