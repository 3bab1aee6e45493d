"""A stand-in for pygbag's `platform` module in the browser, as far as the SDK uses it.

Like pygbag's bridge (support/__EMSCRIPTEN__.embed/browsermodule.c): JavaScript objects compare with ===
(identity here), strings and numbers cross as they are, and a Python dict does not become a JavaScript object,
so the only way to build one is window.JSON.parse(text).
"""

import json

UNDEFINED = object()


class JsObject:
    """A JavaScript object made by JSON.parse on the JavaScript side."""

    def __init__(self, value):
        self.value = value


class Json:
    @staticmethod
    def parse(text):
        if not isinstance(text, str):
            raise TypeError("JSON.parse takes a string")
        return JsObject(json.loads(text))

    @staticmethod
    def stringify(value):
        if value is UNDEFINED:
            return UNDEFINED  # JSON.stringify(undefined) is undefined, not a string
        if isinstance(value, JsObject):
            return json.dumps(value.value)
        if value is None:
            return "null"
        raise TypeError("not a JavaScript value")


class Event:
    def __init__(self, source, data):
        self.source = source
        self.data = data


class Window:
    """A browser window. `parent` is the window itself at the top, as in a browser."""

    def __init__(self, parent=None, fail_post=False):
        self.parent = parent if parent is not None else self
        self.JSON = Json()
        self.listeners = {}
        self.received = []
        self.fail_post = fail_post

    def postMessage(self, message, target_origin):
        if self.fail_post:
            raise RuntimeError("DataCloneError")
        if not isinstance(message, JsObject):
            raise TypeError("a Python dict cannot be posted: pygbag's bridge does not convert it")
        self.received.append((message.value, target_origin))

    def addEventListener(self, event_type, listener):
        self.listeners.setdefault(event_type, []).append(listener)

    def dispatch_message(self, source, data):
        for listener in self.listeners.get("message", []):
            listener(Event(source, data))


class JsSdk:
    """window.CartofiaArcade, the JavaScript SDK, when the page's template loads it."""

    def __init__(self, player):
        self._player = player

    def player(self):
        return JsObject(self._player) if self._player is not None else None


class Platform:
    """The module object: pygbag exposes the page's window as platform.window."""

    def __init__(self, window):
        self.window = window
