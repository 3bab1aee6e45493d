"""The Python SDK (sdk/python/cartofia_arcade.py) under CPython, against a stand-in for pygbag's platform module."""

import contextlib
import importlib
import io
import sys
import unittest
from unittest import mock

import pygbag_platform_stand_in as pygbag


class Browser(unittest.TestCase):
    """A pygbag game page inside the portal's iframe: sys.platform is "emscripten" and platform.window exists."""

    def setUp(self):
        self.portal = pygbag.Window()
        self.game = pygbag.Window(parent=self.portal)
        self.enterContext(mock.patch.object(sys, "platform", "emscripten"))
        self.enterContext(mock.patch.dict(sys.modules, {"platform": pygbag.Platform(self.game)}))
        self.enterContext(contextlib.redirect_stderr(io.StringIO()))
        import cartofia_arcade

        self.arcade = importlib.reload(cartofia_arcade)

    def sent(self):
        return [message for message, _ in self.portal.received]

    def hello(self, source, player):
        self.game.dispatch_message(source, pygbag.JsObject({"cartofia": 1, "type": "hello", "player": player}))

    def test_ready_is_posted_to_the_parent_once_for_any_origin(self):
        self.assertTrue(self.arcade.ready())
        self.assertFalse(self.arcade.ready())
        self.assertEqual(self.portal.received, [({"cartofia": 1, "type": "ready"}, "*")])

    def test_a_finished_run_is_posted_with_and_without_a_mode(self):
        self.assertTrue(self.arcade.score(1520))
        self.assertTrue(self.arcade.score(0, "hard"))
        self.assertTrue(self.arcade.score(12.0))
        self.assertTrue(self.arcade.score(7, ""))
        self.assertEqual(
            self.sent(),
            [
                {"cartofia": 1, "type": "score", "score": 1520},
                {"cartofia": 1, "type": "score", "score": 0, "mode": "hard"},
                {"cartofia": 1, "type": "score", "score": 12},
                {"cartofia": 1, "type": "score", "score": 7},
            ],
        )

    def test_a_score_the_protocol_refuses_is_not_sent_and_says_why(self):
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            for bad in (-1, 2.5, True, "100", None, 2**53):
                self.assertFalse(self.arcade.score(bad), repr(bad))
            self.assertFalse(self.arcade.score(10, "m" * 33))
            self.assertFalse(self.arcade.score(10, 3))
            # An emoji is two UTF-16 code units, as the portal counts them: 17 of them are 34.
            self.assertFalse(self.arcade.score(10, "🎮" * 17))
        self.assertEqual(self.sent(), [])
        self.assertIn("a score is a whole number, 0 or more", stderr.getvalue())
        self.assertIn("mode must be a string of at most 32 characters", stderr.getvalue())
        self.assertTrue(self.arcade.score(10, "m" * 32))

    def test_status_is_one_line_cut_to_40_utf16_units_without_splitting_a_character(self):
        self.assertTrue(self.arcade.status("Level 3"))
        self.assertTrue(self.arcade.status("  Wave 2\nboss  "))
        self.assertTrue(self.arcade.status("x" * 45))
        self.assertTrue(self.arcade.status("a" * 38 + "🎮🎮"))
        self.assertTrue(self.arcade.status(""))
        self.assertFalse(self.arcade.status(3))
        texts = [message["text"] for message in self.sent()]
        self.assertEqual(texts, ["Level 3", "Wave 2 boss", "x" * 39 + "…", "a" * 38 + "…", ""])

    def test_the_portals_hello_reaches_every_listener_even_after_a_broken_one(self):
        heard = []
        self.arcade.on_hello(lambda p: 1 / 0)
        self.arcade.on_hello(heard.append)
        self.hello(self.portal, {"name": "Alice", "avatarUrl": "https://cdn.example/a.png"})
        self.assertEqual(heard, [{"name": "Alice", "avatarUrl": "https://cdn.example/a.png"}])
        self.assertEqual(self.arcade.player(), {"name": "Alice", "avatarUrl": "https://cdn.example/a.png"})
        late = []
        self.arcade.on_hello(late.append)
        self.assertEqual(late, heard, "a listener that subscribes after the hello hears it at once")

    def test_a_hello_from_anyone_but_the_parent_or_not_in_the_protocol_is_ignored(self):
        heard = []
        self.arcade.on_hello(heard.append)
        self.hello(pygbag.Window(), {"name": "Mallory", "avatarUrl": None})
        self.hello(self.game, {"name": "Myself", "avatarUrl": None})
        self.game.dispatch_message(self.portal, pygbag.JsObject({"cartofia": 2, "type": "hello", "player": {"name": "Future"}}))
        self.game.dispatch_message(self.portal, pygbag.JsObject({"cartofia": 1, "type": "hello", "player": {"name": ""}}))
        self.game.dispatch_message(self.portal, pygbag.JsObject("hello"))
        self.game.dispatch_message(self.portal, pygbag.UNDEFINED)
        self.assertEqual(heard, [])
        self.assertIsNone(self.arcade.player())
        self.hello(self.portal, {"name": "Bob", "avatarUrl": "javascript:alert(1)"})
        self.assertEqual(heard, [{"name": "Bob", "avatarUrl": None}])

    def test_unsubscribing_stops_the_hello(self):
        heard = []
        stop = self.arcade.on_hello(heard.append)
        stop()
        self.hello(self.portal, {"name": "Alice", "avatarUrl": None})
        self.assertEqual(heard, [])

    def test_a_hello_the_javascript_sdk_heard_before_python_started_is_passed_on(self):
        self.game.CartofiaArcade = pygbag.JsSdk({"name": "Alice", "avatarUrl": None})
        heard = []
        self.arcade.on_hello(heard.append)
        self.assertEqual(heard, [{"name": "Alice", "avatarUrl": None}])

    def test_a_parent_that_cannot_receive_does_not_stop_the_game(self):
        self.game.parent = pygbag.Window(fail_post=True)
        self.assertFalse(self.arcade.ready())
        self.assertFalse(self.arcade.score(3))
        self.assertFalse(self.arcade.status("Level 1"))


