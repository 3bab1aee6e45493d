import { describe, expect, it } from "vitest";
import { gameClaimsKey, portalFocusOf } from "@/components/play/game-keys";

const press = (key: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({ key, altKey: false, ctrlKey: false, metaKey: false, ...mods });
const scrollKeys = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", " ", "PageUp", "PageDown", "Home", "End"];

// A stand-in for a focused element: only `closest` matters, answering for the selectors that contain its tag.
const elementLike = (tag: string) => ({ closest: (selector: string) => (selector.split(",").some((s) => s.trim().split(/[[:]/)[0] === tag) ? {} : null) });

describe("keys pressed while the portal, not the game, has focus", () => {
  it("hands every scrolling key to the game when the page itself or a link has focus", () => {
    for (const key of scrollKeys) expect(gameClaimsKey(press(key), "other"), key).toBe(true);
  });

  it("leaves Space to buttons and summaries, which it activates, but still takes arrows and Page keys from them", () => {
    expect(gameClaimsKey(press(" "), "activates-on-space")).toBe(false);
    for (const key of ["ArrowDown", "PageDown", "End"]) expect(gameClaimsKey(press(key), "activates-on-space"), key).toBe(true);
  });

  it("leaves fields, other keys and browser shortcuts alone", () => {
    for (const key of scrollKeys) expect(gameClaimsKey(press(key), "field"), key).toBe(false);
    for (const key of ["Enter", "Tab", "Escape", "a"]) expect(gameClaimsKey(press(key), "other"), key).toBe(false);
    expect(gameClaimsKey(press("ArrowLeft", { altKey: true }), "other")).toBe(false);
    expect(gameClaimsKey(press("End", { ctrlKey: true }), "other")).toBe(false);
    expect(gameClaimsKey(press("ArrowDown", { metaKey: true }), "other")).toBe(false);
  });

  it("tells fields, things Space activates and everything else apart", () => {
    expect(portalFocusOf(elementLike("input") as unknown as EventTarget)).toBe("field");
    expect(portalFocusOf(elementLike("textarea") as unknown as EventTarget)).toBe("field");
    expect(portalFocusOf(elementLike("button") as unknown as EventTarget)).toBe("activates-on-space");
    expect(portalFocusOf(elementLike("summary") as unknown as EventTarget)).toBe("activates-on-space");
    expect(portalFocusOf(elementLike("a") as unknown as EventTarget)).toBe("other");
    expect(portalFocusOf(elementLike("body") as unknown as EventTarget)).toBe("other");
    expect(portalFocusOf(null)).toBe("other");
  });
});
