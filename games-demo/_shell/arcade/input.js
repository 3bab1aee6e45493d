/*
 * Keyboard, pointer and on-screen pad, turned into named actions:
 * left, right, up, down, action (Space), pause (P, Esc), confirm (Enter), restart (R), mute (M), other.
 */
(function () {
  "use strict";

  // Movement follows the key's position (event.code), so WASD is ZQSD on an AZERTY keyboard;
  // commands follow the printed letter (event.key), so "P" pauses whatever the layout.
  const BY_CODE = {
    ArrowLeft: "left", KeyA: "left",
    ArrowRight: "right", KeyD: "right",
    ArrowUp: "up", KeyW: "up",
    ArrowDown: "down", KeyS: "down",
    Space: "action",
  };
  const BY_KEY = { p: "pause", escape: "pause", enter: "confirm", r: "restart", m: "mute" };
  // Unhandled, these scroll the portal page around the frame; pygbag's own guard for them is dead code in 0.9.x.
  const SCROLL_KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Space"]);

  function actionOf(event) {
    return BY_CODE[event.code] || BY_KEY[String(event.key || "").toLowerCase()] || null;
  }

  function markTouch(on) {
    document.documentElement.classList.toggle("touch", on);
  }

  /** Listens on the window, the canvas and every [data-hold] button; callers subscribe with onPress/onPointer. */
  function createInput(canvas, size) {
    const sources = new Map();
    const pressListeners = [];
    const pointerListeners = [];

    function hold(action, source) {
      if (!sources.has(action)) sources.set(action, new Set());
      sources.get(action).add(source);
    }
    function release(action, source) {
      const set = sources.get(action);
      if (set) set.delete(source);
    }
    function held(action) {
      const set = sources.get(action);
      return Boolean(set && set.size > 0);
    }
    function press(action) {
      for (const listener of pressListeners) listener(action);
    }

    window.addEventListener("keydown", (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const action = actionOf(event);
      if (action || SCROLL_KEYS.has(event.code)) event.preventDefault();
      if (action) hold(action, "key:" + event.code);
      if (event.repeat) return;
      const named = action || (String(event.key || "").length === 1 ? "other" : null);
      if (named) press(named);
    });
    window.addEventListener("keyup", (event) => {
      const action = actionOf(event);
      if (action) release(action, "key:" + event.code);
    });
    // A key released while the frame had no focus never sends keyup; without this it would stay held.
    window.addEventListener("blur", () => sources.clear());

    function toLogical(event) {
      const rect = canvas.getBoundingClientRect();
      return {
        x: ((event.clientX - rect.left) * size.width) / rect.width,
        y: ((event.clientY - rect.top) * size.height) / rect.height,
        id: event.pointerId,
        kind: event.pointerType,
      };
    }
    for (const type of ["pointerdown", "pointermove", "pointerup", "pointercancel"]) {
      canvas.addEventListener(type, (event) => {
        if (type === "pointerdown") {
          try {
            canvas.setPointerCapture(event.pointerId);
          } catch {
            // A pointer that already ended cannot be captured; the drag simply stops at the canvas edge.
          }
        }
        const point = toLogical(event);
        point.type = type.slice("pointer".length);
        for (const listener of pointerListeners) listener(point);
      });
    }

    for (const button of document.querySelectorAll("[data-hold]")) {
      const action = button.dataset.hold;
      const source = "pad:" + action;
      button.addEventListener("pointerdown", (event) => {
        event.preventDefault();
        try {
          button.setPointerCapture(event.pointerId);
        } catch {
          // See above: capture is a nicety, holding still works.
        }
        hold(action, source);
        press(action);
      });
      for (const type of ["pointerup", "pointercancel", "lostpointercapture"]) {
        button.addEventListener(type, () => release(action, source));
      }
      button.addEventListener("contextmenu", (event) => event.preventDefault());
    }

    const coarse = window.matchMedia("(pointer: coarse)");
    markTouch(coarse.matches);
    coarse.addEventListener("change", (event) => markTouch(event.matches));
    window.addEventListener("pointerdown", (event) => {
      if (event.pointerType === "touch") markTouch(true);
    }, true);

    return {
      held,
      onPress: (listener) => pressListeners.push(listener),
      onPointer: (listener) => pointerListeners.push(listener),
    };
  }

  window.Arcade = Object.assign(window.Arcade || {}, { createInput });
})();
