"""Cartofia Arcade game SDK for pygbag games, protocol version 1 (docs/games.md). GPL-3.0-or-later.

Put this file next to your game's main.py; pygbag packs it with the game. Then:

    import cartofia_arcade as arcade
    arcade.ready()                 # the first frame is drawn and the game takes input
    arcade.status("Level 3")       # what the player is doing, cut to 40 characters
    arcade.score(1520)             # a finished run: an integer >= 0; arcade.score(1520, "hard") for a mode
    arcade.on_hello(lambda p: print("Hi", p["name"]))

In the browser (sys.platform == "emscripten") the calls become window.parent.postMessage messages to the portal
that embeds the game. On the desktop, or opened outside the arcade, every call does nothing and returns False.
Nothing here raises: a game never stops because the arcade is not listening.

Lengths count UTF-16 code units, as JavaScript's String length (and so the portal) does.
"""

from __future__ import annotations

import json
import sys
import traceback
from typing import Any, Callable, Optional

PROTOCOL = 1
MODE_MAX = 32
TEXT_MAX = 40
NAME_MAX = 100
# Past this a number cannot travel through JavaScript exactly.
SCORE_MAX = 2**53 - 1

Player = dict
_player: Optional[Player] = None
_listeners: list = []
_listening = False
_sent_ready = False


def _window() -> Any:
    """pygbag's JavaScript window when running in a browser, else None."""
    if sys.platform != "emscripten":
        return None
    try:
        import platform  # pygbag's own platform module in the browser, not the standard library's

        return platform.window
    except Exception:
        return None


def _parent() -> Any:
    """The window that embeds this page, or None when the page is not in a frame."""
    window = _window()
    if window is None:
        return None
    try:
        parent = window.parent
        # pygbag compares JavaScript objects with ===, so this is "window.parent === window".
        if parent is None or parent == window:
            return None
        return parent
    except Exception:
        return None


def _warn(text: str) -> None:
    print(f"cartofia_arcade: {text}", file=sys.stderr)


def _post(message: dict) -> bool:
    parent = _parent()
    if parent is None:
        return False
    try:
        window = _window()
        # pygbag passes strings and numbers to JavaScript but not dicts: JSON.parse builds the object on that side.
        parent.postMessage(window.JSON.parse(json.dumps(message)), "*")
        return True
    except Exception:
        return False


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _cut(text: str, limit: int) -> str:
    """At most `limit` UTF-16 code units, with an ellipsis when cut; never half of a character."""
    if _utf16_len(text) <= limit:
        return text
    kept, used = [], 0
    for char in text:
        size = _utf16_len(char)
        if used + size > limit - 1:
            break
        kept.append(char)
        used += size
    return "".join(kept) + "…"


def _one_line(text: str) -> str:
    # Status is shown as one line next to the player's name.
    return "".join(" " if ord(c) < 32 or 127 <= ord(c) < 160 or c in "\u2028\u2029" else c for c in text).strip()


def ready() -> bool:
    """Says the game has drawn its first frame and takes input. Sent once per page."""
    global _sent_ready
    _listen()
    if _sent_ready:
        return False
    _sent_ready = _post({"cartofia": PROTOCOL, "type": "ready"})
    return _sent_ready


def score(value: int, mode: Optional[str] = None) -> bool:
    """Reports a finished run. The portal credits it to the signed-in player."""
    _listen()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= SCORE_MAX:
        _warn("score() was not sent: a score is a whole number, 0 or more.")
        return False
    message: dict = {"cartofia": PROTOCOL, "type": "score", "score": value}
    if mode is not None and mode != "":
        if not isinstance(mode, str) or _utf16_len(mode) > MODE_MAX:
            _warn(f"score {value} was not sent: its mode must be a string of at most {MODE_MAX} characters.")
            return False
        message["mode"] = mode
    return _post(message)


def status(text: str) -> bool:
    """Says what the player is doing ("Level 3"), shown next to their name in the arcade."""
    _listen()
    if not isinstance(text, str):
        _warn('status() takes a string, e.g. status("Level 3").')
        return False
    return _post({"cartofia": PROTOCOL, "type": "status", "text": _cut(_one_line(text), TEXT_MAX)})


def player() -> Optional[Player]:
    """The player the portal greeted ({"name", "avatarUrl"}), or None."""
    _listen()
    return dict(_player) if _player else None


def on_hello(callback: Callable[[Player], Any]) -> Callable[[], None]:
    """Calls `callback(player)` when the portal greets the player (at once if it already has). Returns an unsubscribe."""
    _listen()
    if not callable(callback):
        return lambda: None
    _listeners.append(callback)
    if _player:
        _tell(callback)

    def unsubscribe() -> None:
        if callback in _listeners:
            _listeners.remove(callback)

    return unsubscribe


def _tell(callback: Callable[[Player], Any]) -> None:
    try:
        callback(dict(_player or {}))
    except Exception:
        # One broken listener must not keep the others from hearing the hello.
        traceback.print_exc()


def _read_player(who: Any) -> Optional[Player]:
    if not isinstance(who, dict) or not isinstance(who.get("name"), str) or who["name"] == "":
        return None
    avatar = who.get("avatarUrl")
    ok = isinstance(avatar, str) and avatar.lower().startswith(("https://", "http://"))
    return {"name": _cut(_one_line(who["name"]), NAME_MAX), "avatarUrl": avatar if ok else None}


def _accept(found: Optional[Player]) -> None:
    global _player
    if found is None:
        return
    _player = found
    for callback in list(_listeners):
        _tell(callback)


def _parse(json_text: Any) -> Any:
    if not isinstance(json_text, str):
        return None
    try:
        return json.loads(json_text)
    except ValueError:
        return None


def _on_message(event: Any) -> None:
    try:
        if event.source != _parent():
            return
        data = _parse(_window().JSON.stringify(event.data))
    except Exception:
        return
    if isinstance(data, dict) and data.get("cartofia") == PROTOCOL and data.get("type") == "hello":
        _accept(_read_player(data.get("player")))


def _listen() -> None:
    """Starts hearing hellos once, in a frame in the browser."""
    global _listening
    if _listening:
        return
    parent = _parent()
    if parent is None:
        return
    _listening = True
    window = _window()
    # The portal says hello when the frame loads, long before Python runs. The JavaScript SDK, when the page's
    # template loads it, heard that hello; ask it first.
    try:
        _accept(_read_player(_parse(window.JSON.stringify(window.CartofiaArcade.player()))))
    except Exception:
        pass
    try:
        window.addEventListener("message", _on_message)
    except Exception:
        pass