class Outside(unittest.TestCase):
    """Everything is a silent no-op on the desktop and in a page opened on its own."""

    def setUp(self):
        self.enterContext(contextlib.redirect_stderr(io.StringIO()))

    def exercise(self, arcade):
        heard = []
        results = [arcade.ready(), arcade.score(5), arcade.score(5, "hard"), arcade.status("Level 3")]
        arcade.on_hello(heard.append)()
        self.assertEqual(results, [False, False, False, False])
        self.assertIsNone(arcade.player())
        self.assertEqual(heard, [])

    def test_on_the_desktop_it_does_nothing_and_never_touches_the_platform_module(self):
        self.enterContext(mock.patch.object(sys, "platform", "linux"))
        touched = []

        class Watched:
            def __getattr__(self, name):
                touched.append(name)
                raise AttributeError(name)

        self.enterContext(mock.patch.dict(sys.modules, {"platform": Watched()}))
        import cartofia_arcade

        self.exercise(importlib.reload(cartofia_arcade))
        self.assertEqual(touched, [])

    def test_a_page_opened_outside_the_arcade_posts_nothing(self):
        top = pygbag.Window()
        self.enterContext(mock.patch.object(sys, "platform", "emscripten"))
        self.enterContext(mock.patch.dict(sys.modules, {"platform": pygbag.Platform(top)}))
        import cartofia_arcade

        self.exercise(importlib.reload(cartofia_arcade))
        self.assertEqual(top.received, [])
        self.assertEqual(top.listeners, {})

    def test_a_browser_build_without_pygbags_window_does_nothing(self):
        self.enterContext(mock.patch.object(sys, "platform", "emscripten"))
        self.enterContext(mock.patch.dict(sys.modules, {"platform": object()}))
        import cartofia_arcade

        self.exercise(importlib.reload(cartofia_arcade))


if __name__ == "__main__":
    unittest.main()
