export type ChooserAccount = { id: string; displayName: string; username: string; standing: string };

export type ChooserPage = {
  appName: string;
  guildName: string;
  accounts: ChooserAccount[];
  scopeSentences: string[];
  /** The authorize parameters, echoed as hidden fields so the POST can be validated again. */
  params: Record<string, string>;
  notice?: string;
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
  :root { color-scheme: dark; font-family: system-ui, sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #313338; color: #dbdee1; }
  main { width: min(28rem, 92vw); background: #2b2d31; border-radius: 12px; padding: 2rem; box-shadow: 0 8px 24px #0006; }
  .tag { display: inline-block; font-size: .75rem; letter-spacing: .05em; text-transform: uppercase; color: #949ba4; }
  h1 { font-size: 1.35rem; margin: .35rem 0 1rem; color: #f2f3f5; }
  .scopes { margin: 0 0 1.25rem; padding-left: 1.2rem; color: #b5bac1; font-size: .9rem; }
  .notice { background: #f2353926; border: 1px solid #f23539; border-radius: 8px; padding: .6rem .8rem; margin-bottom: 1rem; }
  ul.accounts { list-style: none; margin: 0 0 1.25rem; padding: 0; display: grid; gap: .6rem; }
  .account { display: flex; align-items: center; justify-content: space-between; gap: 1rem; background: #1e1f22; border-radius: 8px; padding: .6rem .8rem; }
  .account small { color: #949ba4; display: block; }
  button { font: inherit; border: 0; border-radius: 6px; padding: .5rem 1rem; cursor: pointer; }
  button.choose { background: #5865f2; color: #fff; font-weight: 600; }
  button.choose:hover, button.choose:focus-visible { background: #4752c4; }
  button.cancel { background: transparent; color: #dbdee1; text-decoration: underline; padding-left: 0; }
`;

function renderAccount(account: ChooserAccount): string {
  const describedBy = `account-${escapeHtml(account.id)}`;
  return `<li class="account">
      <span id="${describedBy}">@${escapeHtml(account.username)}<small>${escapeHtml(account.standing)}</small></span>
      <button class="choose" type="submit" name="user_id" value="${escapeHtml(account.id)}" aria-describedby="${describedBy}">${escapeHtml(account.displayName)}</button>
    </li>`;
}

/** The sim's stand-in for Discord's consent screen: one button per configured user, plus Cancel. */
export function renderChooserPage(page: ChooserPage): string {
  const hidden = Object.entries(page.params)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n    ");
  const scopes = page.scopeSentences.map((s) => `<li>${escapeHtml(s)}</li>`).join("");
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Sign in to ${escapeHtml(page.appName)} · Discord simulator</title>
  <style>${STYLE}</style>
</head>
<body>
<main>
  <span class="tag">Discord simulator · ${escapeHtml(page.guildName)}</span>
  <h1>Sign in to ${escapeHtml(page.appName)} as…</h1>
  ${page.notice ? `<p class="notice" role="alert">${escapeHtml(page.notice)}</p>` : ""}
  ${scopes ? `<ul class="scopes" aria-label="${escapeHtml(page.appName)} will be able to">${scopes}</ul>` : ""}
  <form method="post" action="/api/oauth2/authorize">
    ${hidden}
    <ul class="accounts">
    ${page.accounts.map(renderAccount).join("\n    ")}
    </ul>
    <button class="cancel" type="submit" name="action" value="cancel">Cancel</button>
  </form>
</main>
</body>
</html>`;
}

/** A plain error page for requests that cannot be redirected back (bad client_id or redirect_uri). */
export function renderErrorPage(title: string, detail: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)} · Discord simulator</title><style>${STYLE}</style></head>
<body><main><span class="tag">Discord simulator</span><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p></main></body>
</html>`;
}
