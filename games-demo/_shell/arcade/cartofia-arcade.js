/*
 * Cartofia Arcade game SDK, protocol version 1 (docs/games.md). GPL-3.0-or-later.
 *
 * Tells the arcade portal that embeds this page what the game is doing, with window.parent.postMessage:
 *   CartofiaArcade.ready()            the first frame is drawn and the game takes input
 *   CartofiaArcade.score(n, mode?)    a finished run: an integer >= 0, mode a string of at most 32 characters
 *   CartofiaArcade.status(text)       what the player is doing ("Level 3"), cut to 40 characters
 *   CartofiaArcade.onHello(callback)  called with { name, avatarUrl } when the portal greets the player
 *   CartofiaArcade.player()           that player, or null
 * Opened outside the arcade (no parent frame) every call does nothing and returns false; nothing ever throws.
 * Lengths count UTF-16 code units, as JavaScript's String length does.
 */
(function (root) {
  "use strict";

  if (root.CartofiaArcade && root.CartofiaArcade.protocol === 1) return;

  const MODE_MAX = 32;
  const TEXT_MAX = 40;
  const NAME_MAX = 100;

  let parent = null;
  try {
    parent = root.parent && root.parent !== root ? root.parent : null;
  } catch {
    parent = null;
  }

  let player = null;
  let sentReady = false;
  const helloListeners = [];

  function warn(text) {
    try {
      root.console.warn("CartofiaArcade: " + text);
    } catch {
      // A console that is missing or throws must not stop the game.
    }
  }

  function post(message) {
    if (!parent) return false;
    try {
      parent.postMessage(message, "*");
      return true;
    } catch {
      return false;
    }
  }

  /** Cuts to at most `max` UTF-16 code units without leaving half of a surrogate pair. */
  function cut(text, max) {
    if (text.length <= max) return text;
    const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
    return text.slice(0, end) + "…";
  }

  // Status is shown as one line next to the player's name: line breaks and other control characters become spaces.
  function oneLine(text) {
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").trim();
  }

  function ready() {
    if (sentReady) return false;
    sentReady = post({ cartofia: 1, type: "ready" });
    return sentReady;
  }

  function score(value, mode) {
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
      warn("score() was not sent: a score is a whole number, 0 or more (this was a " + typeof value + ").");
      return false;
    }
    // + 0 turns -0 into 0, which a receiver's "at least 0" check would otherwise have to think about.
    const message = { cartofia: 1, type: "score", score: value + 0 };
    if (mode !== undefined && mode !== null && mode !== "") {
      if (typeof mode !== "string" || mode.length > MODE_MAX) {
        warn("score " + value + " was not sent: its mode must be a string of at most " + MODE_MAX + " characters.");
        return false;
      }
      message.mode = mode;
    }
    return post(message);
  }

  function status(text) {
    if (typeof text !== "string") {
      warn("status() takes a string, e.g. status(\"Level 3\").");
      return false;
    }
    return post({ cartofia: 1, type: "status", text: cut(oneLine(text), TEXT_MAX) });
  }

  function copyOfPlayer() {
    return player ? { name: player.name, avatarUrl: player.avatarUrl } : null;
  }

  function tell(listener) {
    try {
      listener(copyOfPlayer());
    } catch (error) {
      // One broken listener must not keep the others from hearing the hello.
      setTimeout(() => {
        throw error;
      });
    }
  }

  function onHello(listener) {
    if (typeof listener !== "function") return () => {};
    helloListeners.push(listener);
    // A hello that came before the game subscribed is passed on, so the order of loading does not matter.
    if (player) Promise.resolve().then(() => helloListeners.includes(listener) && tell(listener));
    return () => {
      const at = helloListeners.indexOf(listener);
      if (at >= 0) helloListeners.splice(at, 1);
    };
  }

  function readHello(data) {
    if (!data || typeof data !== "object" || data.cartofia !== 1 || data.type !== "hello") return null;
    const who = data.player;
    if (!who || typeof who !== "object" || typeof who.name !== "string" || who.name === "") return null;
    const avatarUrl = typeof who.avatarUrl === "string" && /^https?:\/\//i.test(who.avatarUrl) ? who.avatarUrl : null;
    return { name: cut(oneLine(who.name), NAME_MAX), avatarUrl };
  }

  if (parent) {
    // Only the window that embeds this page can greet the player; other frames and pop-ups are not heard.
    root.addEventListener("message", (event) => {
      if (event.source !== parent) return;
      const hello = readHello(event.data);
      if (!hello) return;
      player = hello;
      for (const listener of helloListeners.slice()) tell(listener);
    });
  }

  root.CartofiaArcade = Object.freeze({
    protocol: 1,
    embedded: Boolean(parent),
    ready,
    score,
    status,
    onHello,
    player: copyOfPlayer,
  });
})(typeof window !== "undefined" ? window : globalThis);
