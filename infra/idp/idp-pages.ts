/**
 * Every HTML page the development identity provider shows: server-rendered, no JavaScript, Dutch
 * first with English alongside, and no resources from elsewhere (the library's default pages load
 * web fonts from a third party).
 */

/** The input names the login form posts; login-with-password.ts fills in the same ones. */
export const LOGIN_FIELD = 'login';
export const PASSWORD_FIELD = 'password';

/** The one refusal for an unknown user and a wrong password alike, so the form reveals no accounts. */
export const LOGIN_REFUSED = {
  nl: 'Gebruikersnaam of wachtwoord klopt niet.',
  en: 'The username or password is not correct.',
} as const;

/** The id of the refusal on the page, for assistive technology and for tests reading it. */
export const LOGIN_ERROR_ID = 'login-error';

export function loginPage(params: { action: string; login?: string; refused?: boolean }): string {
  const refused = params.refused === true;
  const invalid = refused ? ` aria-invalid="true" aria-describedby="${LOGIN_ERROR_ID}"` : '';
  const error = refused
    ? `<p id="${LOGIN_ERROR_ID}" class="error">${LOGIN_REFUSED.nl} <span lang="en">${LOGIN_REFUSED.en}</span></p>`
    : '';
  return page({
    title: `${refused ? 'Fout: ' : ''}Inloggen · Log in`,
    body: `<h1>Inloggen <span lang="en">· Log in</span></h1>
<p class="notice">Ontwikkelomgeving: alleen testaccounts. <span lang="en">Development environment: test accounts only.</span></p>
<form method="post" action="${escapeHtml(params.action)}">
  <div class="field">
    <label for="${LOGIN_FIELD}">Gebruikersnaam <span lang="en">· Username</span></label>
    <input id="${LOGIN_FIELD}" name="${LOGIN_FIELD}" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(params.login ?? '')}"${invalid}${refused ? '' : ' autofocus'}>
  </div>
  <div class="field">
    <label for="${PASSWORD_FIELD}">Wachtwoord <span lang="en">· Password</span></label>
    <input id="${PASSWORD_FIELD}" name="${PASSWORD_FIELD}" type="password" autocomplete="current-password" required${invalid}${refused ? ' autofocus' : ''}>
    ${error}
  </div>
  <button type="submit">Inloggen <span lang="en">· Log in</span></button>
</form>`,
  });
}

export function errorPage(params: { error: string; description?: string }): string {
  const description = params.description === undefined ? '' : `<p>${escapeHtml(params.description)}</p>`;
  return page({
    title: 'Er ging iets mis · Something went wrong',
    body: `<h1>Er ging iets mis <span lang="en">· Something went wrong</span></h1>
<p>Ga terug naar de website waar u vandaan kwam en probeer het opnieuw. <span lang="en">Go back to the website you came from and try again.</span></p>
<p><code>${escapeHtml(params.error)}</code></p>
${description}`,
  });
}

/** `form` is the library's hidden form (id op.logoutForm, with its CSRF field); the buttons submit it. */
export function logoutPage(form: string): string {
  return page({
    title: 'Uitloggen · Log out',
    body: `<h1>Wilt u uitloggen? <span lang="en">· Do you want to log out?</span></h1>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Ja, uitloggen <span lang="en">· Yes, log out</span></button>
<button type="submit" form="op.logoutForm">Nee, ingelogd blijven <span lang="en">· No, stay logged in</span></button>`,
  });
}

export function loggedOutPage(): string {
  return page({
    title: 'Uitgelogd · Logged out',
    body: `<h1>U bent uitgelogd <span lang="en">· You are logged out</span></h1>`,
  });
}

function page(params: { title: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(params.title)} — Samen Regelen</title>
<style>
body{font-family:system-ui,sans-serif;font-size:1.1rem;line-height:1.5;max-width:30rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
.notice{background:#fff4ce;padding:.5rem .75rem}
.field{margin:1rem 0}
label{display:block;font-weight:600}
input{font:inherit;width:100%;box-sizing:border-box;padding:.4rem;border:2px solid #1b1b1b}
input[aria-invalid=true]{border-color:#b00020}
.error{color:#b00020;font-weight:600;margin:.25rem 0 0}
button{font:inherit;padding:.5rem 1rem;margin:.25rem .5rem .25rem 0}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
</style>
</head>
<body>
<main>
${params.body}
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
