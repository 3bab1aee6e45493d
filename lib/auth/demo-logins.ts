/**
 * One-click logins of `npm run demo`. The hint is a username in sim/discord/demo-config.json; the simulator's
 * authorize endpoint approves a `login_hint` user at once. Only offered when the control plane runs in demo
 * mode, which lib/env/ allows only against both simulators on loopback.
 */
export const demoLogins = [
  { key: "player", label: "Demo player", hint: "demo_player", blurb: "A friend: sees the games and plays them." },
  { key: "admin", label: "Demo admin", hint: "demo_admin", blurb: "Also starts and stops containers, reads the audit." },
] as const;

export type DemoLoginKey = (typeof demoLogins)[number]["key"];

/** The demo login for a form value, or undefined for anything else. */
export function findDemoLogin(key: unknown) {
  return demoLogins.find((login) => login.key === key);
}
