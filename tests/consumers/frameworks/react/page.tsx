// The React fixture's page: the README's two components side by side, and an
// element given hostile answers; the same tree for the client render
// (client.tsx), the server render (server.tsx) and hydration (hydrate.tsx).
import { Advisor } from './advisor';
import { ServerAdvisor } from './server-advisor';

/** Markup and a script as "answers": must stay text (React escapes it, the element reports bad JSON). */
export const HOSTILE = '"><script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">';

export function Page() {
  return (
    <>
      <section id="advisor"><Advisor /></section>
      <section id="server-advisor"><ServerAdvisor /></section>
      <section id="hostile"><stack-advisor answers={HOSTILE} no-share /></section>
    </>
  );
}
